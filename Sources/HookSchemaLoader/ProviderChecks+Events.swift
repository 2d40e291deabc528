import HookSchemaModel

extension ProviderChecks {
    /// Event types are unique within the provider, no legacy name is a current event, and no two events or named
    /// types share a Swift type name.
    func checkEvents(_ events: [ParsedEvent]) {
        var firstOfType: [String: ParsedEvent] = [:]
        for event in events {
            if let first = firstOfType[event.event.type] {
                log.error(
                    "duplicate event type `\(event.event.type)`: another file already describes it",
                    at: event.typeLocation,
                    note: "`\(event.event.type)` is first declared at \(first.typeLocation)"
                )
            } else {
                firstOfType[event.event.type] = event
            }
        }
        for legacy in provider.legacyEvents {
            if let current = firstOfType[legacy.event.type] {
                log.error(
                    "legacy event `\(legacy.event.type)` is also a current event",
                    at: legacy.location,
                    note: "it is declared at \(current.typeLocation)"
                )
            }
        }

        // Generated type names: named types keep their (PascalCased) name; events use their swiftName.
        var swiftNames: [String: (what: String, location: SourceLocation)] = [:]
        for type in provider.types {
            let name = SwiftNaming.typeName(type.name)
            let location = provider.typeLocations[type.name]
            if let other = swiftNames[name] {
                log.error(
                    "type `\(type.name)` and \(other.what) both become the Swift type `\(name)`",
                    at: location,
                    note: "\(other.what) is declared at \(other.location)"
                )
            } else if let location {
                swiftNames[name] = ("type `\(type.name)`", location)
            }
        }
        for event in events where firstOfType[event.event.type]?.typeLocation == event.typeLocation {
            let name = event.event.swiftName
            if let other = swiftNames[name] {
                log.error(
                    "event `\(event.event.type)` and \(other.what) both become the Swift type `\(name)`; "
                        + "set a different `swiftName`",
                    at: event.swiftNameLocation,
                    note: "\(other.what) is declared at \(other.location)"
                )
            } else {
                swiftNames[name] = ("event `\(event.event.type)`", event.swiftNameLocation)
            }
        }
    }
}

extension ProviderChecks {
    /// A body `dedupeKey` names a member that some event's body declares at that pointer.
    func checkDedupeKey(_ events: [ParsedEvent]) {
        guard case .member(let pointer) = provider.dedupeKey, let location = provider.dedupeKeyLocation,
            !events.isEmpty
        else { return }
        let tokens = JSONPointer.tokens(of: pointer)
        let declared = events.contains { event in
            var schema = event.event.body
            for token in tokens {
                guard case .object(let rules) = resolve(schema).kind,
                    let field = rules.fields.first(where: { $0.name == token })
                else { return false }
                schema = field.schema
            }
            return true
        }
        if !declared {
            log.error("`dedupeKey` names the body member `\(pointer)`, which no event declares", at: location)
        }
    }
}

extension ProviderChecks {
    /// A member of an untagged union that an earlier member's shape always takes first can never be chosen: an
    /// error, since its values would silently decode as the other member.
    func checkUntaggedUnions() {
        let model = Provider(name: provider.name, swiftName: provider.swiftName, discriminator: "", types: provider.types)
        for union in scope.untaggedUnions {
            let shapes = union.members.map { model.unionShape(of: $0.schema) }
            for (index, shape) in shapes.enumerated() {
                guard let earlier = shapes[..<index].firstIndex(where: { $0.covers(shape) }) else { continue }
                log.error(
                    "union member \(index + 1) can never be chosen: every value of its shape "
                        + "(\(describe(shape))) matches member \(earlier + 1) first; put the more specific member "
                        + "first",
                    at: union.members[index].location
                )
            }
        }
    }

    private func describe(_ shape: UnionShape) -> String {
        var text = shape.kinds.names.joined(separator: " or ")
        if let strings = shape.strings {
            text += " " + strings.map { "\"\($0)\"" }.joined(separator: " or ")
        }
        if !shape.requiredMembers.isEmpty {
            text += " with " + shape.requiredMembers.map { "`\($0)`" }.joined(separator: ", ")
        }
        return text
    }
}
