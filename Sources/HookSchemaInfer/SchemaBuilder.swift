import HookSchemaModel

/// Turns what the samples showed (`ShapeNode`) into the schema language's model, by the rules of
/// `InferenceRules`, and notes each decision it was unsure of (with how many samples it saw) for a YAML comment.
///
/// Notes are keyed by the place they are about, written as the YAML keys leading to it from the file's top schema
/// (`payload/status`, `labels/items`), the way `LanguageWriter` writes them.
struct SchemaBuilder {
    let rules: InferenceRules
    let catalog: TypeCatalog
    private(set) var notes: [String: [String]] = [:]

    init(rules: InferenceRules, catalog: TypeCatalog) {
        self.rules = rules
        self.catalog = catalog
    }

    /// The fields of the objects at `node`, without `excluding` (the envelope's members, for an event file).
    mutating func fields(of node: ShapeNode, path: String, excluding: Set<String> = [], tag: (String, String)? = nil)
        -> [Field]
    {
        guard let object = node.object else { return [] }
        var fields: [Field] = []
        for position in 0..<object.memberCount {
            let (name, child, present) = object.member(at: position)
            guard !excluding.contains(name) else { continue }
            let here = path.isEmpty ? Self.key(name) : path + "/" + Self.key(name)
            var schema: Schema
            if let tag, tag.0 == name {
                schema = Schema(.string(StringRules()), const: .string(tag.1))
            } else {
                schema = self.schema(of: child, path: here)
            }
            let isTag = tag.map { $0.0 == name } ?? false
            let required = present == object.count || isTag
            if !required {
                note(here, "optional: in \(present) of \(object.count) samples")
            }
            if schema.nullable, child.nulls * 10 < child.count, !required || child.nulls < 3 {
                note(here, "nullable: null in \(child.nulls) of \(child.count) samples")
            }
            schema.description = nil
            fields.append(Field(name: name, schema: schema, required: required))
        }
        SwiftNaming.disambiguate(&fields)
        return fields
    }

    /// The schema of the values at `node`.
    mutating func schema(of node: ShapeNode, path: String, definingType: String? = nil) -> Schema {
        var members: [Schema] = []
        if node.object != nil || node.tagged != nil { members.append(objectSchema(node, path: path, definingType)) }
        if let array = node.array { members.append(arraySchema(array, path: path)) }
        if let strings = node.strings { members.append(stringSchema(strings, path: path)) }
        if node.integers + node.numbers > 0 {
            members.append(Schema(node.numbers > 0 ? .number(NumberRules()) : .integer(NumberRules())))
        }
        if node.booleans > 0 { members.append(Schema(.boolean)) }
        var schema: Schema
        switch members.count {
        case 0:
            schema = Schema(.any)
            note(path, node.count == 0 ? "never seen: any JSON" : "only null seen (\(node.nulls) samples): any JSON")
            return schema
        case 1:
            schema = members[0]
        default:
            let kinds = describeKinds(node)
            note(path, "seen as \(kinds): a union told apart by the JSON kind")
            let choices = members.map { UntaggedUnionMember(schema: $0) }
            schema = Schema(.untaggedUnion(UntaggedUnionRules(members: choices)))
        }
        schema.nullable = node.nulls > 0
        return schema
    }

