import HookSchemaModel

/// Turns one provider's resolved model into declarations: a struct per event and per named object type, an enum
/// per enum and union, nested declarations for inline objects and enums.
struct SchemaTranslator {
    let provider: Provider
    let options: GeneratorOptions
    /// Named type → the named types its value contains directly (not through an array or a map), transitively.
    private let containment: [String: Set<String>]
    /// The named type being translated (nil for events): a member whose type contains it is stored indirectly.
    private var owner: String?
    /// The Swift names of the provider's named types, which a nested type must not take.
    private let namedTypeNames: Set<String>

    init(provider: Provider, options: GeneratorOptions) {
        self.provider = provider
        self.options = options
        var direct: [String: Set<String>] = [:]
        for namedType in provider.types {
            direct[namedType.name] = Self.directReferences(in: namedType.schema)
        }
        var containment: [String: Set<String>] = [:]
        for name in direct.keys {
            var reached: Set<String> = []
            var pending = Array(direct[name] ?? [])
            while let next = pending.popLast() {
                if reached.insert(next).inserted {
                    pending += direct[next] ?? []
                }
            }
            containment[name] = reached
        }
        self.containment = containment
        self.namedTypeNames = Set(provider.types.map { options.typePrefix + SwiftNaming.typeName($0.name) })
    }

    /// The named types a value of `schema` holds inline: through objects, optionals and unions, not through arrays
    /// or maps (which store their elements out of line).
    static func directReferences(in schema: Schema) -> Set<String> {
        switch schema.kind {
        case .ref(let name):
            return [name]
        case .object(let rules):
            return rules.fields.reduce(into: []) { $0.formUnion(directReferences(in: $1.schema)) }
        case .union(let rules):
            return Set(rules.mapping.map(\.type))
        case .untaggedUnion(let rules):
            return rules.members.reduce(into: []) { $0.formUnion(directReferences(in: $1.schema)) }
        case .array, .map, .string, .integer, .number, .boolean, .enumeration, .any:
            return []
        }
    }

    /// Whether a member of this schema contains the owner, so the owner would contain itself.
    private func containsOwner(_ schema: Schema) -> Bool {
        guard let owner else { return false }
        return Self.directReferences(in: schema).contains { $0 == owner || containment[$0]?.contains(owner) == true }
    }

    /// Whether a member's value is a struct or a union (an enum with struct payloads) stored inline: such members
    /// are boxed (`Indirect<T>`), so that the containing struct holds a reference. Stored inline, every struct's
    /// copy, move and destroy would walk every stored property of every struct inside it, transitively; for GitHub's
    /// catalog (a repository of ~90 members inside a pull request inside an event) those value witnesses were about
    /// 90% of the code a debug build compiles. Arrays and maps hold their elements out of line already.
    private func holdsAggregate(_ schema: Schema) -> Bool {
        switch provider.resolve(schema).kind {
        case .object, .union, .untaggedUnion: return true
        case .string, .integer, .number, .boolean, .enumeration, .array, .map, .any, .ref: return false
        }
    }

    /// Names a nested type must not take: `Type`, `Protocol` and `Self` are not allowed inside another type,
    /// `CodingKeys` is the struct's own, and the rest would shadow a type the generated code or its users need.
    /// Such a type gets a suffix (`data` → `DataObject`, `type` → `TypeValue`).
    private static let reservedNestedNames: Set<String> = [
        "Type", "Protocol", "Self", "CodingKeys", "Element", "Data", "Date", "String", "Int", "Double", "Bool",
        "Array", "Dictionary", "Optional", "Error", "URL", "UUID", "Decoder", "Encoder", "JSONValue",
        "UnknownFields", "Nullable", "RFC3339Date", "DynamicCodingKey", "Provider",
    ]

    /// The Swift name of a named type (`ExtractRun`, with the prefix).
    func typeName(ofNamed name: String) -> String {
        options.typePrefix + SwiftNaming.typeName(name)
    }

    func typeName(of event: Event) -> String {
        options.typePrefix + event.swiftName
    }

    /// The provider enum's name (`ExtendEvent`).
    var unionName: String {
        options.typePrefix + provider.swiftName + "Event"
    }

    func declaration(of namedType: NamedType) -> TypeDeclaration {
        let documentation = Documentation(
            description: namedType.schema.description,
            source: namedType.source,
            deprecated: namedType.schema.deprecated
        )
        var translator = self
        translator.owner = namedType.name
        return translator.declaration(named: typeName(ofNamed: namedType.name), schema: namedType.schema, documentation)
    }

    func declaration(of event: Event) -> StructDeclaration {
        let documentation = Documentation(
            description: event.description ?? event.body.description,
            source: event.source,
            deprecated: event.deprecated
        )
        let rules: ObjectRules
        if case .object(let objectRules) = event.body.kind {
            rules = objectRules
        } else {
            rules = ObjectRules(fields: [])
        }
        var declaration = structure(named: typeName(of: event), rules: rules, documentation)
        declaration.eventType = event.type
        return declaration
    }

