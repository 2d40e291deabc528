import ExtendWebhooks
import Foundation
import HookSchemaLoader
import HookSchemaRuntime
import PlexteraWebhooks
import Testing

@Suite struct ProviderEnumTests {
    @Test func decodesByDiscriminator() throws {
        for path in try Payloads.all(provider: "extend") {
            let data = try Payloads.data(path)
            let event = try ExtendEvent(jsonData: data)
            #expect(try Payloads.json(data)["eventType"] == .string(event.eventType), "\(path)")
        }
    }

    @Test func keepsAnUnknownEventTypeWithItsBody() throws {
        let body = #"{"eventId":"evt_1","eventType":"workflow.archived","payload":{"object":"workflow","id":"wf_1"}}"#
        let event = try ExtendEvent(jsonData: Data(body.utf8))
        guard case .unknown(let eventType, let raw) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        #expect(eventType == "workflow.archived")
        #expect(event.eventType == "workflow.archived")
        #expect(raw["payload"]?["id"] == "wf_1")
        #expect(try Payloads.json(try Payloads.encode(event)) == Payloads.json(Data(body.utf8)))
    }

    @Test func aMissingDiscriminatorIsADecodingError() {
        #expect(throws: DecodingError.self) {
            _ = try ExtendEvent(jsonData: Data(#"{"eventId":"evt_1","payload":{}}"#.utf8))
        }
    }

    @Test func embedsExactlyTheBundledSchemas() throws {
        let result = try SchemaLoader.load(directory: Payloads.packageRoot.appendingPathComponent("Schemas").path)
        let schemaSet = try #require(result.schemaSet)
        #expect(ExtendEvent.provider == schemaSet.provider(named: "extend"))
        #expect(PlexteraEvent.provider == schemaSet.provider(named: "plextera"))
        #expect(ExtendEvent.runtimeVersion == .v3)
    }
}
