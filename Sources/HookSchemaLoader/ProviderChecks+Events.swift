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
