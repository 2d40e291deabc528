import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation
import Testing

/// Dispatch by header and variant, integer discriminators, unions without a discriminator, integer enums and dedupe
/// keys, on schemas loaded from YAML as a user writes them.
@Suite struct AnyProviderValidationTests {
    static let schemas: SchemaSet = {
        let files = [
            "hub/provider.yaml": """
                provider: hub
                envelope:
                  eventHeader: X-Hub-Event
                  variant: action
                  fields:
                    sender: { $ref: Actor, required: true }
                dedupeKey: { header: X-Hub-Delivery }
                types:
                  User: { type: object, fields: { login: { type: string, required: true }, id: { type: integer, required: true } } }
                  Team: { type: object, fields: { slug: { type: string, required: true }, id: { type: integer, required: true } } }
                  Actor: { type: union, members: [{ $ref: User }, { $ref: Team }] }
                  Stamp: { type: union, members: [integer, datetime] }
                  Status:
                    type: enum
                    values: [{ value: 0, swiftName: success }, { value: 1, swiftName: pending }]
                """,
            "hub/issues.opened.yaml": """
                event: issues
                variant: opened
                fields:
                  created_at: { $ref: Stamp, required: true }
                  status: { $ref: Status }
                """,
            "hub/issues.yaml": "event: issues\nfields: {}\n",
            "hub/ping.yaml": "event: ping\nfields: { zen: { type: string, required: true } }\n",
            "disc/provider.yaml": """
                provider: disc
                envelope:
                  discriminator: type
                  fields:
                    type: { type: integer, required: true }
                    id: { type: string, required: true }
                dedupeKey: { member: /id }
                """,
            "disc/1.yaml": "event: 1\nswiftName: PingInteraction\nfields: {}\n",
        ]
        return TestSchemas.loaded(files)
    }()

    static let validator = SchemaValidator(schemas: schemas)

    func check(_ body: String, headers: [String: String]? = nil, eventType: String? = nil) -> DriftReport {
        Self.validator.validate(
            body: Array(body.utf8), headers: headers.map { $0.map { (name: $0.key, value: $0.value) } },
            eventType: eventType)
    }

    func summary(_ report: DriftReport) -> [String] {
        report.findings.map { "\($0.severity.rawValue) \($0.kind.rawValue) \($0.path)" }
    }

    static let opened = #"{"action":"opened","sender":{"login":"octo","id":1},"created_at":1700000000,"status":1}"#

    @Test func theEventHeaderAndTheVariantNameTheEvent() {
        let report = check(Self.opened, headers: ["x-hub-event": "issues", "X-Hub-Delivery": "d-1"])
        #expect(report.provider == "hub" && report.event == "issues.opened" && report.verdict == .pass)
        #expect(report.dedupeKey == "d-1")
        // `--event` names it for a bare body; the variant still comes from the body.
        let named = check(Self.opened, eventType: "issues")
        #expect(named.event == "issues.opened" && named.verdict == .pass && named.dedupeKey == nil)
        // A header value without variants, and a variant this event type does not list: the plain `issues` event.
        #expect(check(#"{"zen":"x","sender":{"slug":"a","id":2}}"#, eventType: "ping").event == "ping")
        #expect(check(#"{"action":"closed","sender":{"slug":"a","id":2}}"#, eventType: "issues").event == "issues")
    }

    @Test func withoutTheHeaderThereIsOneClearFinding() {
        let report = check(Self.opened)
        #expect(summary(report) == ["error missing_header /headers/X-Hub-Event"])
        #expect(report.provider == "hub")
        #expect(report.findings.first?.message.contains("--event") == true)
        let withHeaders = check(Self.opened, headers: ["X-Other": "1"])
        #expect(summary(withHeaders) == ["error missing_header /headers/X-Hub-Event"])
        let unknown = check(Self.opened, headers: ["X-Hub-Event": "deploy"])
        #expect(summary(unknown) == ["error unknown_event /headers/X-Hub-Event"])
        #expect(unknown.event == "deploy")
    }

