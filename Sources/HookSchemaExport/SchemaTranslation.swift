import HookSchemaModel

/// Translates the schemas of one provider into JSON Schema, in one mode.
///
/// The shapes are chosen so that JSON Schema validators report errors at the same instance paths as hookschema's
/// findings: a nullable `$ref` is `if: {type: null}, else: {$ref}` (errors of the referenced schema surface as
/// they are, not wrapped in an `anyOf`), and unions and the provider's events dispatch with `if`/`then` on the
/// discriminator's `const`.
struct SchemaTranslation {
    let provider: Provider
    let mode: JSONSchemaMode

    static func reference(_ name: String) -> JSONNode {
        .object([JSONNode.Member("$ref", .string("#/$defs/" + JSONPointer.escape(name)))])
    }

    // MARK: Definitions

    /// `$defs` members for `names` (named types of the provider), in the given order.
    func definitions(of names: [String]) -> JSONNode {
        .object(
            names.compactMap { name in
                provider.type(named: name).map { JSONNode.Member(name, node(for: $0.schema)) }
            })
    }

    /// The definition of an event's body: its description and deprecation, then the body's object schema.
    func eventDefinition(_ event: Event) -> JSONNode {
        var definition = JSONObjectBuilder()
        var body = event.body
        body.description = body.description ?? event.description
        body.deprecated = body.deprecated || event.deprecated
        for member in node(for: body).objectMembers {
            definition.set(member.name, member.value)
        }
        return definition.node
    }

    /// The named types `schemas` use, directly or through other named types, sorted by name.
    func referencedTypes(from schemas: [Schema]) -> [String] {
        var found: Set<String> = []
        var pending = schemas
        while let schema = pending.popLast() {
            for name in Self.references(in: schema) where found.insert(name).inserted {
                if let named = provider.type(named: name) {
                    pending.append(named.schema)
                }
            }
        }
        return found.sorted()
    }

    private static func references(in schema: Schema) -> [String] {
        switch schema.kind {
        case .ref(let name): return [name]
        case .object(let rules): return rules.fields.flatMap { references(in: $0.schema) }
        case .array(let rules): return references(in: rules.items)
        case .map(let rules): return references(in: rules.values)
        case .union(let rules): return rules.mapping.map(\.type)
        case .untaggedUnion(let rules): return rules.members.flatMap { references(in: $0.schema) }
        case .string, .integer, .number, .boolean, .enumeration, .any: return []
        }
    }

    // MARK: Schemas

    /// The JSON Schema for `schema`. Members in a fixed order: description, deprecated, type, value rules,
    /// members, default.
    func node(for schema: Schema) -> JSONNode {
        var object = JSONObjectBuilder()
        object.set("description", schema.description.map(JSONNode.string))
        if schema.deprecated {
            object.set("deprecated", .bool(true))
        }
        switch schema.kind {
        case .any:
            break
        case .ref(let name):
            if schema.nullable && !acceptsNull(name) {
                object.set("if", .object([JSONNode.Member("type", .string("null"))]))
                object.set("else", Self.reference(name))
            } else {
                object.set("$ref", .string("#/$defs/" + JSONPointer.escape(name)))
            }
        case .string(let rules):
            object.set("type", type("string", schema.nullable))
            setConst(schema, into: &object)
            object.set("format", rules.format.map { .string(Self.formatName($0)) })
            object.set("pattern", rules.pattern.map(JSONNode.string))
            object.set("minLength", rules.minLength.map { .integer(Int64($0)) })
            object.set("maxLength", rules.maxLength.map { .integer(Int64($0)) })
        case .integer(let rules), .number(let rules):
            object.set("type", type(schema.kind.isInteger ? "integer" : "number", schema.nullable))
            setConst(schema, into: &object)
            object.set("minimum", rules.minimum.map(JSONNode.number))
            object.set("exclusiveMinimum", rules.exclusiveMinimum.map(JSONNode.number))
            object.set("maximum", rules.maximum.map(JSONNode.number))
            object.set("exclusiveMaximum", rules.exclusiveMaximum.map(JSONNode.number))
        case .boolean:
            object.set("type", type("boolean", schema.nullable))
            setConst(schema, into: &object)
        case .enumeration(let rules):
            setEnumeration(rules, schema, into: &object)
        case .object(let rules):
            object.set("type", type("object", schema.nullable))
            setMembers(rules, into: &object)
            setChoices(rules.choices, nullable: schema.nullable, into: &object)
        case .array(let rules):
            object.set("type", type("array", schema.nullable))
            object.set("items", isAny(rules.items) ? nil : node(for: rules.items))
            object.set("minItems", rules.minItems.map { .integer(Int64($0)) })
            object.set("maxItems", rules.maxItems.map { .integer(Int64($0)) })
            object.set("uniqueItems", rules.uniqueItems ? .bool(true) : nil)
        case .map(let rules):
            object.set("type", type("object", schema.nullable))
            setMap(rules, into: &object)
        case .union(let rules):
            object.set("type", type("object", schema.nullable))
            setUnion(rules, into: &object)
        case .untaggedUnion(let rules):
            setUntaggedUnion(rules, nullable: schema.nullable, into: &object)
        }
        object.set("default", schema.defaultValue.map(Self.literal))
        return object.node
    }

