import HookSchemaExport
import HookSchemaModel
import Testing

/// One feature of the schema language each: the JSON Schema a field's schema becomes, in both modes.
@Suite struct TranslationTests {
    /// A provider with one event, `test.event`, whose body holds the envelope's `eventType` and `fields`.
    static func provider(_ fields: [Field], types: [NamedType] = []) -> Provider {
        let eventType = Field(
            name: "eventType", schema: Schema(.string(StringRules()), const: .string("test.event")), required: true)
        return Provider(
            name: "test", swiftName: "Test", discriminator: "eventType", types: types,
            events: [
                Event(
                    type: "test.event", swiftName: "TestEvent", description: "A test event.",
                    body: Schema(.object(ObjectRules(fields: [eventType] + fields))), source: "test/test.event.yaml")
            ])
    }

    /// The rendered JSON Schema of the body member `name`.
    static func property(
        _ name: String, _ schema: Schema, required: Bool = false, types: [NamedType] = [],
        mode: JSONSchemaMode = .tolerant
    ) -> String {
        let provider = provider([Field(name: name, schema: schema, required: required)], types: types)
        let root = JSONSchemaExporter.eventSchema(provider.events[0], of: provider, mode: mode)
        guard let properties = member("properties", of: root), let node = member(name, of: properties) else {
            return "<missing>"
        }
        return JSONWriter.render(node)
    }

    static func member(_ name: String, of node: JSONNode) -> JSONNode? {
        guard case .object(let members) = node else { return nil }
        return members.first { $0.name == name }?.value
    }

