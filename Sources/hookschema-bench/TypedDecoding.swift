import ExtendWebhooks
import Foundation
import HookSchemaValidation
import PlexteraWebhooks

/// Times decoding the corpus into the generated event unions: Foundation `JSONDecoder` on the `Codable`
/// conformances (the value alone), and the one-pass typed decoder (`SchemaValidator.decode`: value and report).
/// Each delivery is decoded as the union of the provider the validator assigns it (decided before timing).
func measureTypedDecoding(corpus: [[UInt8]], validator: SchemaValidator) {
    let extendName = ExtendEvent.provider.name
    let plexteraName = PlexteraEvent.provider.name
    // Deliveries of neither provider (none in the generated corpus) are left out of both timings.
    var selected: [(body: [UInt8], data: Data, isExtend: Bool)] = []
    for body in corpus {
        let provider = validator.validate(body: body).provider
        if provider == extendName || provider == plexteraName {
            selected.append((body, Data(body), provider == extendName))
        }
    }
    let bytes = selected.reduce(0) { $0 + $1.body.count }
    if selected.count != corpus.count {
        print("typed decoding: \(corpus.count - selected.count) deliveries of no provider left out")
    }
    var decodedByFoundation = 0
    if measured.contains("jsondecoder") {
        let decoder = JSONDecoder()
        let seconds = best(of: rounds) {
            var decoded = 0
            for delivery in selected {
                if delivery.isExtend {
                    if (try? decoder.decode(ExtendEvent.self, from: delivery.data)) != nil { decoded += 1 }
                } else {
                    if (try? decoder.decode(PlexteraEvent.self, from: delivery.data)) != nil { decoded += 1 }
                }
            }
            return decoded
        }
        result("jsondecoder", "Foundation JSONDecoder:  ", seconds: seconds, bytes: bytes)
        for delivery in selected {
            let decoded =
                delivery.isExtend
                ? (try? decoder.decode(ExtendEvent.self, from: delivery.data)) != nil
                : (try? decoder.decode(PlexteraEvent.self, from: delivery.data)) != nil
            if decoded { decodedByFoundation += 1 }
        }
        print("JSONDecoder decoded \(decodedByFoundation) of \(selected.count)")
    }
    if measured.contains("typed") {
        let seconds = best(of: rounds) {
            var checksum = 0
            for delivery in selected {
                if delivery.isExtend {
                    let (value, report) = validator.decode(ExtendEvent.self, body: delivery.body)
                    checksum &+= (value == nil ? 0 : 1_000_000) &+ report.findings.count
                } else {
                    let (value, report) = validator.decode(PlexteraEvent.self, body: delivery.body)
                    checksum &+= (value == nil ? 0 : 1_000_000) &+ report.findings.count
                }
            }
            return checksum
        }
        result("typed", "one-pass typed + report: ", seconds: seconds, bytes: bytes)
    }
}
