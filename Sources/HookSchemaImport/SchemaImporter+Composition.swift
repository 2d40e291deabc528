import HookSchemaModel

/// `allOf`, flattened into one object, and `oneOf` / `anyOf`, made unions.
extension SchemaImporter {
    /// The parts' members merged in order: a later part narrows an earlier one's member (a `const`, a smaller
    /// enum, `type: null`, members made required, extra members), as GitHub's `allOf: [{$ref}, {narrowing}]` do.
    func allOf(_ parts: [SourceNode], node: SourceNode, at place: SourcePlace) -> Schema {
        var schemas: [Schema] = []
        for (index, part) in parts.enumerated() {
            schemas.append(translate(part, at: place.appending(String(index))))
        }
        // Parts that only document (a `description` beside a `$ref`) add nothing to merge.
        let meaningful = schemas.filter { !($0.kind == .any && $0.const == nil && !$0.nullable) }
        let description = schemas.compactMap(\.description).last
        guard var merged = meaningful.first else { return Schema(.any, description: description) }
        if meaningful.count == 1 {
            // `allOf: [{$ref}]`, OpenAPI 3.0's way to put `nullable` or a description beside a reference.
            merged.description = merged.description ?? description
            return merged
        }
        for next in meaningful.dropFirst() {
            guard let combined = merge(merged, next) else {
                warn(place, "`allOf` of parts that are not all objects mapped to its first part")
                return meaningful[0]
            }
            merged = combined
        }
        return merged
    }

    /// `base` narrowed by `narrowing`, or nil when the two cannot be one object or value.
    func merge(_ base: Schema, _ narrowing: Schema) -> Schema? {
        if case .any = narrowing.kind, narrowing.const == nil {
            var result = base
            result.description = narrowing.description ?? base.description
            return result
        }
        if case .any = base.kind, base.const == nil {
            var result = narrowing
            result.description = narrowing.description ?? base.description
            return result
        }
        // Only null (`type: null`): the value must be null, whatever the base says of other values.
        if narrowing.const == .null {
            var result = narrowing
            result.description = narrowing.description ?? base.description
            return result
        }
        let left = resolved(base) ?? base
        let right = resolved(narrowing) ?? narrowing
        var result: Schema
        switch (left.kind, right.kind) {
        case (.object(let first), .object(let second)):
            var fields = first.fields
            for field in second.fields {
                if let index = fields.firstIndex(where: { $0.name == field.name }) {
                    let existing = fields[index]
                    fields[index].required = existing.required || field.required
                    fields[index].schema = merge(existing.schema, field.schema) ?? field.schema
                } else {
                    fields.append(field)
                }
            }
            result = Schema(.object(ObjectRules(fields: fields, choices: first.choices + second.choices)))
        case (.string, .string), (.enumeration, .enumeration), (.string, .enumeration), (.integer, .integer),
            (.number, .number), (.number, .integer), (.boolean, .boolean):
            result = right
            if case .string(let rules) = left.kind, case .string(var narrowed) = right.kind {
                narrowed.format = narrowed.format ?? rules.format
                result.kind = .string(narrowed)
            }
            result.const = right.const ?? left.const
        default:
            guard left.kind == right.kind else { return nil }
            result = right
        }
        result.description = narrowing.description ?? base.description
        result.deprecated = base.deprecated || narrowing.deprecated
        result.nullable = left.nullable && right.nullable
        return result
    }

    /// `oneOf` / `anyOf`: `null` members make the union nullable; one member left is that member; members that
    /// are named objects with a discriminator (OpenAPI's `discriminator`, or a required member with a different
    /// `const` in each) make a union on it; any others a union told apart by shape.
    func union(_ members: [SourceNode], key: String, node: SourceNode, at place: SourcePlace) -> Schema {
        var schemas: [Schema] = []
        var nullable = false
        for (index, member) in members.enumerated() {
            let schema = translate(member, at: place.appending(key, String(index)))
            if schema.const == .null, case .string = schema.kind {
                nullable = true
            } else {
                schemas.append(schema)
            }
        }
        let description = node["description"]?.string
        if schemas.count == 1 {
            var only = schemas[0]
            only.nullable = only.nullable || nullable
            only.description = description ?? only.description
            return only
        }
        if schemas.isEmpty {
            return Schema(.string(StringRules()), nullable: true, const: .null)
        }
        if let tagged = taggedUnion(schemas, discriminator: node["discriminator"], at: place) {
            return Schema(.union(tagged), description: description, nullable: nullable)
        }
        // Told apart by shape: a member that an earlier one always takes first would never be chosen.
        var kept: [UntaggedUnionMember] = []
        var shapes: [UnionShape] = []
        let model = Provider(
            name: "", swiftName: "", discriminator: "",
            types: types.map { NamedType(name: $0.key, schema: $0.value.schema, source: "") })
        var flattened: [(index: Int, schema: Schema)] = []
        for (index, schema) in schemas.enumerated() {
            if case .untaggedUnion(let inner) = schema.kind {
                flattened += inner.members.map { (index, $0.schema) }
            } else {
                flattened.append((index, schema))
            }
        }
        // A string member that takes only some strings (a `const`, a closed enum: GitHub's `environment_url` is a
        // `uri` or `""`) goes before the others: listed after a member taking any string, it would never be chosen.
        // The order does not change which values are valid (`oneOf` and `anyOf` do not depend on it).
        let takesSomeStrings = flattened.map { model.unionShape(of: $0.schema).strings != nil }
        flattened = zip(flattened, takesSomeStrings).filter(\.1).map(\.0)
            + zip(flattened, takesSomeStrings).filter { !$0.1 }.map(\.0)
        for (index, member) in flattened {
            let shape = model.unionShape(of: member)
            if let earlier = shapes.firstIndex(where: { $0.covers(shape) }) {
                if case .object(let first) = kept[earlier].schema.kind, case .object(let second) = member.kind {
                    // Objects the shape cannot tell apart: one object with the members of either.
                    kept[earlier].schema.kind = .object(alternatives(first, second))
                    shapes[earlier] = model.unionShape(of: kept[earlier].schema)
                    warn(
                        place.appending(key, String(index)),
                        "a member of `\(key)` that its shape cannot tell from member \(earlier + 1) (an object); "
                            + "merged with it: the members of either, required where both require them")
                } else {
                    warn(
                        place.appending(key, String(index)),
                        "a member of `\(key)` whose every value also has the shape of member \(earlier + 1) "
                            + "(\(shape.kinds.names.joined(separator: " or "))); merged into that member's case")
                }
                continue
            }
            shapes.append(shape)
            kept.append(UntaggedUnionMember(schema: member))
        }
        if kept.count == 1 {
            var only = kept[0].schema
            only.nullable = only.nullable || nullable
            return only
        }
        let result = Schema(
            .untaggedUnion(UntaggedUnionRules(members: kept)), description: description, nullable: nullable)
        unionKeywords[result] = key
        return result
    }

