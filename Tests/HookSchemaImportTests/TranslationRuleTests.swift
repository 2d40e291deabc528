import HookSchemaModel
import Testing

@testable import HookSchemaImport

/// One JSON Schema construct each: what the importer makes of it, and the warning (with its pointer) for what
/// does not map exactly.
@Suite struct TranslationRuleTests {
    /// Translates the schema at `#/components/schemas/Thing` of a document whose components are `components`.
    static func translate(_ components: String) throws -> (schema: Schema, importer: SchemaImporter) {
        let document = try SourceDocument.parse(##"{"components": {"schemas": \##(components)}}"##, path: "doc.json")
        let importer = SchemaImporter()
        importer.add(document)
        let node = try #require(document.root.node(at: "/components/schemas/Thing"))
        let schema = importer.translate(node, at: SourcePlace(file: "doc.json", pointer: "/components/schemas/Thing"))
        return (schema, importer)
    }

    static func field(_ schema: Schema, _ name: String) -> Field? {
        guard case .object(let rules) = schema.kind else { return nil }
        return rules.fields.first { $0.name == name }
    }

    @Test func referencesBecomeNamedTypes() throws {
        let (schema, importer) = try Self.translate(
            ##"{"Thing": {"type": "object", "required": ["user"], "properties": {"user": {"$ref": "#/components/schemas/User", "description": "Who."}}}, "User": {"type": "object", "properties": {"login": {"type": "string"}}}}"##
        )
        let user = try #require(Self.field(schema, "user"))
        #expect(user.required && user.schema == Schema(.ref("User"), description: "Who."))
        #expect(importer.types["User"]?.schema == Schema(.object(ObjectRules(fields: [
            Field(name: "login", schema: Schema(.string(StringRules())), required: false)
        ]))))
    }

    @Test func theNullableIdioms() throws {
        // 3.1 type lists, 3.0 `nullable`, `oneOf: [X, {type: null}]`, and 3.0's `nullable` + `allOf: [$ref]`.
        let (schema, _) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"a": {"type": ["string", "null"], "format": "date-time"}, "b": {"type": "integer", "nullable": true}, "c": {"oneOf": [{"$ref": "#/components/schemas/U"}, {"type": "null"}]}, "d": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/U"}]}, "e": {"type": "null"}}}, "U": {"type": "object"}}"##
        )
        #expect(Self.field(schema, "a")?.schema == Schema(.string(StringRules(format: .datetime)), nullable: true))
        #expect(Self.field(schema, "b")?.schema == Schema(.integer(NumberRules()), nullable: true))
        #expect(Self.field(schema, "c")?.schema == Schema(.ref("U"), nullable: true))
        #expect(Self.field(schema, "d")?.schema == Schema(.ref("U"), nullable: true))
        // Only null: a string whose one value is null.
        #expect(Self.field(schema, "e")?.schema == Schema(.string(StringRules()), nullable: true, const: .null))
    }

    @Test func allOfNarrowingIsFlattened() throws {
        // GitHub's `allOf: [{$ref: issue}, {narrowing}]`: a smaller enum, a member made required, `type: null`.
        let (schema, importer) = try Self.translate(
            ##"{"Thing": {"allOf": [{"$ref": "#/components/schemas/Issue"}, {"type": "object", "required": ["state", "closed_at"], "properties": {"state": {"type": "string", "enum": ["open"]}, "closed_at": {"type": "null"}, "extra": {"type": "boolean"}}}]}, "Issue": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "state": {"type": "string", "enum": ["open", "closed"]}, "closed_at": {"type": ["string", "null"], "format": "date-time"}}}}"##
        )
        guard case .object(let rules) = schema.kind else {
            Issue.record("not an object: \(schema)")
            return
        }
        #expect(rules.fields.map(\.name) == ["id", "state", "closed_at", "extra"])
        #expect(rules.fields.map(\.required) == [true, true, true, false])
        #expect(rules.fields[1].schema == Schema(.string(StringRules()), const: .string("open")))
        #expect(rules.fields[2].schema.const == .null && rules.fields[2].schema.nullable)
        #expect(importer.warnings.isEmpty)
    }

    @Test func unionsByDiscriminatorConstOrShape() throws {
        let (schema, _) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}], "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}}, "by_const": {"anyOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}, "stamp": {"oneOf": [{"type": "integer"}, {"type": "string", "format": "date-time"}]}}}, "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["cat"]}}}, "Dog": {"type": "object", "required": ["kind", "bark"], "properties": {"kind": {"const": "dog", "type": "string"}, "bark": {"type": "boolean"}}}}"##
        )
        let tagged = UnionRules(
            discriminator: "kind", mapping: [UnionMember(value: "cat", type: "Cat"), UnionMember(value: "dog", type: "Dog")])
        #expect(Self.field(schema, "pet")?.schema.kind == .union(tagged))
        #expect(Self.field(schema, "by_const")?.schema.kind == .union(tagged))
        #expect(
            Self.field(schema, "stamp")?.schema.kind
                == .untaggedUnion(
                    UntaggedUnionRules(members: [
                        UntaggedUnionMember(schema: Schema(.integer(NumberRules()))),
                        UntaggedUnionMember(schema: Schema(.string(StringRules(format: .datetime)))),
                    ])))
    }

    @Test func integerEnumsWithVarnamesAndOpenAPI30Bounds() throws {
        let (schema, _) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"status": {"type": "integer", "enum": [0, 1, 2], "x-enum-varnames": ["Success", "Pending", "Fail"]}, "n": {"type": "number", "minimum": 0, "exclusiveMinimum": true}}}}"##
        )
        #expect(
            Self.field(schema, "status")?.schema.kind
                == .enumeration(
                    EnumRules(
                        values: [
                            EnumValue("0", swiftName: "success"), EnumValue("1", swiftName: "pending"),
                            EnumValue("2", swiftName: "fail"),
                        ], integer: true)))
        #expect(Self.field(schema, "n")?.schema.kind == .number(NumberRules(exclusiveMinimum: 0)))
    }

    @Test func whatDoesNotMapIsAWarningAtItsPointer() throws {
        let (_, importer) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"a": {"not": {"type": "string"}}, "b": {"type": "string", "format": "hostname"}, "c": {"$ref": "https://example.com/x.json"}, "d": {"type": "object", "patternProperties": {"^x": {}}}, "e": {"if": {"type": "string"}, "then": {"minLength": 1}}}}}"##
        )
        #expect(
            importer.warnings.map(\.description) == [
                "doc.json:/components/schemas/Thing/properties/a/not: warning: `not` is not in the schema language; "
                    + "ignored (the rest of the schema kept)",
                "doc.json:/components/schemas/Thing/properties/b/format: warning: format `hostname` is not in the "
                    + "schema language; mapped to a string",
                "doc.json:/components/schemas/Thing/properties/c/$ref: warning: `$ref: https://example.com/x.json` "
                    + "names nothing in the sources; mapped to any JSON value",
                "doc.json:/components/schemas/Thing/properties/d/patternProperties: warning: `patternProperties` is "
                    + "not in the schema language; ignored (the rest of the schema kept)",
                "doc.json:/components/schemas/Thing/properties/e/if: warning: `if` is not in the schema language; "
                    + "ignored (the rest of the schema kept)",
                "doc.json:/components/schemas/Thing/properties/e/then: warning: `then` is not in the schema "
                    + "language; ignored (the rest of the schema kept)",
            ])
    }

    @Test func swiftNameCollisionsGetSwiftNames() throws {
        let (schema, _) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"+1": {"type": "integer"}, "-1": {"type": "integer"}}}}"##)
        #expect(Self.field(schema, "+1")?.swiftName == nil)
        #expect(Self.field(schema, "-1")?.swiftName == "_12")
    }

    @Test func rulesBesideACompositionAreWarnedAbout() throws {
        let (_, importer) = try Self.translate(
            ##"{"Thing": {"oneOf": [{"type": "string"}, {"type": "integer"}], "properties": {"a": {}}, "required": ["a"]}}"##)
        #expect(
            importer.warnings.map(\.description) == [
                "doc.json:/components/schemas/Thing/properties: warning: `properties` beside `oneOf` is not read; ignored",
                "doc.json:/components/schemas/Thing/required: warning: `required` beside `oneOf` is not read; ignored",
            ])
    }

    @Test func uriTemplatesAndUniqueItemsMapExactly() throws {
        let (schema, importer) = try Self.translate(
            ##"{"Thing": {"type": "object", "properties": {"t": {"type": "string", "format": "uri-template"}, "u": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}}}}"##
        )
        #expect(Self.field(schema, "t")?.schema == Schema(.string(StringRules(format: .uriTemplate))))
        #expect(
            Self.field(schema, "u")?.schema == Schema(.array(ArrayRules(items: Schema(.string(StringRules())), uniqueItems: true))))
        #expect(importer.warnings.isEmpty)
    }

    @Test func aMemberTakingSomeStringsGoesFirst() throws {
        // GitHub's `environment_url`: `oneOf: [uri, enum [""]]`. After the `uri` member, `""` would never be chosen.
        let (schema, importer) = try Self.translate(
            ##"{"Thing": {"oneOf": [{"type": "string", "format": "uri"}, {"type": "string", "enum": [""]}]}}"##)
        #expect(
            schema.kind == .untaggedUnion(
                UntaggedUnionRules(members: [
                    UntaggedUnionMember(schema: Schema(.string(StringRules()), const: .string(""))),
                    UntaggedUnionMember(schema: Schema(.string(StringRules(format: .uri)))),
                ])))
        #expect(importer.warnings.isEmpty)
    }

    @Test func anEventBodyOfObjectsToldApartByOneMemberGetsAChoice() throws {
        // GitHub's `pull_request.review_requested`: the same members, and a `requested_reviewer` or a `requested_team`.
        for (keyword, exactlyOne) in [("oneOf", true), ("anyOf", false)] {
            let branch = { (member: String) in
                ##"{"type": "object", "required": ["number", "\##(member)"], "additionalProperties": false, "properties": {"number": {"type": "integer"}, "\##(member)": {"type": "object"}}}"##
            }
            let (schema, importer) = try Self.translate(
                ##"{"Thing": {"\##(keyword)": [\##(branch("requested_reviewer")), \##(branch("requested_team"))]}}"##)
            let body = ProviderAssembly.object(
                of: schema, importer: importer, at: SourcePlace(file: "doc.json", pointer: "/components/schemas/Thing"))
            #expect(body.fields.map(\.name) == ["number", "requested_reviewer", "requested_team"])
            #expect(body.fields.map(\.required) == [true, false, false])
            #expect(body.choices == [MemberChoice(members: ["requested_reviewer", "requested_team"], exactlyOne: exactlyOne)])
            #expect(importer.warnings.isEmpty, "\(importer.warnings)")
        }
    }
}
