import HookSchemaGenerator
import Testing

/// One feature per test: a YAML fragment in, the generated Swift out (compared with `Snippets/<name>.swift.golden`).
@Suite struct StructSnippetTests {
    @Test func scalarsWireNamesAndKeywords() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  description: A thing with scalars.
                  fields:
                    object: { type: string, const: thing, required: true, description: Always `thing`. }
                    page_count: { type: integer, minimum: 1, description: Pages. }
                    credits: { type: number, default: 0 }
                    reviewed: { type: boolean, required: true }
                    default: { type: string, description: A member whose name is a Swift keyword. }
                    X-Trace-Id: { type: uuid }
                    homepage: { type: uri }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "scalars")
    }

    @Test func requiredAndNullableAreDistinct() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    always: { type: string, required: true }
                    maybe: { type: string }
                    alwaysMaybeNull: { type: string, required: true, nullable: true }
                    maybeNull: { type: string, nullable: true }
                    anything: { type: any, required: true }
                    anythingMaybe: { type: any }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "nullability")
    }

    @Test func datetimesAreDates() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    createdAt: { type: datetime, required: true }
                    reviewedAt: { type: datetime }
                    deletedAt: { type: datetime, required: true, nullable: true }
                    archivedAt: { type: datetime, nullable: true }
                    history: { type: array, items: { type: datetime } }
                    dueOn: { type: date }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "datetimes")
    }

    @Test func inlineObjectsAndEnumsNest() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    data:
                      type: object
                      required: true
                      description: An inline object named after its field (`Data` would shadow Foundation's).
                      fields:
                        mode: { type: enum, values: [fast, slow], closed: true, required: true }
                        owner: { type: object, fields: { name: { type: string, required: true } } }
                    type: { type: enum, values: [a, b] }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "nested")
    }

    @Test func arraysMapsAndAliases() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    tags: { $ref: Tags }
                    files: { type: array, required: true, items: { $ref: File }, minItems: 1 }
                    edits: { type: map, nullable: true, values: { $ref: File, nullable: true } }
                    rows: { type: array, items: { type: object, fields: { n: { type: integer, required: true } } } }
                    matrix: { type: array, items: { type: array, items: { type: number } } }
                File:
                  type: object
                  fields:
                    id: { type: string, required: true }
                Tags:
                  type: map
                  description: Free-form tags.
                  values: { type: string }
                """)
        // File, Tags (an alias) and Thing, in name order, in the one types file.
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "containers")
    }

    @Test func deprecatedMembersStayWarningFree() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    oldName: { type: string, deprecated: true, description: Use `name`. }
                    name: { type: string, required: true }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "deprecated")
    }

    @Test func anObjectWithoutFieldsKeepsEverythingAsUnknown() throws {
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  fields: {}
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "empty")
    }

    @Test func longDescriptionsWrapAt120Columns() throws {
        let words = Array(repeating: "wrapped", count: 60).joined(separator: " ")
        let snippet = Snippet(
            types: """
                Thing:
                  type: object
                  description: "\(words)"
                  fields:
                    note: { type: string, description: "\(words)" }
                """)
        let text = try snippet.file("AcmeWebhooks/AcmeTypes.swift")
        for line in text.split(separator: "\n") {
            #expect(line.count <= 120, "\(line)")
        }
        #expect(text.contains("    /// wrapped wrapped"))
    }
}

@Suite struct RecursiveSnippetTests {
    @Test func aTypeThatContainsItselfIsStoredIndirectly() throws {
        let snippet = Snippet(
            types: """
                Node:
                  type: object
                  fields:
                    name: { type: string, required: true }
                    next: { $ref: Node, nullable: true }
                    children: { type: array, items: { $ref: Node } }
                    owner: { $ref: Owner }
                Owner:
                  type: object
                  fields:
                    favourite: { $ref: Node, required: true, nullable: true }
                """
        )
        let types = try snippet.file("AcmeWebhooks/AcmeTypes.swift")
        Golden.expect(types, matches: "recursive")
        #expect(types.contains("private var _favourite: Indirect<Node?>"))
    }
}
