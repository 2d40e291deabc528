import HookSchemaLoader
import HookSchemaModel
import Testing

@testable import HookSchemaImport

/// What the importer writes reads back, through the loader, as the schemas it wrote: every kind, flow and block
/// style, quoting, long descriptions.
@Suite struct LanguageWriterTests {
    static let schemas: [(String, Schema)] = [
        ("plain", Schema(.string(StringRules()))),
        ("formatted", Schema(.string(StringRules(format: .uri, pattern: "^https://[a-z]+\\.com/#x", minLength: 1)))),
        ("bounded", Schema(.number(NumberRules(minimum: 0.5, exclusiveMaximum: 10)), description: "Has: a colon")),
        ("constant", Schema(.string(StringRules()), const: .string("yes"))),
        ("nullConstant", Schema(.string(StringRules()), nullable: true, const: .null)),
        ("flag", Schema(.boolean, defaultValue: .boolean(true))),
        (
            "status",
            Schema(.enumeration(EnumRules(values: [EnumValue("ON"), EnumValue("1"), EnumValue("a b", description: "Spaced.")])))
        ),
        ("code", Schema(.enumeration(EnumRules(values: [EnumValue("0", swiftName: "ok"), EnumValue("7")], integer: true)))),
        ("list", Schema(.array(ArrayRules(items: Schema(.ref("Thing"), nullable: true), minItems: 1)))),
        ("tags", Schema(.map(MapRules(values: Schema(.string(StringRules())), maxEntries: 5, keyPattern: "^[a-z]")))),
        ("free", Schema(.any, nullable: true)),
        (
            "either",
            Schema(
                .untaggedUnion(
                    UntaggedUnionRules(members: [
                        UntaggedUnionMember(schema: Schema(.integer(NumberRules()))),
                        UntaggedUnionMember(schema: Schema(.string(StringRules(format: .datetime))), swiftName: "at"),
                        UntaggedUnionMember(
                            schema: Schema(.object(ObjectRules(fields: [
                                Field(name: "#id", schema: Schema(.string(StringRules())), required: true)
                            ])))),
                    ])))
        ),
        (
            "nested",
            Schema(
                .object(
                    ObjectRules(fields: [
                        Field(
                            name: "deep", schema: Schema(.object(ObjectRules(fields: [])), description: String(
                                repeating: "A long description that wraps. ", count: 8)), required: true),
                        Field(name: "two\nlines", schema: Schema(.boolean, description: "One.\n\nTwo: yes"), required: false,
                            swiftName: "twoLines"),
                    ])))
        ),
    ]

    @Test func writtenSchemasReadBackTheSame() throws {
        var writer = LanguageWriter()
        writer.line("provider: acme")
        writer.line("envelope:")
        writer.line("discriminator: type", indent: 1)
        writer.line("fields:", indent: 1)
        writer.line("type: { type: string, required: true }", indent: 2)
        writer.line("types:")
        writer.schema("Thing", Schema(.object(ObjectRules(fields: []))), indent: 1)
        writer.schema(
            "Whole",
            Schema(.object(ObjectRules(fields: Self.schemas.map { Field(name: $0.0, schema: $0.1, required: false) }))),
            indent: 1)
        let text = writer.text
        let result = SchemaLoader.load(sources: [SchemaSource(path: "acme/provider.yaml", relativePath: "acme/provider.yaml", text: text)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)\n\(text)")
        let whole = try #require(result.schemaSet?.provider(named: "acme")?.type(named: "Whole"))
        guard case .object(let rules) = whole.schema.kind else {
            Issue.record("not an object")
            return
        }
        for (field, expected) in zip(rules.fields, Self.schemas) {
            #expect(field.schema == expected.1, "\(expected.0):\n\(text)")
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= LanguageWriter.width }, "\(text)")
    }

    @Test func scalarsAreQuotedOnlyWhereYAMLWouldMisreadThem() {
        #expect(LanguageWriter.scalar("plain text") == "plain text")
        #expect(LanguageWriter.scalar("a: b") == "\"a: b\"")
        #expect(LanguageWriter.scalar("null") == "\"null\"")
        #expect(LanguageWriter.scalar("12") == "\"12\"")
        #expect(LanguageWriter.scalar("#x") == "\"#x\"")
        #expect(LanguageWriter.scalar("a #b") == "\"a #b\"")
        #expect(LanguageWriter.scalar("x,y") == "\"x,y\"")
        #expect(LanguageWriter.scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
    }
}

/// A re-import replaces provider.yaml's `types:` block and nothing else.
@Suite struct TypesBlockTests {
    @Test func theTypesBlockIsReplacedInPlace() {
        let existing = """
            provider: acme
            envelope: { discriminator: type, fields: { type: string } }
            # Written by `hookschema import`: a re-import rewrites this `types:` block (and nothing else here).
            types:
              Old: { type: string }

            # The user's: kept.
            legacyEvents:
              a.old: a.new

            """
        let replaced = ImportWriter.replacingTypes(in: existing, with: "types:\n  New: { type: integer }\n")
        #expect(
            replaced == """
                provider: acme
                envelope: { discriminator: type, fields: { type: string } }
                types:
                  New: { type: integer }

                # The user's: kept.
                legacyEvents:
                  a.old: a.new

                """)
        let appended = ImportWriter.replacingTypes(in: "provider: acme\n", with: "types:\n  T: string\n")
        #expect(appended == "provider: acme\n\ntypes:\n  T: string\n")
    }
}
