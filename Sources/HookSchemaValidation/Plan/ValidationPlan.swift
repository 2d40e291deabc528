import HookSchemaModel
import HookSchemaRuntime

/// A `SchemaSet` compiled once for validation: every schema a flat `PlanNode`, `$ref`s resolved to indices (so
/// recursive types are fine), member and enum lookups hashed, patterns compiled.
final class ValidationPlan: Sendable {
    let nodes: [PlanNode]
    let objects: [ObjectPlan]
    /// Every object's fields, each object's contiguous.
    let fields: [FieldPlan]
    /// `fields[i]`'s name, for messages; its bytes are in `fieldNameBytes`.
    let fieldNames: [String]
    let fieldNameBytes: [UInt8]
    /// Member name → index in its object's fields, grouped by object index.
    let memberTable: ByteStringTable
    let enums: [EnumPlan]
    /// Enum value → its index, grouped by enum index (in `enums`).
    let enumTable: ByteStringTable
    let unions: [UnionPlan]
    let untaggedUnions: [UntaggedPlan]
    /// Objects' `exactlyOne` / `atLeastOne` groups, one list per object that has any (`ObjectPlan.choices`).
    let choices: [[ChoicePlan]]
    let maps: [MapPlan]
    let patterns: [Pattern]
    /// The `const` values of nodes.
    let constants: [Literal]
    /// The string `const`s, each in the group of its index in `constants`: a string equals node `n`'s constant
    /// when `stringConstants.lookup(string, in: n.constant)` finds it.
    let stringConstants: ByteStringTable
    /// The numeric bounds of nodes.
    let numberRules: [NumberRules]
    let providers: [ProviderPlan]
    /// Distinct discriminator member names, each with the providers that use it.
    let discriminators: [(name: String, bytes: [UInt8], providers: [Int])]

    init(_ schemas: SchemaSet) {
        var compiler = PlanCompiler()
        var providers: [ProviderPlan] = []
        for provider in schemas.providers {
            providers.append(compiler.compile(provider))
        }
        nodes = compiler.nodes
        objects = compiler.objects
        fields = compiler.fields
        fieldNames = compiler.fieldNames
        fieldNameBytes = compiler.fieldNameBytes
        memberTable = ByteStringTable(
            compiler.objects.indices.flatMap { object in
                let plan = compiler.objects[object]
                return (0..<plan.count).map { (group: object, key: compiler.fieldNames[plan.first + $0], value: $0) }
            })
        enums = compiler.enums
        enumTable = ByteStringTable(
            compiler.enums.enumerated().flatMap { index, enumeration in
                enumeration.names.enumerated().map { (group: index, key: $1, value: $0) }
            })
        unions = compiler.unions
        untaggedUnions = compiler.untaggedUnions
        choices = compiler.choices
        maps = compiler.maps
        patterns = compiler.patterns
        constants = compiler.constants
        stringConstants = ByteStringTable(
            compiler.constants.enumerated().compactMap { index, constant in
                guard case .string(let value) = constant else { return nil }
                return (group: index, key: value, value: 0)
            })
        numberRules = compiler.numberRules
        self.providers = providers
        var discriminators: [(name: String, bytes: [UInt8], providers: [Int])] = []
        for (index, provider) in providers.enumerated() where provider.eventHeader == nil {
            if let existing = discriminators.firstIndex(where: { $0.name == provider.discriminator }) {
                discriminators[existing].providers.append(index)
            } else {
                discriminators.append((provider.discriminator, provider.discriminatorBytes, [index]))
            }
        }
        self.discriminators = discriminators
    }

    /// A node's numeric bounds, if it has any.
    @inline(__always)
    func numberRules(of node: PlanNode) -> NumberRules? {
        node.numberRules >= 0 ? numberRules[node.numberRules] : nil
    }

    /// A node's `const`, if it has one.
    @inline(__always)
    func constant(_ node: PlanNode) -> Literal? {
        node.constant >= 0 ? constants[node.constant] : nil
    }
}

/// Builds the plan's tables, one provider at a time.
private struct PlanCompiler {
    var nodes: [PlanNode] = []
    var objects: [ObjectPlan] = []
    var fields: [FieldPlan] = []
    var fieldNames: [String] = []
    var fieldNameBytes: [UInt8] = []
    var enums: [EnumPlan] = []
    var unions: [UnionPlan] = []
    var untaggedUnions: [UntaggedPlan] = []
    var choices: [[ChoicePlan]] = []
    var maps: [MapPlan] = []
    var patterns: [Pattern] = []
    var constants: [Literal] = []
    var numberRules: [NumberRules] = []
    private var patternIndex: [String: Int] = [:]
    /// The current provider's named types → node index.
    private var namedTypes: [String: Int] = [:]
    /// The provider being compiled (for the shapes of untagged union members).
    private var provider = Provider(name: "", swiftName: "", discriminator: "")

