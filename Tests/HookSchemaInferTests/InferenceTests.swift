import Foundation
import HookSchemaImport
import HookSchemaLoader
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation
import Testing

@testable import HookSchemaInfer

/// `infer`'s rules on small, made-up samples (each rule one test), and end to end on the bundled examples: what it
/// writes lints, and every sample it saw validates against it without a failure.
@Suite struct InferenceTests {
    struct Sample {
        var body: String
        var headers: [(name: String, value: String)]? = nil
    }

    /// Both passes over `samples`, then the files written and loaded back.
    func infer(_ samples: [Sample], discriminator: String? = nil) throws -> (
        files: [String: String], provider: Provider, inferred: InferredProvider
    ) {
        var inference = ProviderInference(provider: "acme", discriminator: discriminator)
        for sample in samples {
            try Array(sample.body.utf8).withUnsafeBufferPointer { try inference.survey(body: $0, headers: sample.headers) }
        }
        try inference.finishSurvey()
        for sample in samples {
            try Array(sample.body.utf8).withUnsafeBufferPointer { _ = try inference.fold(body: $0, headers: sample.headers) }
        }
        let inferred = inference.result(source: "test")
        let files = ImportWriter.files(
            inferred.provider, source: "test", existingProvider: nil, origin: .infer(notes: inferred.notes))
        let sources = files.map {
            SchemaSource(path: "acme/\($0.name)", relativePath: "acme/\($0.name)", text: $0.contents)
        }
        let result = SchemaLoader.load(sources: sources)
        let provider = try #require(result.schemaSet?.provider(named: "acme"), "\(result.diagnostics)\n\(files)")
        // Every sample validates against what was inferred from it, without a failure.
        let validator = SchemaValidator(schemas: try #require(result.schemaSet))
        for sample in samples {
            let report = validator.validate(body: Array(sample.body.utf8), headers: sample.headers)
            #expect(report.verdict != .fail, "\(sample.body): \(report.findings)")
        }
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }), provider, inferred)
    }

    func field(_ provider: Provider, _ event: String, _ name: String) throws -> Field {
        let found = try #require(provider.events.first { $0.type == event }, "no event \(event)")
        guard case .object(let rules) = found.body.kind else {
            Issue.record("the body of \(event) is not an object")
            throw InferenceError("not an object")
        }
        return try #require(rules.fields.first { $0.name == name }, "no field \(name) in \(event)")
    }

    static func order(_ id: Int, type: String, status: String, extra: String = "") -> Sample {
        Sample(
            body: """
                {"id": "evt_\(100_000 + id)", "type": "\(type)", "data": {"orderId": "ord_\(5_000 + id)", \
                "status": "\(status)", "total": \(id * 3), "placedAt": "2024-03-2\(id % 10)T10:00:00Z"\(extra)}}
                """)
    }

    @Test func theEventMemberIsTheOneWhoseValuesSplitTheShapesNotTheId() throws {
        var samples: [Sample] = []
        for index in 0..<12 {
            samples.append(Self.order(index, type: "order.created", status: "NEW"))
            samples.append(
                Sample(body: #"{"id": "evt_\#(200_000 + index)", "type": "order.paid", "data": {"paymentId": "p", "amount": 3}}"#))
        }
        let (files, provider, _) = try infer(samples)
        #expect(provider.discriminator == "type")
        #expect(Set(provider.events.map(\.type)) == ["order.created", "order.paid"])
        #expect(files["provider.yaml"]?.contains("discriminator: type") == true)
        // The envelope: what every event has with the same schema (the id), not `data`.
        #expect(files["provider.yaml"]?.contains("    id: { type: string, required: true }") == true)
        #expect(files["order.paid.yaml"]?.contains("\n  id:") == false)
        #expect(files["order.paid.yaml"]?.contains("\n  data:") == true)
    }

    @Test func requiredNullableFormatsAndIntegers() throws {
        var samples: [Sample] = []
        for index in 0..<6 {
            let note = index == 0 ? #", "note": null"# : index < 3 ? #", "note": "x""# : ""
            samples.append(Self.order(index, type: "order.created", status: "NEW", extra: note))
            samples.append(Self.order(index + 10, type: "order.paid", status: "PAID"))
        }
        let (_, provider, inferred) = try infer(samples, discriminator: "type")
        var data = try field(provider, "order.created", "data").schema
        if case .ref(let name) = data.kind, let type = provider.types.first(where: { $0.name == name }) {
            data = type.schema
        }
        guard case .object(let rules) = data.kind else {
            Issue.record("data is not an object: \(data)")
            return
        }
        let byName = Dictionary(uniqueKeysWithValues: rules.fields.map { ($0.name, $0) })
        #expect(byName["placedAt"]?.schema.kind == .string(StringRules(format: .datetime)))
        #expect(byName["total"]?.schema.kind == .integer(NumberRules()))
        #expect(byName["total"]?.required == true)
        let note = try #require(byName["note"])
        #expect(!note.required)
        #expect(note.schema.nullable)
        #expect(inferred.notes.values.contains { $0.contains("optional: in 3 of 12 samples") })
    }

    @Test func anEnumNeedsTenSamplesAndFewValuesAConstThree() throws {
        var samples: [Sample] = []
        let statuses = ["NEW", "OPEN", "NEW", "OPEN", "CLOSED", "NEW", "NEW", "OPEN", "CLOSED", "NEW", "OPEN", "NEW"]
        for (index, status) in statuses.enumerated() {
            samples.append(Sample(body: #"{"type": "a", "object": "order", "status": "\#(status)", "name": "n\#(index)x"}"#))
            samples.append(Sample(body: #"{"type": "b", "flag": true}"#))
        }
        let (files, provider, _) = try infer(samples)
        let status = try field(provider, "a", "status")
        #expect(
            status.schema.kind
                == .enumeration(EnumRules(values: [EnumValue("CLOSED"), EnumValue("NEW"), EnumValue("OPEN")])))
        #expect(try field(provider, "a", "object").schema.const == .string("order"))
        // Names with digits are data: no enum, no const.
        #expect(try field(provider, "a", "name").schema.kind == .string(StringRules()))
        #expect(files["a.yaml"]?.contains("# an enum: 3 values in 12 samples") == true)
    }

    @Test func objectsToldApartByAConstantMemberBecomeAUnion() throws {
        var samples: [Sample] = []
        for index in 0..<4 {
            samples.append(
                Sample(body: """
                    {"eventType": "run.done", "payload": {"object": "run", "id": "r\(index)", "status": "DONE", \
                    "output": {"a": 1}, "startedAt": "2024-01-01T00:00:00Z"}}
                    """))
        }
        samples.append(
            Sample(body: #"{"eventType": "run.done", "payload": {"object": "signed_data_url", "data": "https://x.test/a"}}"#))
        let (_, provider, _) = try infer(samples, discriminator: "eventType")
        let payload = try field(provider, "run.done", "payload")
        guard case .union(let rules) = payload.schema.kind else {
            Issue.record("payload is not a union: \(payload.schema)")
            return
        }
        #expect(rules.discriminator == "object")
        #expect(rules.mapping.map(\.value) == ["run", "signed_data_url"])
        #expect(rules.mapping.map(\.type) == ["Run", "SignedDataUrl"])
    }

    @Test func theSameShapeInTwoPlacesIsOneNamedType() throws {
        let user = #"{"login": "octocat", "id": 1, "site_admin": false}"#
        let samples = [
            Sample(body: #"{"type": "issue", "sender": \#(user), "assignee": \#(user)}"#),
            Sample(body: #"{"type": "ping", "sender": \#(user)}"#),
        ]
        let (files, provider, _) = try infer(samples, discriminator: "type")
        #expect(try field(provider, "issue", "assignee").schema.kind == .ref("Sender"))
        #expect(try field(provider, "ping", "sender").schema.kind == .ref("Sender"))
        #expect(files["provider.yaml"]?.contains("  Sender:") == true)
    }

    @Test func keysThatLookLikeDataMakeAMap() throws {
        let samples = [
            Sample(body: #"{"type": "t", "counts": {"1296269": 3, "1296270": 4}}"#),
            Sample(body: #"{"type": "t", "counts": {"1296271": 5}}"#),
        ]
        let (_, provider, _) = try infer(samples, discriminator: "type")
        #expect(
            try field(provider, "t", "counts").schema.kind == .map(MapRules(values: Schema(.integer(NumberRules())))))
    }

    @Test func aHeaderNamesTheEventsAndAMemberTheVariants() throws {
        var samples: [Sample] = []
        for (event, action) in [("issues", "opened"), ("issues", "closed"), ("issues", "opened"), ("push", nil)] {
            let member = action.map { "\"action\": \"\($0)\", " } ?? "\"ref\": \"refs/heads/main\", "
            let extra = action == "closed" ? ", \"closed_by\": {\"login\": \"a\", \"id\": 2}" : ""
            samples.append(
                Sample(
                    body: "{" + member + "\"sender\": {\"login\": \"a\", \"id\": 1}" + extra + "}",
                    headers: [("X-GitHub-Event", event), ("X-GitHub-Delivery", UUID().uuidString)]))
        }
        let (files, provider, _) = try infer(samples)
        #expect(provider.eventHeader == "X-GitHub-Event")
        #expect(provider.variantMember == "action")
        #expect(Set(provider.events.map(\.type)) == ["issues.opened", "issues.closed", "push"])
        #expect(files["issues.closed.yaml"]?.contains("closed_by") == true)
    }

    @Test func withoutANamingMemberItAsksForOne() throws {
        var inference = ProviderInference(provider: "acme", discriminator: nil)
        try Array(#"{"id": "evt_1234567"}"#.utf8).withUnsafeBufferPointer { try inference.survey(body: $0, headers: nil) }
        #expect(throws: InferenceError.self) { try inference.finishSurvey() }
    }

    @Test func aBodyThatIsNotJSONIsAnErrorWithItsPlace() throws {
        var inference = ProviderInference(provider: "acme", discriminator: "type")
        #expect(throws: (any Error).self) {
            try Array(#"{"type": "#.utf8).withUnsafeBufferPointer { try inference.survey(body: $0, headers: nil) }
        }
    }

    @Test func anAccumulatorTypesAMemberFromItsValues() {
        var accumulator = ShapeAccumulator()
        accumulator.add(.string("2024-01-01T00:00:00Z"))
        var other = accumulator
        other.add(.null)
        #expect(accumulator.count == 1)
        #expect(accumulator.schema() == Schema(.string(StringRules(format: .datetime))))
        #expect(other.schema() == Schema(.string(StringRules(format: .datetime)), nullable: true))
        accumulator.merge(other)
        #expect(accumulator.count == 3)
    }

    /// The bundled examples: Extend (events named by `eventType`, a union on `object`) and Plextera.
    @Test(arguments: ["extend", "plextera"])
    func theBundledExamplesInferAndValidate(provider: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/payloads/\(provider)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".json") && !$0.hasSuffix(".delivery.json")
        }.sorted()
        let samples = try names.map { Sample(body: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        let (files, inferredProvider, _) = try infer(samples)
        #expect(inferredProvider.discriminator == "eventType")
        if provider == "extend" {
            #expect(files["extract_run.processed.yaml"]?.contains("signed_data_url: SignedDataUrl") == true)
        }
    }
}
