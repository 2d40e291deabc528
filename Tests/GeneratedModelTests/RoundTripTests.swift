import ExtendWebhooks
import Foundation
import HookSchemaRuntime
import PlexteraWebhooks
import Testing

@Suite struct RoundTripTests {
    static let extendPayloads = (try? Payloads.all(provider: "extend")) ?? []
    static let plexteraPayloads = (try? Payloads.all(provider: "plextera")) ?? []

    @Test func everyExampleIsFound() {
        #expect(Self.extendPayloads.count >= 8)
        #expect(Self.plexteraPayloads.count >= 4)
    }

    /// decode → encode → decode is the identity, and the encoded JSON equals the delivery's.
    @Test(arguments: extendPayloads)
    func extendExampleRoundTrips(path: String) throws {
        let data = try Payloads.data(path)
        let event = try ExtendEvent(jsonData: data)
        if case .unknown(let eventType, _) = event {
            Issue.record("\(path): event type \(eventType) decoded as unknown")
        }
        let encoded = try Payloads.encode(event)
        #expect(try ExtendEvent(jsonData: encoded) == event)
        #expect(try Payloads.json(encoded) == Payloads.json(data))
    }

    @Test(arguments: plexteraPayloads)
    func plexteraExampleRoundTrips(path: String) throws {
        let data = try Payloads.data(path)
        let event = try PlexteraEvent(jsonData: data)
        if case .unknown(let eventType, _) = event {
            Issue.record("\(path): event type \(eventType) decoded as unknown")
        }
        let encoded = try Payloads.encode(event)
        #expect(try PlexteraEvent(jsonData: encoded) == event)
        #expect(try Payloads.json(encoded) == Payloads.json(data))
    }

    @Test func unknownFieldsAndAnUnknownFailureReasonSurvive() throws {
        let seed = try Payloads.data("extend/extract_run.failed.seed.json")
        let drifted = try Payloads.edited(seed) { body in
            body["deliveryAttempt"] = 3
            body["payload"]?.set(["failureReason"], to: "QUANTUM_FLUX")
            body["payload"]?.set(["brandNewField"], to: ["nested": [1, 2.5, "x", nil], "big": 2_432_232_314])
            body["payload"]?.set(["file", "checksum"], to: "sha256:abc")
            body["payload"]?.set(["usage", "credits"], to: 9.75)
        }
        let event = try JSONDecoder().decode(ExtractRunFailedEvent.self, from: drifted)
        #expect(event.unknownFields["deliveryAttempt"] == 3)
        #expect(event.payload.run?.failureReason == .value(.unknown("QUANTUM_FLUX")))
        #expect(event.payload.run?.failureReason?.value?.isKnown == false)
        #expect(event.payload.run?.unknownFields["brandNewField"]?["big"] == .integer(2_432_232_314))
        #expect(event.payload.run?.file?.value?.unknownFields["checksum"] == "sha256:abc")
        #expect(event.payload.run?.usage?.value?.credits == 9.75)

        let encoded = try Payloads.encode(event)
        #expect(try JSONDecoder().decode(ExtractRunFailedEvent.self, from: encoded) == event)
        #expect(try Payloads.json(encoded) == Payloads.json(drifted))
    }

    @Test func nullAndAbsentStayApart() throws {
        let seed = try Payloads.data("extend/extract_run.failed.seed.json")
        let edited = try Payloads.edited(seed) { body in
            body["payload"]?.set(["failureReason"], to: nil)
            body["payload"]?.set(["file"], to: nil)
            if case .object(var payload)? = body["payload"] {
                payload["usage"] = nil
                body["payload"] = .object(payload)
            }
        }
        let event = try JSONDecoder().decode(ExtractRunFailedEvent.self, from: edited)
        let run = try #require(event.payload.run)
        #expect(run.failureReason == .null)
        #expect(run.file == .null)
        #expect(run.usage == nil)
        let encoded = try Payloads.json(try Payloads.encode(run))
        #expect(encoded["failureReason"] == .null)
        #expect(encoded["file"] == .null)
        #expect(encoded["usage"] == nil)
    }

    @Test func datesDecodeAnyRFC3339FormAndEncodeCanonically() throws {
        let seed = try Payloads.data("extend/extract_run.failed.seed.json")
        let edited = try Payloads.edited(seed) { body in
            body["payload"]?.set(["createdAt"], to: "2024-03-21T18:45:00.250+02:00")
        }
        let event = try JSONDecoder().decode(ExtractRunFailedEvent.self, from: edited)
        let run = try #require(event.payload.run)
        #expect(run.createdAt == RFC3339.parseDateTime("2024-03-21T16:45:00.25Z")?.date)
        #expect(try Payloads.json(try Payloads.encode(run))["createdAt"] == "2024-03-21T16:45:00.25Z")
    }

    @Test func aMalformedDateIsADecodingError() throws {
        let seed = try Payloads.data("extend/extract_run.failed.seed.json")
        let edited = try Payloads.edited(seed) { body in
            body["payload"]?.set(["createdAt"], to: "21 March 2024")
        }
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(ExtractRunFailedEvent.self, from: edited)
        }
    }
}