    @Test func scalarsWithFormatsAndConstraints() {
        let string = Schema(.string(StringRules(format: .datetime, pattern: "^a", minLength: 1, maxLength: 9)))
        #expect(
            Self.property("at", string) == """
                {
                  "type": "string",
                  "format": "date-time",
                  "pattern": "^a",
                  "minLength": 1,
                  "maxLength": 9
                }

                """)
        let number = Schema(.number(NumberRules(minimum: 1, maximum: 5.5, exclusiveMinimum: 0, exclusiveMaximum: 6)))
        #expect(
            Self.property("score", number)
                == "{\n  \"type\": \"number\",\n  \"minimum\": 1,\n  \"exclusiveMinimum\": 0,\n  \"maximum\": 5.5,\n"
                + "  \"exclusiveMaximum\": 6\n}\n")
        #expect(Self.property("on", Schema(.string(StringRules(format: .date)))).contains("\"format\": \"date\""))
        #expect(Self.property("url", Schema(.string(StringRules(format: .uri)))).contains("\"format\": \"uri\""))
    }

    /// The first member whose shape a value has: `if` the shape, `then` the member, `else` the next, ending in an
    /// `anyOf` of every member (which a value of no member's shape never passes).
    @Test func untaggedUnionsAreAnIfThenElseChain() {
        let user = NamedType(
            name: "User",
            schema: Schema(
                .object(
                    ObjectRules(fields: [
                        Field(name: "login", schema: Schema(.string(StringRules())), required: true),
                        Field(name: "type", schema: Schema(.string(StringRules()), const: .string("User")), required: true),
                    ]))), source: "test/provider.yaml")
        let union = Schema(
            .untaggedUnion(
                UntaggedUnionRules(members: [
                    UntaggedUnionMember(schema: Schema(.ref("User"))),
                    UntaggedUnionMember(schema: Schema(.integer(NumberRules()))),
                ])))
        #expect(
            Self.property("who", union, types: [user]) == """
                {
                  "if": {
                    "type": "object",
                    "properties": {
                      "type": {
                        "const": "User"
                      }
                    },
                    "required": ["login", "type"]
                  },
                  "then": {
                    "$ref": "#/$defs/User"
                  },
                  "else": {
                    "if": {
                      "type": "integer"
                    },
                    "then": {
                      "type": "integer"
                    },
                    "else": {
                      "anyOf": [
                        {
                          "$ref": "#/$defs/User"
                        },
                        {
                          "type": "integer"
                        }
                      ]
                    }
                  }
                }

                """)
        var nullable = union
        nullable.nullable = true
        #expect(Self.property("who", nullable, types: [user]).hasPrefix("{\n  \"anyOf\": [\n    {\n      \"type\": \"null\""))
    }

    @Test func integerEnumsListIntegers() {
        let status = Schema(
            .enumeration(EnumRules(values: [EnumValue("0", swiftName: "success"), EnumValue("1")], integer: true)))
        #expect(Self.property("s", status).contains("\"enum\": [0, 1]"))
        #expect(Self.property("s", status).contains("\"type\": \"integer\""))
        let strict = Self.property("s", status, mode: .strict)
        #expect(strict.contains("\"type\": \"integer\"") && strict.contains("\"enum\": [0, 1]"))
        #expect(!strict.contains("anyOf"))
    }

    @Test func nullableIsATypeListAndNullableConstsAreEnums() {
        #expect(Self.property("n", Schema(.integer(NumberRules()), nullable: true)).contains("[\"integer\", \"null\"]"))
        let constant = Schema(.string(StringRules()), nullable: true, const: .string("x"))
        #expect(Self.property("c", constant).contains("\"enum\": [\"x\", null]"))
        #expect(Self.property("d", Schema(.boolean, const: .boolean(true))).contains("\"const\": true"))
    }

    @Test func descriptionsDeprecationAndDefaults() {
        let schema = Schema(
            .string(StringRules()), description: "Old.", deprecated: true, defaultValue: .string("v"))
        #expect(
            Self.property("old", schema)
                == "{\n  \"description\": \"Old.\",\n  \"deprecated\": true,\n  \"type\": \"string\",\n"
                + "  \"default\": \"v\"\n}\n")
    }

    @Test func openEnumsAcceptAnyStringInTolerantModeOnly() {
        let open = Schema(.enumeration(EnumRules(values: [EnumValue("A"), EnumValue("B")])), nullable: true)
        #expect(
            Self.property("e", open) == """
                {
                  "anyOf": [
                    {
                      "enum": ["A", "B", null]
                    },
                    {
                      "type": "string"
                    }
                  ]
                }

                """)
        #expect(
            Self.property("e", open, mode: .strict)
                == "{\n  \"type\": [\"string\", \"null\"],\n  \"enum\": [\"A\", \"B\", null]\n}\n")
        let closed = Schema(.enumeration(EnumRules(values: [EnumValue("A")], closed: true)))
        #expect(Self.property("e", closed) == "{\n  \"type\": \"string\",\n  \"enum\": [\"A\"]\n}\n")
    }

    @Test func objectsAreClosedInStrictModeOnly() {
        let object = Schema(
            .object(ObjectRules(fields: [Field(name: "id", schema: Schema(.string(StringRules())), required: true)])))
        let tolerant = Self.property("o", object)
        #expect(tolerant.contains("\"required\": [\"id\"]"))
        #expect(!tolerant.contains("additionalProperties"))
        #expect(Self.property("o", object, mode: .strict).contains("\"additionalProperties\": false"))
    }

    @Test func nullableReferencesUseIfElseSoErrorsKeepTheirPaths() {
        let types = [
            NamedType(name: "Thing", schema: Schema(.object(ObjectRules(fields: []))), source: "test/provider.yaml")
        ]
        #expect(Self.property("t", Schema(.ref("Thing")), types: types) == "{\n  \"$ref\": \"#/$defs/Thing\"\n}\n")
        #expect(
            Self.property("t", Schema(.ref("Thing"), nullable: true), types: types) == """
                {
                  "if": {
                    "type": "null"
                  },
                  "else": {
                    "$ref": "#/$defs/Thing"
                  }
                }

                """)
    }

    @Test func arraysAndMaps() {
        let array = Schema(.array(ArrayRules(items: Schema(.string(StringRules())), minItems: 1, maxItems: 3)))
        #expect(
            Self.property("a", array)
                == "{\n  \"type\": \"array\",\n  \"items\": {\n    \"type\": \"string\"\n  },\n  \"minItems\": 1,\n"
                + "  \"maxItems\": 3\n}\n")
        let map = Schema(
            .map(
                MapRules(
                    values: Schema(.string(StringRules(minLength: 1))), maxEntries: 50, keyMinLength: 1,
                    keyMaxLength: 64)))
        let rendered = Self.property("m", map)
        #expect(rendered.contains("\"additionalProperties\": {\n    \"type\": \"string\",\n    \"minLength\": 1\n  }"))
        #expect(rendered.contains("\"propertyNames\": {\n    \"minLength\": 1,\n    \"maxLength\": 64\n  }"))
        #expect(rendered.contains("\"maxProperties\": 50"))
        let free = Self.property("free", Schema(.any, description: "Anything."))
        #expect(free == "{\n  \"description\": \"Anything.\"\n}\n")
    }

    @Test func uniqueItemsChoicesURITemplatesAndUnionMembersOfSomeStrings() {
        let unique = Schema(.array(ArrayRules(items: Schema(.string(StringRules())), uniqueItems: true)))
        #expect(Self.property("a", unique).contains("\"uniqueItems\": true"))
        #expect(Self.property("t", Schema(.string(StringRules(format: .uriTemplate)))).contains("\"format\": \"uri-template\""))
        let choice = { (exactlyOne: Bool, nullable: Bool) in
            Schema(
                .object(
                    ObjectRules(
                        fields: [
                            Field(name: "a", schema: Schema(.boolean), required: false),
                            Field(name: "b", schema: Schema(.boolean), required: false),
                        ], choices: [MemberChoice(members: ["a", "b"], exactlyOne: exactlyOne)])), nullable: nullable)
        }
        let branches = "[\n    {\n      \"required\": [\"a\"]\n    },\n    {\n      \"required\": [\"b\"]\n    }\n  ]"
        #expect(Self.property("o", choice(true, false)).contains("\"oneOf\": " + branches))
        #expect(Self.property("o", choice(false, false)).contains("\"anyOf\": " + branches))
        // Nullable: `null` passes (every `required` branch would accept it, and `oneOf` wants exactly one).
        #expect(Self.property("o", choice(true, true)).contains("\"anyOf\": [\n    {\n      \"type\": \"null\"\n    },"))
        let environment = Schema(
            .untaggedUnion(
                UntaggedUnionRules(members: [
                    UntaggedUnionMember(schema: Schema(.string(StringRules()), const: .string(""))),
                    UntaggedUnionMember(schema: Schema(.string(StringRules(format: .uri)))),
                ])))
        #expect(
            Self.property("e", environment).hasPrefix(
                "{\n  \"if\": {\n    \"type\": \"string\",\n    \"enum\": [\"\"]\n  },\n  \"then\": {\n    \"type\": \"string\",\n    \"const\": \"\"\n  },"))
    }

    @Test func unionsDispatchOnTheirDiscriminator() {
        let member = NamedType(
            name: "Parse",
            schema: Schema(
                .object(
                    ObjectRules(fields: [
                        Field(
                            name: "kind", schema: Schema(.string(StringRules()), const: .string("PARSE")),
                            required: true)
                    ]))),
            source: "test/provider.yaml")
        let union = Schema(
            .union(UnionRules(discriminator: "kind", mapping: [UnionMember(value: "PARSE", type: "Parse")])))
        let tolerant = Self.property("step", union, types: [member])
        #expect(tolerant.contains("\"if\": {\n        \"type\": \"object\",\n        \"properties\": {\n"))
        #expect(tolerant.contains("\"then\": {\n        \"$ref\": \"#/$defs/Parse\"\n      }"))
        #expect(!tolerant.contains("\"enum\""))
        #expect(Self.property("step", union, types: [member], mode: .strict).contains("\"enum\": [\"PARSE\"]"))
    }

    @Test func eventFilesCarryOnlyTheTypesTheyUse() {
        let types = [
            NamedType(name: "Used", schema: Schema(.ref("Nested")), source: "test/provider.yaml"),
            NamedType(name: "Nested", schema: Schema(.boolean), source: "test/provider.yaml"),
            NamedType(name: "Unused", schema: Schema(.boolean), source: "test/provider.yaml"),
        ]
        let provider = Self.provider([Field(name: "u", schema: Schema(.ref("Used")), required: true)], types: types)
        let root = JSONSchemaExporter.eventSchema(provider.events[0], of: provider, mode: .tolerant)
        guard case .object(let definitions) = Self.member("$defs", of: root) else {
            Issue.record("no $defs")
            return
        }
        #expect(definitions.map(\.name) == ["Nested", "Used"])
        let dispatching = JSONWriter.render(JSONSchemaExporter.providerSchema(provider, mode: .tolerant))
        #expect(dispatching.contains("\"enum\": [\"test.event\"]"))
        #expect(dispatching.contains("\"$ref\": \"#/$defs/TestEvent\""))
        #expect(dispatching.contains("\"Unused\": {"))
    }

    @Test func filesAreNamedPerEventAndPerProviderAndMarkedGenerated() {
        let files = JSONSchemaExporter.export(SchemaSet(providers: [Self.provider([])]), mode: .strict)
        #expect(files.map(\.relativePath) == ["test.schema.json", "test/test.event.schema.json"])
        #expect(files.allSatisfy { ExportedFile.isGenerated($0.contents) })
        let comment = "\"$comment\": \"Generated by hookschema from test/test.event.yaml (mode strict)"
        #expect(files[1].contents.contains(comment))
        #expect(!ExportedFile.isGenerated("{\n  \"$schema\": \"x\"\n}\n"))
    }
}
