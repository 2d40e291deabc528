import HookSchemaModel
import HookSchemaRuntime

/// A `SchemaSet` compiled once for validation: every schema a flat `PlanNode`, `$ref`s resolved to indices (so
/// recursive types are fine), member and enum lookups hashed, patterns compiled.
final class ValidationPlan: Sendable {
    let nodes: [PlanNode]
    let objects: [ObjectPlan]
    let enums: [EnumPlan]
    let unions: [UnionPlan]
    let maps: [MapPlan]
    let patterns: [Pattern]
    /// The `const` values of nodes.
    let constants: [Literal]
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
        enums = compiler.enums
        unions = compiler.unions
        maps = compiler.maps
        patterns = compiler.patterns
        constants = compiler.constants
        self.providers = providers
        var discriminators: [(name: String, bytes: [UInt8], providers: [Int])] = []
        for (index, provider) in providers.enumerated() {
            if let existing = discriminators.firstIndex(where: { $0.name == provider.discriminator }) {
                discriminators[existing].providers.append(index)
            } else {
                discriminators.append((provider.discriminator, provider.discriminatorBytes, [index]))
            }
        }
        self.discriminators = discriminators
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
    var enums: [EnumPlan] = []
    var unions: [UnionPlan] = []
    var maps: [MapPlan] = []
    var patterns: [Pattern] = []
    var constants: [Literal] = []
    private var patternIndex: [String: Int] = [:]
    /// The current provider's named types → node index.
    private var namedTypes: [String: Int] = [:]

    mutating func compile(_ provider: Provider) -> ProviderPlan {
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
        return ProviderPlan(
            name: provider.name,
            discriminator: provider.discriminator,
            discriminatorBytes: Array(provider.discriminator.utf8),
            eventTable: ByteStringTable(events.map(\.type)),
            events: events,
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
            node.numberRules = rules
        case .number(let rules):
            node.kind = .number
            node.typeName = "number"
            node.numberRules = rules
        case .boolean:
            node.kind = .boolean
            node.typeName = "boolean"
        case .enumeration(let rules):
            node.kind = .enumeration
            node.typeName = "string"
            node.child = enums.count
            let values = rules.values.map(\.value)
            enums.append(
                EnumPlan(
                    table: ByteStringTable(values), closed: rules.closed, values: .array(values.map { .string($0) })))
        case .object(let rules):
            node.kind = .object
            node.typeName = "object"
            let fields = rules.fields.map { field in
                ObjectPlan.Field(
                    name: field.name, nameBytes: Array(field.name.utf8), node: add(field.schema),
                    required: field.required)
            }
            node.child = objects.count
            objects.append(
                ObjectPlan(
                    fields: fields,
                    table: ByteStringTable(fields.map(\.name)),
                    requiredCount: fields.filter(\.required).count))
        case .array(let rules):
            node.kind = .array
            node.typeName = "array"
            node.minLength = rules.minItems ?? -1
            node.maxLength = rules.maxItems ?? -1
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
        case .email: return "email"
        case .uuid: return "uuid"
        }
    }

    private mutating func pattern(_ source: String) -> Int {
        if let index = patternIndex[source] { return index }
        patterns.append(Pattern(source))
        patternIndex[source] = patterns.count - 1
        return patterns.count - 1
    }
}