    mutating func compile(_ provider: Provider) -> ProviderPlan {
        self.provider = provider
        // Reserve a node per named type first, so references (recursive ones included) resolve to an index.
        namedTypes = [:]
        for type in provider.types {
            namedTypes[type.name] = nodes.count
            nodes.append(PlanNode(kind: .any, nullable: true, typeName: "any"))
        }
        for type in provider.types {
            guard let index = namedTypes[type.name] else { continue }
            nodes[index] = makeNode(type.schema)
        }
        var events: [(type: String, node: Int)] = []
        var envelope: Set<String>?
        for event in provider.events {
            events.append((event.type, add(event.body)))
            let names: Set<String>
            if case .object(let rules) = event.body.kind {
                names = Set(rules.fields.map(\.name))
            } else {
                names = []
            }
            envelope = envelope.map { $0.intersection(names) } ?? names
        }
        var legacy: [String: String] = [:]
        for event in provider.legacyEvents {
            legacy[event.type] = event.replacedBy
        }
        var bySelector: [String: [(event: Int, variant: String?)]] = [:]
        if provider.eventHeader != nil {
            for (index, event) in provider.events.enumerated() {
                bySelector[event.selectorValue, default: []].append((index, event.variant))
            }
        }
        return ProviderPlan(
            name: provider.name,
            discriminator: provider.discriminator,
            discriminatorBytes: Array(provider.discriminator.utf8),
            eventTable: ByteStringTable(events.map(\.type)),
            events: events,
            eventHeader: provider.eventHeader,
            variantMember: provider.variantMember,
            eventsBySelector: bySelector,
            integerDiscriminator: provider.discriminatorIsInteger,
            dedupeKey: provider.dedupeKey,
            signatureHeader: provider.signature?.signatureHeader,
            legacy: legacy,
            envelopeFields: envelope ?? [],
            headers: provider.headers
        )
    }

    /// Compiles a schema into a new node and returns its index (a plain `$ref` returns its target's index).
    mutating func add(_ schema: Schema) -> Int {
        if case .ref(let name) = schema.kind, let target = namedTypes[name], schema.const == nil {
            if !schema.nullable { return target }
            nodes.append(PlanNode(kind: .ref, nullable: true, typeName: "", child: target))
            return nodes.count - 1
        }
        let node = makeNode(schema)
        nodes.append(node)
        return nodes.count - 1
    }

