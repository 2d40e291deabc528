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
    /// any, equals the member's mapping key.
    func checkUnions() {
        for union in scope.unions {
            for member in union.members {
                guard let schema = types[member.type] else { continue }  // reported by checkReferences
                let resolved = resolve(schema)
                guard case .object(let rules) = resolved.kind else {
                    log.error(
                        "union member `\(member.type)` must be an object type, not \(describe(resolved.kind))",
                        at: member.location
                    )
                    continue
                }
                guard let field = rules.fields.first(where: { $0.name == union.discriminator }) else {
                    log.error(
                        "union member `\(member.type)` has no field `\(union.discriminator)` (the union's "
                            + "discriminator)",
                        at: member.location
                    )
                    continue
                }
                let fieldSchema = resolve(field.schema)
                if !field.required || fieldSchema.nullable {
                    log.error(
                        "union member `\(member.type)`: the discriminator `\(union.discriminator)` must be a "
                            + "required, non-nullable field",
                        at: member.location
                    )
                }
                switch fieldSchema.kind {
                case .string:
                    break
                case .enumeration(let values) where values.values.contains(where: { $0.value == member.value }):
                    break
                case .enumeration:
                    log.error(
                        "union member `\(member.type)`: `\(member.value)` is not a value of its "
                            + "`\(union.discriminator)` enum",
                        at: member.location
                    )
                default:
                    log.error(
                        "union member `\(member.type)`: the discriminator `\(union.discriminator)` must be a string, "
                            + "not \(describe(fieldSchema.kind))",
                        at: member.location
                    )
                }
                if let const = fieldSchema.const, const != .string(member.value) {
                    log.error(
                        "the union maps `\(member.value)` to `\(member.type)`, whose `\(union.discriminator)` is "
                            + "const \(const)",
                        at: member.location
                    )
                }
            }
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

    private func resolve(_ schema: Schema) -> Schema {
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
        }
    }
}
