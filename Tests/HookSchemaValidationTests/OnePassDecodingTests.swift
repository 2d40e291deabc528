import ExtendWebhooks
import Foundation
import HookSchemaRuntime
import HookSchemaValidation
import PlexteraWebhooks
import Testing

/// The one-pass typed decoder (`SchemaValidator.decode`, `ExtendEvent.decode(validating:)`) gives the value
/// `JSONDecoder` gives and the report `SchemaValidator.validate` gives, for every example payload (passing, drifted
/// and failing) and a seeded random corpus of mutated examples.
@Suite struct OnePassDecodingTests {
    static let validator = SchemaValidator(for: [ExtendEvent.self, PlexteraEvent.self])

    /// Every example body below `Examples/payloads` (a `.delivery.json` contributes its body).
    static let examples: [(name: String, body: [UInt8])] = {
        let root = GoldenReportTests.examples
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var bodies: [(String, [UInt8])] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".json"), let data = FileManager.default.contents(atPath: root.path + "/" + path)
            else { continue }
            if path.hasSuffix(".delivery.json") {
                let delivery = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                if let body = delivery?["body"] as? String { bodies.append((path, Array(body.utf8))) }
            } else {
                bodies.append((path, [UInt8](data)))
            }
        }
        return bodies.sorted { $0.0 < $1.0 }
    }()

    /// Checks one body against both unions; returns how many decoded to a value.
    @discardableResult
    static func expectSame(_ body: [UInt8], _ name: String) -> Int {
        let expectedReport = validator.validate(body: body)
        let extend = validator.decode(ExtendEvent.self, body: body)
        let plextera = validator.decode(PlexteraEvent.self, body: body)
        let extendFoundation = try? JSONDecoder().decode(ExtendEvent.self, from: Data(body))
        let plexteraFoundation = try? JSONDecoder().decode(PlexteraEvent.self, from: Data(body))
        #expect(extend.report == expectedReport, "\(name): report")
        #expect(plextera.report == expectedReport, "\(name): report")
        #expect(extend.value == extendFoundation, "\(name): ExtendEvent value")
        #expect(plextera.value == plexteraFoundation, "\(name): PlexteraEvent value")
        return (extend.value == nil ? 0 : 1) + (plextera.value == nil ? 0 : 1)
    }

    @Test func everyExamplePayload() {
        #expect(Self.examples.count > 20)
        var decoded = 0
        for (name, body) in Self.examples {
            decoded += Self.expectSame(body, name)
        }
        #expect(decoded >= Self.examples.count / 2, "most examples decode")
    }

    @Test func randomCorpus() throws {
        var random = TestRandom(state: 7)
        var decoded = 0
        let templates = Self.examples.compactMap { try? JSONSerialization.jsonObject(with: Data($0.body)) }
        for round in 0..<1_500 {
            var value = templates[round % templates.count]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                value = Self.mutate(value, &random)
            }
            let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            decoded += Self.expectSame([UInt8](data), "random #\(round): \(String(decoding: data, as: UTF8.self))")
        }
        #expect(decoded > 100)
    }

    @Test func entryPointOnTheGeneratedType() throws {
        let (name, body) = try #require(Self.examples.first { $0.name.hasPrefix("extend/") && !$0.name.contains("/d") })
        let (value, report) = ExtendEvent.decode(validating: body)
        #expect(value == (try? JSONDecoder().decode(ExtendEvent.self, from: Data(body))), "\(name)")
        #expect(report == SchemaValidator(for: [ExtendEvent.self]).validate(body: body))
        let malformed = ExtendEvent.decode(validating: Array("{\"eventType\": ".utf8))
        #expect(malformed.value == nil)
        #expect(malformed.report.findings.map(\.kind) == [.malformedJSON])
    }

    /// Replaces one value somewhere in the tree (a member removed or added, a type changed, an awkward number or
    /// string), descending at random.
    static func mutate(_ value: Any, _ random: inout TestRandom) -> Any {
        let replacements: [Any] = [
            NSNull(), 0, -0.0, 1.0, 1.5, 1e2, 9_007_199_254_740_993, -12, "", "caf\u{E9} \u{1F600} \"q\" \\ /", true,
            "2024-01-02T03:04:05Z", "2024-13-45", [] as [Any], ["x": 1] as [String: Any], [1, "a", NSNull()] as [Any],
        ]
        let pick = { (random: inout TestRandom) in replacements[Int(random.next() % UInt64(replacements.count))] }
        if var object = value as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[Int(random.next() % UInt64(keys.count))]
            switch random.next() % 6 {
            case 0: object[key] = nil
            case 1: object["extra_\(random.next() % 5)"] = pick(&random)
            case 2: object[key] = pick(&random)
            default: object[key] = mutate(object[key] as Any, &random)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int(random.next() % UInt64(array.count))
            switch random.next() % 4 {
            case 0: array.remove(at: index)
            case 1: array[index] = pick(&random)
            default: array[index] = mutate(array[index], &random)
            }
            return array
        }
        return random.next() % 2 == 0 ? pick(&random) : value
    }
}

/// A seeded generator (SplitMix64), so failures reproduce.
struct TestRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