    private func type(_ name: String, _ nullable: Bool) -> JSONNode {
        nullable ? .array([.string(name), .string("null")]) : .string(name)
    }

    /// `const`, or `enum: [value, null]` when the schema is also nullable.
    private func setConst(_ schema: Schema, into object: inout JSONObjectBuilder) {
        guard let constant = schema.const else { return }
        if schema.nullable && constant != .null {
            object.set("enum", .array([Self.literal(constant), .null]))
        } else {
            object.set("const", Self.literal(constant))
        }
    }

    /// Closed enums (and every enum in strict mode) list their values; an open enum in tolerant mode also accepts
    /// any other string (or integer): `anyOf: [{enum: known values}, {type: string}]`.
    private func setEnumeration(_ rules: EnumRules, _ schema: Schema, into object: inout JSONObjectBuilder) {
        let jsonType = rules.integer ? "integer" : "string"
        var values: [JSONNode] = rules.values.map { value in
            rules.integer ? Int64(value.value).map { .integer($0) } ?? .string(value.value) : .string(value.value)
        }
        if schema.nullable {
            values.append(.null)
        }
        if schema.const != nil {
            object.set("type", type(jsonType, schema.nullable))
            setConst(schema, into: &object)
        } else if rules.closed || mode == .strict {
            object.set("type", type(jsonType, schema.nullable))
            object.set("enum", .array(values))
        } else {
            object.set(
                "anyOf",
                .array([
                    .object([JSONNode.Member("enum", .array(values))]),
                    .object([JSONNode.Member("type", .string(jsonType))]),
                ]))
        }
    }

    /// The first member whose shape the value has (`UnionShape`), as nested `if`/`then`/`else`, so that JSON Schema
    /// validators choose the member hookschema chooses and report its errors at the same paths; a value of no
    /// member's shape falls to `anyOf` over the members, which no such value passes (each member requires its
    /// shape).
    private func setUntaggedUnion(_ rules: UntaggedUnionRules, nullable: Bool, into object: inout JSONObjectBuilder) {
        let members = rules.members.map { node(for: $0.schema) }
        var chain: JSONNode = .object([JSONNode.Member("anyOf", .array(members))])
        for (member, schema) in zip(rules.members, members).reversed() {
            chain = .object([
                JSONNode.Member("if", shapeNode(provider.unionShape(of: member.schema))),
                JSONNode.Member("then", schema),
                JSONNode.Member("else", chain),
            ])
        }
        if nullable {
            object.set("anyOf", .array([.object([JSONNode.Member("type", .string("null"))]), chain]))
        } else {
            for member in chain.objectMembers {
                object.set(member.name, member.value)
            }
        }
    }

    /// A schema that a value passes when it has `shape`.
    private func shapeNode(_ shape: UnionShape) -> JSONNode {
        var types: [JSONNode] = []
        if shape.kinds.contains(.string) { types.append(.string("string")) }
        if shape.kinds.isSuperset(of: .number) {
            types.append(.string("number"))
        } else if shape.kinds.contains(.integer) {
            types.append(.string("integer"))
        }
        if shape.kinds.contains(.boolean) { types.append(.string("boolean")) }
        if shape.kinds.contains(.object) { types.append(.string("object")) }
        if shape.kinds.contains(.array) { types.append(.string("array")) }
        if shape.kinds.contains(.null) { types.append(.string("null")) }
        var node = JSONObjectBuilder()
        if shape.kinds != .all {
            node.set("type", types.count == 1 ? types[0] : .array(types))
        }
        if let strings = shape.strings {
            let values = strings.map(JSONNode.string) + (shape.kinds.contains(.null) ? [.null] : [])
            if shape.kinds.isSubset(of: [.string, .null]) {
                node.set("enum", .array(values))
            } else {
                node.set("if", .object([JSONNode.Member("type", .string("string"))]))
                node.set("then", .object([JSONNode.Member("enum", .array(values))]))
            }
        }
        if !shape.constants.isEmpty {
            node.set(
                "properties",
                .object(
                    shape.constants.map {
                        JSONNode.Member($0.member, .object([JSONNode.Member("const", .string($0.value))]))
                    }))
        }
        if !shape.requiredMembers.isEmpty {
            node.set("required", .array(shape.requiredMembers.map { .string($0) }))
        }
        return node.node
    }