    private mutating func objectSchema(_ node: ShapeNode, path: String, _ definingType: String?) -> Schema {
        if let tagged = node.tagged {
            let variants = tagged.values.indices.map { (tagged.values[$0], tagged.variants[$0]) }
            let names = variants.map { catalog.typeName(for: $0.1, tag: $0.0) }
            // Objects folded untagged here too (a named type merged from places where the tag was not found): one
            // object shape, like objects without the tag.
            let untagged = node.object != nil || tagged.values.contains("")
            if variants.count >= 2, !untagged, names.allSatisfy({ $0 != nil }) {
                let counts = variants.map { "\($0.0) (\($0.1.count))" }.joined(separator: ", ")
                note(path, "a union on `\(tagged.member)`: \(counts)")
                return Schema(
                    .union(
                        UnionRules(
                            discriminator: tagged.member,
                            mapping: zip(variants, names).map { UnionMember(value: $0.0, type: $1 ?? "") })))
            }
            // One tag value (or objects without the tag): one object shape, the variant's named type if it has one.
            if variants.count == 1, !untagged, let name = names[0], name != definingType {
                return Schema(.ref(name))
            }
            let merged = ShapeNode(plan: nil)
            for variant in tagged.variants { merged.merge(variant) }
            if let object = node.object {
                if merged.object == nil { merged.object = ObjectSummary() }
                merged.object?.merge(object, plan: nil)
            }
            return objectSchema(merged, path: path, definingType)
        }
        guard let object = node.object else { return Schema(.any) }
        if TypeCatalog.isMap(object, rules: rules) {
            let values = ShapeNode(plan: nil)
            for position in 0..<object.memberCount { values.merge(object.member(at: position).node) }
            if let overflow = object.overflow { values.merge(overflow) }
            let keys = object.overflow != nil ? "more than \(InferenceRules.memberLimit)" : String(object.memberCount)
            note(path, "a map: \(keys) keys in \(object.count) samples look like data, not member names")
            return Schema(.map(MapRules(values: schema(of: values, path: path + "/values"))))
        }
        if let name = catalog.typeName(for: node), name != definingType {
            return Schema(.ref(name))
        }
        return Schema(.object(ObjectRules(fields: fields(of: node, path: path))))
    }

    private mutating func arraySchema(_ array: ArraySummary, path: String) -> Schema {
        if array.items.count == 0 {
            note(path, "only empty arrays seen (\(array.count) samples): items are any JSON")
            return Schema(.array(ArrayRules(items: Schema(.any))))
        }
        return Schema(.array(ArrayRules(items: schema(of: array.items, path: path + "/items"))))
    }

    private mutating func stringSchema(_ strings: StringSummary, path: String) -> Schema {
        let loose: Set<StringFormat> = [.uri, .email]
        if strings.formatMask != 0, strings.count > strings.empty,
            let bit = (0..<StringSummary.formats.count).first(where: {
                strings.formatMask & (1 << UInt8($0)) != 0
                    && (strings.count >= rules.looseFormatMinSamples || !loose.contains(StringSummary.formats[$0]))
            })
        {
            let format = StringSummary.formats[bit]
            if strings.count < rules.constMinSamples {
                note(path, "\(format.rawValue): from \(strings.count) sample\(strings.count == 1 ? "" : "s")")
            }
            return Schema(.string(StringRules(format: format)))
        }
        guard let values = strings.values, strings.dataLike == 0, strings.maxLength <= rules.enumMaxLength else {
            return Schema(.string(StringRules()))
        }
        if values.count == 1, strings.count >= rules.constMinSamples {
            note(path, "const: the one value in \(strings.count) samples")
            return Schema(.string(StringRules()), const: .string(values[0]))
        }
        if values.count >= 2, strings.count >= rules.enumMinSamples, values.count * values.count < strings.count {
            note(path, "an enum: \(values.count) values in \(strings.count) samples (open: a new value is drift)")
            var cases = values.sorted().map { EnumValue($0) }
            SwiftNaming.disambiguate(&cases)
            return Schema(.enumeration(EnumRules(values: cases)))
        }
        return Schema(.string(StringRules()))
    }

    private func describeKinds(_ node: ShapeNode) -> String {
        var kinds: [String] = []
        if node.objectCount > 0 { kinds.append("object (\(node.objectCount))") }
        if let array = node.array { kinds.append("array (\(array.count))") }
        if let strings = node.strings { kinds.append("string (\(strings.count))") }
        if node.integers + node.numbers > 0 { kinds.append("number (\(node.integers + node.numbers))") }
        if node.booleans > 0 { kinds.append("boolean (\(node.booleans))") }
        return kinds.joined(separator: ", ")
    }

    mutating func note(_ path: String, _ text: String) {
        notes[path, default: []].append(text)
    }

    /// A YAML key as a note path segment (`/` and `~` escaped as in a JSON pointer).
    static func key(_ name: String) -> String {
        name.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