    /// What tells the objects of a `oneOf` / `anyOf` apart when they are merged into one (an event body): each
    /// requires one member that no other requires, and the rest they require alike (GitHub's
    /// `pull_request.review_requested`: a `requested_reviewer` or a `requested_team`). `oneOf`: exactly one of those
    /// members is present; `anyOf`: at least one. Nil when the objects differ otherwise.
    func choice(among objects: [ObjectRules], keyword: String) -> MemberChoice? {
        guard objects.count > 1 else { return nil }
        let required = objects.map { Set($0.fields.filter(\.required).map(\.name)) }
        let common = required.dropFirst().reduce(required[0]) { $0.intersection($1) }
        var members: [String] = []
        for names in required {
            let own = names.subtracting(common)
            guard own.count == 1, let member = own.first, !members.contains(member) else { return nil }
            members.append(member)
        }
        return MemberChoice(members: members, exactlyOne: keyword == "oneOf")
    }

    /// One object for a value that is either object: the members of both (a member both have keeps the first's
    /// schema when they differ only in rules, or becomes a union of the two), required where both require it.
    func alternatives(_ first: ObjectRules, _ second: ObjectRules) -> ObjectRules {
        var fields: [Field] = []
        for field in first.fields {
            guard let other = second.fields.first(where: { $0.name == field.name }) else {
                fields.append(Field(name: field.name, schema: field.schema, required: false, swiftName: field.swiftName))
                continue
            }
            var merged = field
            merged.required = field.required && other.required
            if field.schema != other.schema {
                let model = Provider(
                    name: "", swiftName: "", discriminator: "",
                    types: types.map { NamedType(name: $0.key, schema: $0.value.schema, source: "") })
                let shapes = (model.unionShape(of: field.schema), model.unionShape(of: other.schema))
                if !shapes.0.covers(shapes.1) {
                    merged.schema = Schema(
                        .untaggedUnion(
                            UntaggedUnionRules(members: [
                                UntaggedUnionMember(schema: field.schema), UntaggedUnionMember(schema: other.schema),
                            ])),
                        description: field.schema.description)
                }
            }
            fields.append(merged)
        }
        for field in second.fields where !first.fields.contains(where: { $0.name == field.name }) {
            fields.append(Field(name: field.name, schema: field.schema, required: false, swiftName: field.swiftName))
        }
        return ObjectRules(fields: fields)
    }

    /// A union on a discriminator, when every member is a named object type with it as a required string member.
    private func taggedUnion(_ schemas: [Schema], discriminator: SourceNode?, at place: SourcePlace) -> UnionRules? {
        var names: [String] = []
        var objects: [ObjectRules] = []
        for schema in schemas {
            guard case .ref(let name) = schema.kind, !schema.nullable, let target = resolved(schema),
                case .object(let rules) = target.kind
            else { return nil }
            names.append(name)
            objects.append(rules)
        }
        let declared = discriminator?["propertyName"]?.string
        let mapping = discriminator?["mapping"]?.members ?? []
        var candidates: [String] = declared.map { [$0] } ?? []
        if candidates.isEmpty, let first = objects.first {
            candidates = first.fields.filter { field in field.required }.map(\.name)
        }
        for member in candidates {
            var values: [UnionMember] = []
            for (name, rules) in zip(names, objects) {
                guard let field = rules.fields.first(where: { $0.name == member }), field.required else { break }
                let fieldSchema = resolved(field.schema) ?? field.schema
                guard !fieldSchema.nullable else { break }
                var value: String?
                if case .string(let constant)? = fieldSchema.const {
                    value = constant
                } else if case .enumeration(let rules) = fieldSchema.kind, rules.values.count == 1 {
                    value = rules.values[0].value
                } else if declared != nil {
                    // OpenAPI: the mapping names the value, or the schema's own name is it.
                    value = mapping.first { entry in
                        entry.value.string.map { target(of: $0, from: place) }.flatMap { $0 }
                            .map { typeNames[$0.place] == name } ?? false
                    }?.key ?? name
                }
                guard let value, !values.contains(where: { $0.value == value }) else { break }
                if case .string = fieldSchema.kind {
                } else if case .enumeration = fieldSchema.kind {
                } else {
                    break
                }
                values.append(UnionMember(value: value, type: name))
            }
            if values.count == names.count {
                return UnionRules(discriminator: member, mapping: values)
            }
        }
        if let declared {
            warn(
                place.appending("discriminator"),
                "the discriminator `\(declared)` is not a required string member of every member; told apart by shape")
        }
        return nil
    }
}
