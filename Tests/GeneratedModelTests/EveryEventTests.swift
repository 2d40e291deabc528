import ExtendWebhooks
import Foundation
import HookSchemaLoader
import HookSchemaModel
import HookSchemaRuntime
import PlexteraWebhooks
import Testing

/// Every event of the bundled schemas has an example delivery (`Examples/payloads/<provider>/<event type>.json`)
/// that decodes through the generated provider enum to the case of its own generated struct, and round-trips.
@Suite struct EveryEventTests {
    static let schemaSet: SchemaSet? = {
        let result = try? SchemaLoader.load(directory: Payloads.packageRoot.appendingPathComponent("Schemas").path)
        return result?.schemaSet
    }()

    static var events: [EventCase] {
        (schemaSet?.providers ?? []).flatMap { provider in
            provider.events.map { EventCase(provider: provider.name, type: $0.type, swiftName: $0.swiftName) }
        }
    }

    struct EventCase: CustomTestStringConvertible, Sendable {
        var provider: String
        var type: String
        var swiftName: String
        var testDescription: String { "\(provider) \(type)" }
    }

    @Test func theCatalogsAreComplete() throws {
        let schemaSet = try #require(Self.schemaSet, "the schemas in Schemas/ do not load")
        #expect(schemaSet.provider(named: "extend")?.events.count == 38)
        #expect(schemaSet.provider(named: "plextera")?.events.count == 5)
        #expect(ExtendEvent.provider.events.map(\.type) == schemaSet.provider(named: "extend")?.events.map(\.type))
    }

    @Test(arguments: events)
    func theExampleDecodesToItsOwnCase(_ event: EventCase) throws {
        let path = "\(event.provider)/\(event.type).json"
        let data = try #require(try? Payloads.data(path), "no example delivery \(path)")
        let decoded: any WebhookEventUnion
        switch event.provider {
        case "extend": decoded = try ExtendEvent(jsonData: data)
        case "plextera": decoded = try PlexteraEvent(jsonData: data)
        default:
            Issue.record("no generated module for provider \(event.provider)")
            return
        }
        #expect(decoded.eventType == event.type)
        let value = try #require(Mirror(reflecting: decoded).children.first?.value, "\(decoded) has no payload")
        let typed = try #require(value as? any WebhookEvent, "\(path) decoded to \(decoded), not a known event")
        #expect(type(of: typed).eventType == event.type)
        #expect(String(describing: type(of: typed)) == event.swiftName)
        #expect(try Payloads.json(try Payloads.encode(decoded)) == Payloads.json(data), "\(path) round trip")
    }

    @Test func aSignedURLPayloadDecodesToItsOwnCase() throws {
        let data = try Payloads.data("extend/extract_run.processed.signed-url.json")
        guard case .extractRunProcessed(let event) = try ExtendEvent(jsonData: data),
            case .signedDataUrl(let link) = event.payload
        else {
            Issue.record("the signed-URL example did not decode to .signedDataUrl")
            return
        }
        #expect(link.id == "exr_4Nm7Qw0Er3Ty6Ui9Op2As5")
        #expect(link.data.hasPrefix("https://"))
        #expect(link.metadata?["customerId"] == "cus_10482")
    }

    @Test func aStepRunDecodesByObjectThenStepType() throws {
        let data = try Payloads.data("extend/workflow_run.step_run.processed.json")
        guard case .workflowRunStepRunProcessed(let event) = try ExtendEvent(jsonData: data),
            case .workflowStepRun(.extract(let step)) = event.payload
        else {
            Issue.record("the step-run example did not decode to .workflowStepRun(.extract)")
            return
        }
        #expect(step.stepType == "EXTRACT")
        #expect(step.step.type == .extract)
        #expect(step.status == .processed)
    }

    @Test func aWorkflowRunKeepsItsStepRunsTyped() throws {
        let data = try Payloads.data("extend/workflow_run.completed.json")
        guard case .workflowRunCompleted(let event) = try ExtendEvent(jsonData: data),
            case .workflowRun(let run) = event.payload
        else {
            Issue.record("the workflow-run example did not decode to .workflowRun")
            return
        }
        #expect(run.status == .processed)
        #expect(run.stepRuns.count == 4)
        guard case .ruleValidation(let rules)? = run.stepRuns.last else {
            Issue.record("the last step run is not a RULE_VALIDATION step")
            return
        }
        #expect(rules.workflowRunId == run.id)
    }
}