    private func setMembers(_ rules: ObjectRules, into object: inout JSONObjectBuilder) {
        if !rules.fields.isEmpty {
            object.set("properties", .object(rules.fields.map { JSONNode.Member($0.name, node(for: $0.schema)) }))
        }
        let required = rules.fields.filter(\.required).map { JSONNode.string($0.name) }
        if !required.isEmpty {
            object.set("required", .array(required))
        }
        if mode == .strict {
            object.set("additionalProperties", .bool(false))
        }
    }

    /// `exactlyOne` / `atLeastOne`: a `oneOf` / `anyOf` of one `required` per member (`null` passes, for a nullable
    /// object, since `required` would let it match every branch). Several choices go under `allOf`.
    private func setChoices(_ choices: [MemberChoice], nullable: Bool, into object: inout JSONObjectBuilder) {
        let nodes = choices.map { choice -> JSONNode in
            let branches = choice.members.map { member in
                JSONNode.object([JSONNode.Member("required", .array([.string(member)]))])
            }
            let node = JSONNode.object([JSONNode.Member(choice.exactlyOne ? "oneOf" : "anyOf", .array(branches))])
            guard nullable else { return node }
            return .object([JSONNode.Member("anyOf", .array([.object([JSONNode.Member("type", .string("null"))]), node]))])
        }
        if nodes.count == 1 {
            for member in nodes[0].objectMembers {
                object.set(member.name, member.value)
            }
        } else if !nodes.isEmpty {
            object.set("allOf", .array(nodes))
        }
    }

    private func setMap(_ rules: MapRules, into object: inout JSONObjectBuilder) {
        if !isAny(rules.values) {
            object.set("additionalProperties", node(for: rules.values))
        }
        var keys = JSONObjectBuilder()
        keys.set("pattern", rules.keyPattern.map(JSONNode.string))
        keys.set("minLength", rules.keyMinLength.map { .integer(Int64($0)) })
        keys.set("maxLength", rules.keyMaxLength.map { .integer(Int64($0)) })
        if !keys.members.isEmpty {
            object.set("propertyNames", keys.node)
        }
        object.set("minProperties", rules.minEntries.map { .integer(Int64($0)) })
        object.set("maxProperties", rules.maxEntries.map { .integer(Int64($0)) })
    }

    /// The discriminator is a required string (one of the mapped values when the union is closed or the mode
    /// strict); each value selects its member type with `if`/`then`.
    private func setUnion(_ rules: UnionRules, into object: inout JSONObjectBuilder) {
        var discriminator = JSONObjectBuilder()
        discriminator.set("type", .string("string"))
        if rules.closed || mode == .strict {
            discriminator.set("enum", .array(rules.mapping.map { .string($0.value) }))
        }
        object.set("properties", .object([JSONNode.Member(rules.discriminator, discriminator.node)]))
        object.set("required", .array([.string(rules.discriminator)]))
        object.set(
            "allOf",
            .array(
                rules.mapping.map {
                    dispatch(on: rules.discriminator, value: .string($0.value), to: Self.reference($0.type))
                }))
    }

    /// `if: {type: object, properties: {<member>: {const: <value>}}, required: [<member>]}, then: <target>`.
    func dispatch(on member: String, value: JSONNode, to target: JSONNode) -> JSONNode {
        .object([
            JSONNode.Member(
                "if",
                .object([
                    JSONNode.Member("type", .string("object")),
                    JSONNode.Member(
                        "properties",
                        .object([JSONNode.Member(member, .object([JSONNode.Member("const", value)]))])),
                    JSONNode.Member("required", .array([.string(member)])),
                ])),
            JSONNode.Member("then", target),
        ])
    }

    // MARK: Helpers

    /// Whether a named type accepts null by itself (free-form JSON, or declared nullable).
    private func acceptsNull(_ name: String) -> Bool {
        let resolved = provider.resolve(Schema(.ref(name)))
        return resolved.nullable || isAny(resolved)
    }

    private func isAny(_ schema: Schema) -> Bool {
        if case .any = provider.resolve(schema).kind { return true }
        return false
    }

    static func formatName(_ format: StringFormat) -> String {
        switch format {
        case .datetime: return "date-time"
        case .date: return "date"
        case .uri: return "uri"
        case .uriTemplate: return "uri-template"
        case .email: return "email"
        case .uuid: return "uuid"
        }
    }

    static func literal(_ literal: Literal) -> JSONNode {
        switch literal {
        case .string(let value): return .string(value)
        case .integer(let value): return .integer(value)
        case .number(let value): return .number(value)
        case .boolean(let value): return .bool(value)
        case .null: return .null
        }
    }
}

extension Schema.Kind {
    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }
}