    /// A declaration for a schema that gets a name of its own (a named type, or an inline object or enum).
    private func declaration(named name: String, schema: Schema, _ documentation: Documentation) -> TypeDeclaration {
        switch schema.kind {
        case .object(let rules):
            return .structure(structure(named: name, rules: rules, documentation))
        case .enumeration(let rules):
            return .enumeration(enumeration(named: name, rules: rules, documentation))
        case .union(let rules):
            return .union(union(named: name, rules: rules, documentation))
        case .untaggedUnion(let rules):
            return .untaggedUnion(untaggedUnion(named: name, rules: rules, documentation))
        default:
            var nested: [TypeDeclaration] = []
            var usedNames: Set<String> = []
            let target = swiftType(
                of: schema, suggestedName: name + "Value", fieldLevel: false, nested: &nested,
                usedNames: &usedNames
            )
            return .alias(
                AliasDeclaration(name: name, documentation: documentation, target: target.name, companions: nested)
            )
        }
    }

    private func structure(
        named name: String,
        rules: ObjectRules,
        _ documentation: Documentation
    ) -> StructDeclaration {
        var nested: [TypeDeclaration] = []
        var usedNestedNames: Set<String> = []
        var usedPropertyNames: Set<String> = ["unknownFields"]
        var properties: [PropertyDeclaration] = []
        for field in rules.fields {
            let propertyName = unique(
                field.swiftName ?? SwiftNaming.memberName(field.name), in: &usedPropertyNames
            )
            let resolved = provider.resolve(field.schema)
            let type = swiftType(
                of: field.schema, suggestedName: SwiftNaming.typeName(field.name), fieldLevel: true,
                nested: &nested, usedNames: &usedNestedNames
            )
            let presence: Presence
            switch (field.required, resolved.nullable) {
            case _ where isFreeForm(resolved): presence = field.required ? .required : .optionalJSON
            case (true, false): presence = .required
            case (true, true): presence = .requiredNullable
            case (false, false): presence = .optional
            case (false, true): presence = .optionalNullable
            }
            var fieldDocumentation = Documentation(
                description: field.schema.description,
                deprecated: field.schema.deprecated
            )
            fieldDocumentation.notes = notes(for: presence, schema: resolved)
            properties.append(
                PropertyDeclaration(
                    name: propertyName, wireName: field.name, valueType: type.name, presence: presence,
                    isDate: type.isDate, isIndirect: containsOwner(field.schema) || holdsAggregate(field.schema),
                    documentation: fieldDocumentation
                )
            )
        }
        var documentation = documentation
        for choice in rules.choices {
            let names = choice.members.map { member in
                let property = properties.first { $0.wireName == member }?.name ?? member
                return "`\(property)`"
            }
            documentation.notes.append(
                "- Note: \(choice.exactlyOne ? "Exactly" : "At least") one of \(names.joined(separator: ", ")) is present.")
        }
        return StructDeclaration(
            name: name, documentation: documentation, properties: properties, nested: nested, eventType: nil
        )
    }

    private func enumeration(named name: String, rules: EnumRules, _ documentation: Documentation) -> EnumDeclaration {
        var used: Set<String> = rules.closed ? [] : ["unknown"]
        let cases = rules.values.map { value in
            var caseName =
                value.swiftName ?? (rules.integer ? "value\(value.value)" : SwiftNaming.memberName(value.value))
            if !rules.closed && caseName == "unknown" {
                caseName = "unknownValue"
            }
            return EnumCase(
                name: unique(caseName, in: &used),
                rawValue: value.value,
                documentation: Documentation(description: value.description, deprecated: value.deprecated)
            )
        }
        return EnumDeclaration(
            name: name, documentation: documentation, cases: cases, closed: rules.closed, integer: rules.integer)
    }

    private func untaggedUnion(
        named name: String, rules: UntaggedUnionRules, _ documentation: Documentation
    ) -> UntaggedUnionDeclaration {
        var used: Set<String> = []
        var nested: [TypeDeclaration] = []
        var nestedNames: Set<String> = [name]
        var members: [UntaggedUnionDeclaration.Member] = []
        for member in rules.members {
            let caseName = unique(member.swiftName ?? Self.caseName(of: member.schema), in: &used)
            let type = swiftType(
                of: member.schema, suggestedName: SwiftNaming.typeName(caseName), fieldLevel: false, nested: &nested,
                usedNames: &nestedNames)
            let shape = provider.unionShape(of: member.schema)
            let kinds = shape.kinds.names.joined(separator: " or ")
            var text = (kinds.first.map { "aeiou".contains($0) } ?? false ? "An " : "A ") + kinds
            if !shape.requiredMembers.isEmpty {
                text += " with " + shape.requiredMembers.map { "`\($0)`" }.joined(separator: ", ")
            }
            members.append(
                UntaggedUnionDeclaration.Member(
                    caseName: caseName, typeName: containerElement(type.name, member.schema), shape: shape,
                    documentation: Documentation(description: member.schema.description ?? text + ".")))
        }
        return UntaggedUnionDeclaration(name: name, documentation: documentation, members: members, nested: nested)
    }

