import HookSchemaLoader
import HookSchemaModel
import Testing

/// `$ref`s, unions and reference cycles: checked once every file of the provider is read.
@Suite struct ReferenceDiagnosticsTests {
    static func provider(types: String) -> Fixture {
        .provider(minimalProvider + "\ntypes:\n" + types)
    }

    @Test func aRefToNothingSuggestsTheClosestType() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + """

                    types:
                      RunError: { type: object }
                      Run:
                        type: object
                        fields:
                          error: { $ref: 1️⃣RunEror }
                          other: { $ref: 2️⃣string }
                    """,
                "acme/e.yaml": "event: e\npayload: { $ref: 1️⃣Nothing }\n",
            ]),
            [
                ExpectedError("1️⃣", in: "acme/e.yaml", "`Nothing` names no type of provider `acme`"),
                ExpectedError("1️⃣", "`RunEror` names no type of provider `acme`; did you mean `RunError`?"),
                ExpectedError(
                    "2️⃣",
                    "`string` names no type of provider `acme`; `string` is a built-in type: write `type: string`"
                ),
            ]
        )
    }

    @Test func aTypeThatMustContainItselfIsACycle() {
        expectErrors(
            Self.provider(
                types: """
                      Node:
                        type: object
                        fields:
                          next: { $ref: 1️⃣Node, required: true }
                      A:
                        type: object
                        fields:
                          b: { $ref: 2️⃣B, required: true }
                      B:
                        type: object
                        fields:
                          inner:
                            type: object
                            required: true
                            fields:
                              a: { $ref: A, required: true }
                      Alias: { $ref: 3️⃣Alias }
                    """),
            [
                ExpectedError(
                    "1️⃣",
                    "type `Node` contains itself through required, non-nullable members (Node → Node); make one of "
                        + "them optional or nullable, or use an array"
                ),
                ExpectedError(
                    "2️⃣",
                    "type `A` contains itself through required, non-nullable members (A → B → A); make one of them "
                        + "optional or nullable, or use an array"
                ),
                ExpectedError(
                    "3️⃣",
                    "type `Alias` contains itself through required, non-nullable members (Alias → Alias); make one "
                        + "of them optional or nullable, or use an array"
                ),
            ]
        )
    }

    @Test func cyclesThroughArraysMapsOptionalOrNullableMembersAreFine() {
        let result = Self.provider(
            types: """
                  Tree:
                    type: object
                    fields:
                      children: { type: array, items: { $ref: Tree }, required: true }
                      byName: { type: map, values: { $ref: Tree }, required: true }
                      parent: { $ref: Tree }
                      sibling: { $ref: Tree, required: true, nullable: true }
                """
        ).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.schemaSet?.providers.first?.types.map(\.name) == ["Tree"])
    }

    @Test func unionMembersMustBeObjectsWithTheDiscriminator() {
        expectErrors(
            Self.provider(
                types: """
                      Step:
                        type: union
                        discriminator: stepType
                        mapping:
                          PARSE: ParseStep
                          EXTRACT: 1️⃣ParseStep
                          NAME: 2️⃣Name
                          BARE: 3️⃣Bare
                          LOOSE: 4️⃣Loose
                          NUMBER: 5️⃣Numbered
                          GONE: 6️⃣Gone
                      ParseStep:
                        type: object
                        fields:
                          stepType: { type: string, const: PARSE, required: true }
                      Name: string
                      Bare: { type: object, fields: { id: string } }
                      Loose: { type: object, fields: { stepType: string } }
                      Numbered: { type: object, fields: { stepType: { type: integer, required: true } } }
                    """),
            [
                ExpectedError(
                    "1️⃣",
                    "the union maps `EXTRACT` to `ParseStep`, whose `stepType` is const \"PARSE\""
                ),
                ExpectedError("2️⃣", "union member `Name` must be an object or union type, not a string"),
                ExpectedError("3️⃣", "union member `Bare` has no field `stepType` (the union's discriminator)"),
                ExpectedError(
                    "4️⃣",
                    "union member `Loose`: the discriminator `stepType` must be a required, non-nullable field"
                ),
                ExpectedError(
                    "5️⃣",
                    "union member `Numbered`: the discriminator `stepType` must be a string, not an integer"
                ),
                ExpectedError("6️⃣", "`Gone` names no type of provider `acme`"),
            ]
        )
    }

    @Test func aValidUnionLoads() throws {
        let result = Self.provider(
            types: """
                  Step:
                    type: union
                    discriminator: stepType
                    closed: true
                    mapping: { PARSE: ParseStep, EXTRACT: ExtractStep }
                  ParseStep: { type: object, fields: { stepType: { type: string, const: PARSE, required: true } } }
                  ExtractStep: { type: object, fields: { stepType: { type: string, required: true } } }
                """
        ).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let step = try #require(result.schemaSet?.providers.first?.type(named: "Step"))
        #expect(
            step.schema.kind
                == .union(
                    UnionRules(
                        discriminator: "stepType",
                        mapping: [
                            UnionMember(value: "PARSE", type: "ParseStep"),
                            UnionMember(value: "EXTRACT", type: "ExtractStep"),
                        ],
                        closed: true
                    )
                )
        )
    }

    @Test func aUnionMayHaveAUnionMemberWhoseMembersAllCarryTheOuterDiscriminator() throws {
        let result = Self.provider(
            types: """
                  Payload:
                    type: union
                    discriminator: object
                    closed: true
                    mapping: { step_run: Step, signed_data_url: Link }
                  Step: { type: union, discriminator: stepType, mapping: { PARSE: ParseStep, EXTRACT: ExtractStep } }
                  ParseStep:
                    type: object
                    fields:
                      object: { type: string, const: step_run, required: true }
                      stepType: { type: string, const: PARSE, required: true }
                  ExtractStep:
                    type: object
                    fields:
                      object: { type: string, const: step_run, required: true }
                      stepType: { type: string, const: EXTRACT, required: true }
                  Link: { type: object, fields: { object: { type: string, const: signed_data_url, required: true } } }
                """
        ).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let payload = try #require(result.schemaSet?.providers.first?.type(named: "Payload"))
        guard case .union(let rules) = payload.schema.kind else {
            Issue.record("Payload is not a union")
            return
        }
        #expect(rules.mapping.map(\.type) == ["Step", "Link"])
    }

    @Test func aUnionMembersOwnMembersAreCheckedAgainstTheOuterDiscriminator() {
        expectErrors(
            Self.provider(
                types: """
                      Payload:
                        type: union
                        discriminator: object
                        mapping: { step_run: 1️⃣Step, other: 2️⃣Other }
                      Step:
                        type: union
                        discriminator: stepType
                        mapping: { PARSE: ParseStep, EXTRACT: ExtractStep }
                      ParseStep:
                        type: object
                        fields:
                          object: { type: string, const: step_run, required: true }
                          stepType: { type: string, const: PARSE, required: true }
                      ExtractStep:
                        type: object
                        fields:
                          object: { type: string, const: extract_run, required: true }
                          stepType: { type: string, const: EXTRACT, required: true }
                      Other: { type: union, discriminator: kind, mapping: { a: Bare } }
                      Bare: { type: object, fields: { kind: { type: string, required: true } } }
                    """),
            [
                ExpectedError(
                    "1️⃣", "the union maps `step_run` to `ExtractStep`, whose `object` is const \"extract_run\""),
                ExpectedError("2️⃣", "union member `Bare` has no field `object` (the union's discriminator)"),
            ]
        )
    }

    @Test func unionsNeedADiscriminatorAndAMapping() {
        expectErrors(
            Self.provider(
                types: "  Step: 1️⃣{ type: union }\n  Other: { type: union, discriminator: t, mapping: 2️⃣{} }\n"),
            [
                ExpectedError("1️⃣", "a union is missing `discriminator`"),
                ExpectedError("1️⃣", "a union is missing `mapping`"),
                ExpectedError("2️⃣", "a union needs at least one member in `mapping`"),
            ]
        )
    }
}