    @Test func anUnknownVariantOfAnEventWithoutAPlainOne() throws {
        // `ping` has no variants, so its body's `action` is not read; a provider whose event has only variants
        // reports an unknown one at the variant member.
        let files = [
            "gh/provider.yaml": "provider: gh\nenvelope:\n  eventHeader: X-E\n  variant: action\n",
            "gh/issues.opened.yaml": "event: issues\nvariant: opened\nfields: {}\n",
        ]
        let sources = files.keys.sorted().map { SchemaSource(path: $0, relativePath: $0, text: files[$0] ?? "") }
        let validator = SchemaValidator(schemas: try #require(SchemaLoader.load(sources: sources).schemaSet))
        let headers = [(name: "X-E", value: "issues")]
        let report = validator.validate(body: Array(#"{"action":"frobbed"}"#.utf8), headers: headers)
        #expect(summary(report) == ["error unknown_event /action"] && report.event == "issues.frobbed")
        let missing = validator.validate(body: Array("{}".utf8), headers: headers)
        #expect(summary(missing) == ["error missing_required /action"])
        let wrong = validator.validate(body: Array(#"{"action":3}"#.utf8), headers: headers)
        #expect(summary(wrong) == ["error type_mismatch /action"])
    }

    @Test func untaggedUnionsChooseTheFirstMatchingShape() {
        // A team (no `login`) is the second member; an integer or a date-time timestamp.
        let team = #"{"action":"opened","sender":{"slug":"core","id":2},"created_at":"2024-01-01T00:00:00Z"}"#
        #expect(check(team, eventType: "issues").verdict == .pass)
        // Of the right kind but no member's shape: the closest member's findings (a user missing `id` has one
        // error; as a team it would have two).
        let partial = #"{"action":"opened","sender":{"login":"octo"},"created_at":1}"#
        #expect(summary(check(partial, eventType: "issues")) == ["error missing_required /sender/id"])
        // Of no member's kind: one type mismatch naming the kinds.
        let report = check(#"{"action":"opened","sender":{"login":"o","id":1},"created_at":true}"#, eventType: "issues")
        #expect(summary(report) == ["error type_mismatch /created_at"])
        #expect(report.findings.first?.expected == .array([.string("integer"), .string("string")]))
        #expect(report.findings.first?.message == "expected integer or string, found boolean true")
        // Chosen by shape, then checked: a string is the date-time member, and must be one.
        let notADate = #"{"action":"opened","sender":{"login":"o","id":1},"created_at":"yesterday"}"#
        #expect(summary(check(notADate, eventType: "issues")) == ["error format_invalid /created_at"])
        // `1.5` is a number, not an integer: no member takes it.
        let fraction = #"{"action":"opened","sender":{"login":"o","id":1},"created_at":1.5}"#
        #expect(summary(check(fraction, eventType: "issues")) == ["error type_mismatch /created_at"])
    }

    @Test func integerEnums() {
        let body = { (status: String) in
            #"{"action":"opened","sender":{"login":"o","id":1},"created_at":1,"status":"# + status + "}"
        }
        #expect(check(body("0"), eventType: "issues").verdict == .pass)
        let unknown = check(body("7"), eventType: "issues")
        #expect(summary(unknown) == ["warning unknown_enum_value /status"])
        #expect(unknown.findings.first?.actual == .integer(7))
        #expect(unknown.findings.first?.expected == .array([.integer(0), .integer(1)]))
        #expect(summary(check(body("\"0\""), eventType: "issues")) == ["error type_mismatch /status"])
        #expect(summary(check(body("1.0"), eventType: "issues")) == ["error type_mismatch /status"])
    }

    @Test func integerDiscriminatorsAndBodyDedupeKeys() {
        let report = check(#"{"type":1,"id":"int_1"}"#)
        #expect(report.provider == "disc" && report.event == "1" && report.verdict == .pass)
        #expect(report.dedupeKey == "int_1")
        let unknown = check(#"{"type":9,"id":"int_2"}"#)
        #expect(summary(unknown) == ["error unknown_event /type"] && unknown.event == "9")
        #expect(unknown.dedupeKey == "int_2")
    }
}
