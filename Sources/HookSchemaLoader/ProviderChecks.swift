import HookSchemaModel

/// The checks that need every file of a provider read first: references, unions, cycles, and event uniqueness.
struct ProviderChecks {
    let provider: ParsedProvider
    let scope: ProviderScope
    let log: DiagnosticLog
    private let types: [String: Schema]

    init(provider: ParsedProvider, scope: ProviderScope, log: DiagnosticLog) {
        self.provider = provider
        self.scope = scope
        self.log = log
        self.types = Dictionary(provider.types.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every `$ref` and union member names a type of this provider.
    func checkReferences() {
        let names = provider.types.map(\.name).sorted()
        for reference in scope.references where types[reference.name] == nil {
            let suggestion = Suggestion.didYouMean(reference.name, among: names)
            let hint =
                SchemaType(rawValue: reference.name) != nil
                ? "; `\(reference.name)` is a built-in type: write `type: \(reference.name)`" : suggestion
            log.error(
                "`\(reference.name)` names no type of provider `\(provider.name)`\(hint)",
                at: reference.location
            )
        }
    }

    /// Each union member is an object type with the discriminator as a required string field whose `const`, if
    /// any, equals the member's mapping key, or a union whose own members (recursively) all are. A union member
    /// lets one value of the outer discriminator stand for a family of types told apart by another member (an
    /// event payload that is a step run, itself a union on `stepType`, or a signed URL).
    func checkUnions() {
        for union in scope.unions {
            for member in union.members {
                var visited: Set<String> = []
                checkMember(member.type, value: member.value, of: union, at: member.location, visited: &visited)
            }
        }
    }

    private func checkMember(
        _ type: String, value: String, of union: ProviderScope.UnionUse, at location: SourceLocation,
        visited: inout Set<String>
    ) {
        guard let schema = types[type], visited.insert(type).inserted else { return }  // reported elsewhere
        let resolved = resolve(schema)
        if case .union(let inner) = resolved.kind {
            for nested in inner.mapping {
                checkMember(nested.type, value: value, of: union, at: location, visited: &visited)
            }
            return
        }
        guard case .object(let rules) = resolved.kind else {
            log.error(
                "union member `\(type)` must be an object or union type, not \(describe(resolved.kind))", at: location)
            return
        }
        guard let field = rules.fields.first(where: { $0.name == union.discriminator }) else {
            log.error(
                "union member `\(type)` has no field `\(union.discriminator)` (the union's discriminator)",
                at: location
            )
            return
        }
        let fieldSchema = resolve(field.schema)
        if !field.required || fieldSchema.nullable {
            log.error(
                "union member `\(type)`: the discriminator `\(union.discriminator)` must be a required, non-nullable "
                    + "field",
                at: location
            )
        }
        switch fieldSchema.kind {
        case .string:
            break
        case .enumeration(let values) where values.values.contains(where: { $0.value == value }):
            break
        case .enumeration:
            log.error(
                "union member `\(type)`: `\(value)` is not a value of its `\(union.discriminator)` enum", at: location)
        default:
            log.error(
                "union member `\(type)`: the discriminator `\(union.discriminator)` must be a string, not "
                    + "\(describe(fieldSchema.kind))",
                at: location
            )
        }
        if let const = fieldSchema.const, const != .string(value) {
            log.error(
                "the union maps `\(value)` to `\(type)`, whose `\(union.discriminator)` is const \(const)",
                at: location
            )
        }
    }

    /// A named type that must contain itself (through required, non-nullable members and refs only) cannot be
    /// represented: no finite value exists, and Swift rejects the recursive struct.
    func checkCycles() {
        var edges: [String: [ProviderScope.Reference]] = [:]
        for reference in scope.references where reference.containsTarget && types[reference.name] != nil {
            if let owner = reference.owner {
                edges[owner, default: []].append(reference)
            }
        }
        var reported: Set<String> = []
        for start in provider.types.map(\.name).sorted() where !reported.contains(start) {
            guard let path = cycle(from: start, edges: edges) else { continue }
            let names = [start] + path.map(\.name)
            reported.formUnion(names)
            log.error(
                "type `\(start)` contains itself through required, non-nullable members "
                    + "(\(names.joined(separator: " → "))); make one of them optional or nullable, or use an array",
                at: path[0].location
            )
        }
    }

    /// The references leading from `start` back to it, if any (depth-first).
    private func cycle(
        from start: String,
        edges: [String: [ProviderScope.Reference]]
    ) -> [ProviderScope.Reference]? {
        var visited: Set<String> = []
        func search(_ name: String, _ path: [ProviderScope.Reference]) -> [ProviderScope.Reference]? {
            for edge in edges[name] ?? [] {
                let next = path + [edge]
                if edge.name == start { return next }
                if visited.insert(edge.name).inserted, let found = search(edge.name, next) {
                    return found
                }
            }
            return nil
        }
        return search(start, [])
    }

    func resolve(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .ref(let name) = current.kind, seen.insert(name).inserted, let target = types[name] {
            var next = target
            next.nullable = next.nullable || current.nullable
            next.const = current.const ?? next.const
            current = next
        }
        return current
    }

    private func describe(_ kind: Schema.Kind) -> String {
        switch kind {
        case .string: return "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .enumeration: return "an enum"
        case .object: return "an object"
        case .array: return "an array"
        case .map: return "a map"
        case .any: return "`any`"
        case .ref(let name): return "a reference to `\(name)`"
        case .union: return "a union"
        case .untaggedUnion: return "an untagged union"
        }
    }
}