    private mutating func makeNode(_ schema: Schema) -> PlanNode {
        var node = PlanNode(kind: .any, nullable: schema.nullable, typeName: "any")
        if let constant = schema.const {
            node.constant = constants.count
            constants.append(constant)
        }
        switch schema.kind {
        case .string(let rules):
            node.kind = .string
            node.format = rules.format
            node.typeName = Self.typeName(of: rules.format)
            node.minLength = rules.minLength ?? -1
            node.maxLength = rules.maxLength ?? -1
            node.pattern = rules.pattern.map { pattern($0) } ?? -1
        case .integer(let rules):
            node.kind = .integer
            node.typeName = "integer"
            node.numberRules = addNumberRules(rules)
        case .number(let rules):
            node.kind = .number
            node.typeName = "number"
            node.numberRules = addNumberRules(rules)
        case .boolean:
            node.kind = .boolean
            node.typeName = "boolean"
        case .enumeration(let rules):
            node.kind = .enumeration
            node.typeName = rules.integer ? "integer" : "string"
            node.child = enums.count
            let values = rules.values.map(\.value)
            let expected: [JSONValue] = values.map { value in
                rules.integer ? Int64(value).map { .integer($0) } ?? .string(value) : .string(value)
            }
            enums.append(
                EnumPlan(names: values, closed: rules.closed, integer: rules.integer, values: .array(expected)))
        case .object(let rules):
            node.kind = .object
            node.typeName = "object"
            // The members' types first (nested objects add their own fields), then this object's fields together.
            let nodes = rules.fields.map { add($0.schema) }
            node.child = objects.count
            objects.append(
                ObjectPlan(
                    first: fields.count, count: rules.fields.count,
                    requiredCount: rules.fields.filter(\.required).count))
            for (field, fieldNode) in zip(rules.fields, nodes) {
                let name = Array(field.name.utf8)
                fields.append(
                    FieldPlan(
                        node: fieldNode, required: field.required, nameStart: fieldNameBytes.count,
                        nameLength: name.count))
                fieldNames.append(field.name)
                fieldNameBytes.append(contentsOf: name)
            }
            let first = fields.count - rules.fields.count
            let byName = rules.fields.indices.sorted {
                rules.fields[$0].name.utf8.lexicographicallyPrecedes(rules.fields[$1].name.utf8)
            }
            for (rank, fieldIndex) in byName.enumerated() {
                fields[first + fieldIndex].nextByName = rank + 1 < byName.count ? byName[rank + 1] : byName.count
            }
            objects[node.child].firstByName = byName.first ?? 0
            if !rules.choices.isEmpty {
                objects[node.child].choices = choices.count
                choices.append(
                    rules.choices.map { choice in
                        ChoicePlan(
                            fields: choice.members.compactMap { name in rules.fields.firstIndex { $0.name == name } },
                            names: choice.members, exactlyOne: choice.exactlyOne)
                    })
            }
        case .array(let rules):
            node.kind = .array
            node.typeName = "array"
            node.minLength = rules.minItems ?? -1
            node.maxLength = rules.maxItems ?? -1
            node.uniqueItems = rules.uniqueItems
            node.child = add(rules.items)
        case .map(let rules):
            node.kind = .map
            node.typeName = "object"
            let valueNode = add(rules.values)
            node.child = maps.count
            maps.append(
                MapPlan(
                    valueNode: valueNode, minEntries: rules.minEntries, maxEntries: rules.maxEntries,
                    keyMinLength: rules.keyMinLength, keyMaxLength: rules.keyMaxLength,
                    keyPattern: rules.keyPattern.map { pattern($0) } ?? -1))
        case .any:
            node.kind = .any
        case .ref(let name):
            // Only reached for a `$ref` with a `const` or an unknown name (the loader rejects the latter).
            node.kind = .ref
            node.child = namedTypes[name] ?? add(Schema(.any, nullable: true))
        case .untaggedUnion(let rules):
            node.kind = .untaggedUnion
            node.typeName = "union"
            var members: [UntaggedPlan.Member] = []
            // The kinds in the members' order (`integer or datetime`), each once.
            var kindNames: [String] = []
            for member in rules.members {
                let shape = provider.unionShape(of: member.schema)
                for name in shape.kinds.names where !kindNames.contains(name) {
                    kindNames.append(name)
                }
                members.append(
                    UntaggedPlan.Member(
                        node: add(member.schema), kinds: shape.kinds,
                        requiredMembers: shape.requiredMembers.map { Array($0.utf8) },
                        constants: shape.constants.map { (Array($0.member.utf8), $0.value) },
                        strings: shape.strings.map(Set.init)))
            }
            node.child = untaggedUnions.count
            untaggedUnions.append(UntaggedPlan(members: members, kindNames: kindNames))
        case .union(let rules):
            node.kind = .union
            node.typeName = "object"
            let members = rules.mapping.map { member in
                (member.value, namedTypes[member.type] ?? add(Schema(.any, nullable: true)))
            }
            node.child = unions.count
            unions.append(
                UnionPlan(
                    discriminator: rules.discriminator,
                    discriminatorBytes: Array(rules.discriminator.utf8),
                    table: ByteStringTable(members.map(\.0), values: members.map(\.1)),
                    closed: rules.closed,
                    values: .array(rules.mapping.map { .string($0.value) })))
        }
        return node
    }

    private static func typeName(of format: StringFormat?) -> StaticString {
        switch format {
        case nil: return "string"
        case .datetime: return "datetime"
        case .date: return "date"
        case .uri: return "uri"
        case .uriTemplate: return "uri-template"
        case .email: return "email"
        case .uuid: return "uuid"
        }
    }

    /// The index of `rules` in `numberRules`; -1 when there are none.
    private mutating func addNumberRules(_ rules: NumberRules?) -> Int {
        guard let rules else { return -1 }
        numberRules.append(rules)
        return numberRules.count - 1
    }

    private mutating func pattern(_ source: String) -> Int {
        if let index = patternIndex[source] { return index }
        patterns.append(Pattern(source))
        patternIndex[source] = patterns.count - 1
        return patterns.count - 1
    }
}
