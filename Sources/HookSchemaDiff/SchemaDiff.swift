import HookSchemaLoader
import HookSchemaModel

/// Compares two loaded schema sets (OLD and NEW) and reports every change with its wire and Swift verdicts (see
/// `WireVerdict`, `SwiftVerdict` and the rule table in Schemas/README.md, "Reviewing a schema change").
///
/// Named types are compared once, by name; where an event (or another type) refers to the same named type on both
/// sides, the comparison does not descend into it, so a change to `Repository` is one finding on the type, not one
/// per event that holds a repository (`DiffReport.usage` says which events do).
public enum SchemaDiff {
    public static func compare(
        old: SchemaSet, new: SchemaSet, oldSources: SchemaSourceMap = SchemaSourceMap(),
        newSources: SchemaSourceMap = SchemaSourceMap()
    ) -> DiffReport {
        var findings: [DiffFinding] = []
        let names = Set(old.providers.map(\.name)).union(new.providers.map(\.name)).sorted()
        for name in names {
            switch (old.provider(named: name), new.provider(named: name)) {
            case (let oldProvider?, let newProvider?):
                var comparison = ProviderComparison(
                    old: oldProvider, new: newProvider, oldSources: oldSources, newSources: newSources)
                comparison.compare()
                findings += comparison.findings
            case (nil, let newProvider?):
                findings.append(
                    DiffFinding(
                        kind: .providerAdded, provider: name, scope: .provider, pointer: "",
                        location: newSources.location(file: newProvider.file, path: ""), wire: .safe,
                        swift: .additive,
                        message: "provider `\(name)` added (\(newProvider.events.count) events)"))
            case (let oldProvider?, nil):
                findings.append(
                    DiffFinding(
                        kind: .providerRemoved, provider: name, scope: .provider, pointer: "",
                        location: oldSources.location(file: oldProvider.file, path: ""), wire: .breaking,
                        swift: .sourceBreaking,
                        message: "provider `\(name)` removed: its deliveries are unknown events now"))
            case (nil, nil):
                break
            }
        }
        // The events a type's change reaches: those in both versions that hold the type in either (an added or
        // removed event is a finding of its own).
        var usage: [String: [String: [String]]] = [:]
        for name in names {
            guard let oldProvider = old.provider(named: name), let newProvider = new.provider(named: name) else {
                continue
            }
            let common = Set(oldProvider.events.map(\.type)).intersection(newProvider.events.map(\.type))
            var holders: [String: Set<String>] = [:]
            for provider in [oldProvider, newProvider] {
                for (type, events) in provider.eventsUsingTypes() {
                    holders[type, default: []].formUnion(events.filter(common.contains))
                }
            }
            usage[name] = holders.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        }
        return DiffReport(findings: findings, usage: usage)
    }
}

extension Provider {
    /// The provider's own file, relative to the schemas folder.
    var file: String { name + "/provider.yaml" }

    /// Named type → the events whose bodies hold it (directly or through other named types).
    func eventsUsingTypes() -> [String: [String]] {
        var direct: [String: Set<String>] = [:]
        for type in types {
            direct[type.name] = type.schema.referencedTypes()
        }
        var result: [String: Set<String>] = [:]
        for event in events {
            var reached: Set<String> = []
            var pending = Array(event.body.referencedTypes())
            while let next = pending.popLast() {
                if reached.insert(next).inserted {
                    pending += direct[next] ?? []
                }
            }
            for type in reached {
                result[type, default: []].insert(event.type)
            }
        }
        return result.mapValues { $0.sorted() }
    }
}

extension Schema {
    /// The named types this schema refers to anywhere inside it (not through them).
    func referencedTypes() -> Set<String> {
        switch kind {
        case .ref(let name): return [name]
        case .object(let rules): return rules.fields.reduce(into: []) { $0.formUnion($1.schema.referencedTypes()) }
        case .array(let rules): return rules.items.referencedTypes()
        case .map(let rules): return rules.values.referencedTypes()
        case .union(let rules): return Set(rules.mapping.map(\.type))
        case .untaggedUnion(let rules):
            return rules.members.reduce(into: []) { $0.formUnion($1.schema.referencedTypes()) }
        case .string, .integer, .number, .boolean, .enumeration, .any: return []
        }
    }
}

/// A place in a schema file: its relative path and a pointer of YAML keys (`/types/User/fields/login`).
struct Place: Hashable {
    var file: String
    var path: String

    func appending(_ tokens: String...) -> Place {
        var place = self
        for token in tokens {
            place.path = JSONPointer.appending(token, to: place.path)
        }
        return place
    }
}

/// Which side's files a finding points into: the new one, except for something that is only in the old.
enum Side {
    case old
    case new
}
