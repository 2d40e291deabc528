import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation
import Testing

/// The rules the import of real catalogs needed (Tests/Import found each one): `uri-template`, `uniqueItems`,
/// `exactlyOne` / `atLeastOne`, and a union member that takes only some strings; loaded from YAML as a user writes
/// them.
@Suite struct ImportedRulesValidationTests {
    static let schemas: SchemaSet = {
        let files = [
            "hub/provider.yaml": """
                provider: hub
                envelope:
                  eventHeader: X-Hub-Event
                  variant: action
                  fields: {}
                types:
                  Reviewer: { type: object, fields: { login: { type: string, required: true } } }
                """,
            "hub/review.requested.yaml": """
                event: review
                variant: requested
                fields:
                  number: { type: integer, required: true }
                  requested_reviewer: { $ref: Reviewer }
                  requested_team: { type: object, fields: {} }
                exactlyOne: [requested_reviewer, requested_team]
                """,
            "hub/labels.yaml": """
                event: labels
                fields:
                  names: { type: array, items: string, uniqueItems: true }
                  template: { type: uri-template }
                  environment_url:
                    type: union
                    members:
                    - { type: string, const: "" }
                    - { type: uri }
                  contact:
                    type: object
                    fields: { email: email, phone: string }
                    atLeastOne: [email, phone]
                """,
        ]
        return TestSchemas.loaded(files)
    }()

    static let validator = SchemaValidator(schemas: schemas)

    func findings(_ body: String, event: String) -> [String] {
        Self.validator.validate(body: Array(body.utf8), headers: nil, eventType: event).findings.map {
            "\($0.severity.rawValue) \($0.kind.rawValue) \($0.path)"
        }
    }

    @Test func exactlyOneMemberOfAChoice() {
        let event = "review"
        #expect(findings(#"{"action":"requested","number":1,"requested_reviewer":{"login":"a"}}"#, event: event) == [])
        #expect(findings(#"{"action":"requested","number":1,"requested_team":{}}"#, event: event) == [])
        #expect(
            findings(#"{"action":"requested","number":1}"#, event: event) == ["error missing_required "])
        #expect(
            findings(#"{"action":"requested","number":1,"requested_team":{},"requested_reviewer":null}"#, event: event)
                == ["error null_not_allowed /requested_reviewer", "error constraint_violation "])
        let report = Self.validator.validate(
            body: Array(#"{"action":"requested","number":1}"#.utf8), headers: nil, eventType: event)
        #expect(
            report.findings.first?.message
                == #"exactly one of the members "requested_reviewer", "requested_team" is required; none is present"#)
    }

    @Test func atLeastOneMemberOfAChoice() {
        #expect(findings(#"{"contact":{"email":"a@b.io","phone":"1"}}"#, event: "labels") == [])
        #expect(findings(#"{"contact":{"phone":"1"}}"#, event: "labels") == [])
        #expect(findings(#"{"contact":{}}"#, event: "labels") == ["error missing_required /contact"])
    }

    @Test func uniqueItems() {
        #expect(findings(#"{"names":["a","b"]}"#, event: "labels") == [])
        #expect(findings(#"{"names":["a","b","a"]}"#, event: "labels") == ["error constraint_violation /names"])
        let report = Self.validator.validate(body: Array(#"{"names":["a","b","a"]}"#.utf8), headers: nil, eventType: "labels")
        #expect(report.findings.first?.message == "items 0 and 2 are equal; the items of this array must be unique")
    }

    @Test(arguments: [
        "https://api.github.com/users/octocat/following{/other_user}", "{+path}/here", "{#frag}", "{.a,b}",
        "{/a*}", "{;x,y:3}", "{?q,lang}", "{&page}", "{var:30}", "{a.b}", "{%41b}", "plain text, with spaces", "",
    ])
    func uriTemplatesAccepted(_ template: String) {
        #expect(findings(#"{"template":"\#(template)"}"#, event: "labels") == [], "\(template)")
    }

    @Test(arguments: [
        "{unclosed", "closed}", "{}", "{=x}", "{!x}", "{a b}", "{a:0}", "{a:10000}", "{a.}", "{.}", "{a{b}}", "{a,}",
    ])
    func uriTemplatesRejected(_ template: String) {
        #expect(findings(#"{"template":"\#(template)"}"#, event: "labels") == ["error format_invalid /template"], "\(template)")
    }

    @Test func aUnionMemberThatTakesOnlySomeStrings() {
        #expect(findings(#"{"environment_url":""}"#, event: "labels") == [])
        #expect(findings(#"{"environment_url":"https://x.io"}"#, event: "labels") == [])
        #expect(findings(#"{"environment_url":"not a uri"}"#, event: "labels") == ["error format_invalid /environment_url"])
    }

    @Test func theLoaderRejectsAChoiceOfUnknownOrRequiredMembers() {
        let text = """
            provider: p
            envelope: { discriminator: type, fields: { type: { type: string, required: true } } }
            types:
              A:
                type: object
                fields: { a: string, b: { type: string, required: true } }
                exactlyOne: [a, b, c]
              B: { type: object, fields: { a: string }, atLeastOne: [a] }
            """
        let result = SchemaLoader.load(sources: [SchemaSource(path: "Schemas/p/provider.yaml", relativePath: "p/provider.yaml", text: text)])
        let messages = result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("7:21 `b` is required") })
        #expect(messages.contains { $0.hasPrefix("7:24 `exactlyOne` names `c`, which is not a field of this object") })
        #expect(messages.contains { $0.hasPrefix("8:57 `atLeastOne` needs two or more members") })
    }
}