    /// A member's case name: a named type's name (`user` for `User`), else its kind (`integer`, `string`, …).
    private static func caseName(of schema: Schema) -> String {
        switch schema.kind {
        case .ref(let name): return SwiftNaming.memberName(name)
        case .string(let rules): return rules.format.map { SwiftNaming.memberName($0.rawValue) } ?? "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "bool"
        case .enumeration: return "value"
        case .object: return "object"
        case .array: return "array"
        case .map: return "map"
        case .any: return "json"
        case .union, .untaggedUnion: return "union"
        }
    }

    private func union(named name: String, rules: UnionRules, _ documentation: Documentation) -> UnionDeclaration {
        var used: Set<String> = ["unknown"]
        let members = rules.mapping.map { member in
            UnionMemberDeclaration(
                caseName: unique(SwiftNaming.memberName(member.value), in: &used),
                value: member.value,
                typeName: typeName(ofNamed: member.type),
                documentation: Documentation(description: "`\(rules.discriminator)` is `\(member.value)`.")
            )
        }
        return UnionDeclaration(
            name: name, documentation: documentation, discriminator: rules.discriminator, members: members,
            closed: rules.closed
        )
    }

    /// The Swift type of one value. Inline objects, enums and unions become nested declarations (appended
    /// to `nested`).
    /// `fieldLevel`: a datetime is `Date` (coded through `RFC3339Date`) directly on a property, `RFC3339Date`
    /// inside arrays and maps.
    private func swiftType(
        of schema: Schema,
        suggestedName: String,
        fieldLevel: Bool,
        nested: inout [TypeDeclaration],
        usedNames: inout Set<String>
    ) -> (name: String, isDate: Bool) {
        if isDateTime(provider.resolve(schema)) {
            return fieldLevel ? ("Date", true) : ("RFC3339Date", false)
        }
        switch schema.kind {
        case .string:
            return ("String", false)
        case .integer:
            return ("Int", false)
        case .number:
            return ("Double", false)
        case .boolean:
            return ("Bool", false)
        case .any:
            return ("JSONValue", false)
        case .ref(let name):
            return (typeName(ofNamed: name), false)
        case .array(let rules):
            let item = swiftType(
                of: rules.items, suggestedName: suggestedName + "Item", fieldLevel: false,
                nested: &nested, usedNames: &usedNames
            )
            return ("[\(containerElement(item.name, rules.items))]", false)
        case .map(let rules):
            let value = swiftType(
                of: rules.values, suggestedName: suggestedName + "Value", fieldLevel: false,
                nested: &nested, usedNames: &usedNames
            )
            return ("[String: \(containerElement(value.name, rules.values))]", false)
        case .object, .enumeration, .union, .untaggedUnion:
            var name = suggestedName
            // A nested type named like a named type would shadow it inside its parent (`team: Team | …` would make
            // the union's `case team(Team)` refer to itself).
            if Self.reservedNestedNames.contains(name) || namedTypeNames.contains(name) {
                if case .object = schema.kind {
                    name += "Object"
                } else {
                    name += "Value"
                }
            }
            name = unique(name, in: &usedNames)
            let documentation = Documentation(description: nil, deprecated: false)
            nested.append(declaration(named: name, schema: schema, documentation))
            return (name, false)
        }
    }

    /// An array item or map value type: `T?` when it may be null (free-form JSON holds null itself).
    private func containerElement(_ name: String, _ schema: Schema) -> String {
        let resolved = provider.resolve(schema)
        return resolved.nullable && !isFreeForm(resolved) ? name + "?" : name
    }

    private func isDateTime(_ schema: Schema) -> Bool {
        if case .string(let rules) = schema.kind, rules.format == .datetime { return true }
        return false
    }

    private func isFreeForm(_ schema: Schema) -> Bool {
        if case .any = schema.kind { return true }
        return false
    }

    private func notes(for presence: Presence, schema: Schema) -> [String] {
        var notes: [String] = []
        switch presence {
        case .requiredNullable: notes.append("Always present; `nil` means the member was `null`.")
        case .optionalNullable: notes.append("`nil` when the member is absent, `.null` when it is `null`.")
        case .optionalJSON: notes.append("`nil` when the member is absent; a `null` value is `.null`.")
        case .required, .optional: break
        }
        if let defaultValue = schema.defaultValue {
            notes.append("Default when absent: `\(defaultValue)`.")
        }
        return notes
    }

    /// `name`, or `name2`, `name3`… if taken; records the result.
    private func unique(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
