import HookSchemaLoader
import HookSchemaModel
import Testing

/// Every schema feature of Schemas/README.md loads into the expected `Schema`.
@Suite struct SchemaLoadingTests {
    /// The payload schema of event `e` in provider `acme`.
    static func payload(_ yaml: String) throws -> Schema {
        let indented = yaml.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        let result = Fixture.event("e", "event: e\npayload:\n\(indented)\n").load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let event = try #require(result.schemaSet?.providers.first?.events.first)
        guard case .object(let body) = event.body.kind, let data = body.fields.last else {
            Issue.record("no body")
            return Schema(.any)
        }
        return data.schema
    }

    /// The fields of an object payload.
    static func fields(_ yaml: String) throws -> [Field] {
        let indented = yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        guard case .object(let rules) = try payload("type: object\nfields:\n\(indented)").kind else { return [] }
        return rules.fields
    }

    @Test func scalars() throws {
        let fields = try Self.fields(
            """
            id: { type: string, required: true, pattern: "^exr_", minLength: 5, maxLength: 64 }
            pageCount: { type: integer, minimum: 1 }
            credits: { type: number, minimum: 0, exclusiveMaximum: 1e6 }
            reviewed: { type: boolean, required: true, default: false }
            createdAt: { type: datetime, required: true }
            dueOn: date
            link: { type: string, format: uri }
            email: email
            uuid: uuid
            object: { type: string, const: extract_run, required: true }
            note: { type: string, nullable: true, deprecated: true, description: Old., swiftName: remark }
            """)
        #expect(
            fields == [
                Field(
                    name: "id",
                    schema: Schema(.string(StringRules(pattern: "^exr_", minLength: 5, maxLength: 64))),
                    required: true
                ),
                Field(name: "pageCount", schema: Schema(.integer(NumberRules(minimum: 1))), required: false),
                Field(
                    name: "credits",
                    schema: Schema(.number(NumberRules(minimum: 0, exclusiveMaximum: 1_000_000))),
                    required: false
                ),
                Field(name: "reviewed", schema: Schema(.boolean, defaultValue: .boolean(false)), required: true),
                Field(name: "createdAt", schema: Schema(.string(StringRules(format: .datetime))), required: true),
                Field(name: "dueOn", schema: Schema(.string(StringRules(format: .date))), required: false),
                Field(name: "link", schema: Schema(.string(StringRules(format: .uri))), required: false),
                Field(name: "email", schema: Schema(.string(StringRules(format: .email))), required: false),
                Field(name: "uuid", schema: Schema(.string(StringRules(format: .uuid))), required: false),
                Field(
                    name: "object",
                    schema: Schema(.string(StringRules()), const: .string("extract_run")),
                    required: true
                ),
                Field(
                    name: "note",
                    schema: Schema(.string(StringRules()), description: "Old.", nullable: true, deprecated: true),
                    required: false,
                    swiftName: "remark"
                ),
            ]
        )
    }

    @Test func enums() throws {
        let schema = try Self.payload(
            """
            type: enum
            nullable: true
            values:
              - ABORTED
              - { value: OUT_OF_CREDITS, description: Insufficient credits., deprecated: true }
              - ON
              - 1
            """)
        #expect(
            schema
                == Schema(
                    .enumeration(
                        EnumRules(values: [
                            EnumValue("ABORTED"),
                            EnumValue("OUT_OF_CREDITS", description: "Insufficient credits.", deprecated: true),
                            EnumValue("ON"),
                            EnumValue("1"),
                        ])
                    ),
                    nullable: true
                )
        )
        let closed = try Self.payload("type: enum\nclosed: true\nvalues: [json, url]\nconst: json")
        #expect(
            closed
                == Schema(
                    .enumeration(EnumRules(values: [EnumValue("json"), EnumValue("url")], closed: true)),
                    const: .string("json"))
        )
    }

    @Test func arraysMapsAndAny() throws {
        let fields = try Self.fields(
            """
            files: { type: array, items: { type: string, minLength: 1 }, minItems: 1, maxItems: 100 }
            tags:
              type: map
              values: { type: string, maxLength: 512 }
              keys: { minLength: 1, maxLength: 64, pattern: "^[a-z]+$" }
              minEntries: 1
              maxEntries: 50
            metadata: { type: any, nullable: true }
            extra: {}
            """)
        #expect(
            fields.map(\.schema) == [
                Schema(
                    .array(ArrayRules(items: Schema(.string(StringRules(minLength: 1))), minItems: 1, maxItems: 100))),
                Schema(
                    .map(
                        MapRules(
                            values: Schema(.string(StringRules(maxLength: 512))),
                            minEntries: 1,
                            maxEntries: 50,
                            keyMinLength: 1,
                            keyMaxLength: 64,
                            keyPattern: "^[a-z]+$"
                        )
                    )
                ),
                Schema(.any, nullable: true),
                Schema(.any),
            ]
        )
    }

    @Test func fieldsKeepTheirDeclarationOrder() throws {
        let names = try Self.fields("zeta: string\nalpha: string\nmid: string\nbeta: string").map(\.name)
        #expect(names == ["zeta", "alpha", "mid", "beta"])
    }

    @Test func refsCarryTheirOwnFieldKeys() throws {
        let result = Fixture([
            "acme/provider.yaml": minimalProvider + "\ntypes:\n  FileSummary: { type: object }\n",
            "acme/e.yaml": """
            event: e
            payload:
              type: object
              fields:
                file: { $ref: FileSummary, nullable: true, required: true, description: Null for many. }
            """,
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .object(let body) = result.schemaSet?.providers.first?.events.first?.body.kind,
            case .object(let payload) = body.fields.last?.schema.kind
        else {
            Issue.record("no payload")
            return
        }
        #expect(
            payload.fields == [
                Field(
                    name: "file",
                    schema: Schema(.ref("FileSummary"), description: "Null for many.", nullable: true),
                    required: true
                )
            ]
        )
    }
}

/// The issue's acceptance check: a schema with three different mistakes yields exactly three diagnostics.
@Suite struct ThreeMistakesTests {
    @Test func threeDifferentMistakesGiveThreeDiagnostics() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + "\ntypes:\n  RunError: { type: object }\n",
                "acme/run.failed.yaml": """
                event: run.failed
                payload:
                  type: object
                  fields:
                    status: { type: 1️⃣strng, required: true }
                    error: { $ref: 2️⃣RunEror, required: true }
                    count: { type: integer, 3️⃣requird: true }
                """,
            ]),
            [
                ExpectedError("1️⃣", in: "acme/run.failed.yaml", "unknown type `strng`; did you mean `string`?"),
                ExpectedError(
                    "2️⃣",
                    in: "acme/run.failed.yaml",
                    "`RunEror` names no type of provider `acme`; did you mean `RunError`?"
                ),
                ExpectedError("3️⃣", in: "acme/run.failed.yaml", "unknown key `requird`; did you mean `required`?"),
            ]
        )
    }
}
