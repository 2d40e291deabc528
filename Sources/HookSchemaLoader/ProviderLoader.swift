import HookSchemaModel

/// Loads one provider folder: its provider.yaml, then its event files, then the checks that span files.
struct ProviderLoader {
    let folder: String
    /// The folder's files, sorted by relative path.
    let sources: [SchemaSource]
    let log: DiagnosticLog

    static let providerFileNames = ["provider.yaml", "provider.yml"]

    func load() -> Provider? {
        let scope = ProviderScope(name: folder)
        var provider: ParsedProvider?
        var providerSource: SchemaSource?
        var eventSources: [SchemaSource] = []
        for source in sources {
            let name = source.relativePath.split(separator: "/").last.map(String.init) ?? ""
            guard Self.providerFileNames.contains(name) else {
                eventSources.append(source)
                continue
            }
            if let first = providerSource {
                log.error(
                    "`\(folder)` has more than one provider file",
                    at: SourceLocation(file: source.path, line: 1, column: 1),
                    note: "the first is \(first.path)"
                )
                continue
            }
            providerSource = source
            if let root = YAMLParser.parse(source, log: log) {
                provider = ProviderParser(source: source, folder: folder, scope: scope, log: log).parse(root)
            }
        }
        if providerSource == nil {
            for source in eventSources {
                log.error(
                    "there is no provider.yaml in `\(folder)/`, which every event file needs (for the envelope "
                        + "and shared types)",
                    at: SourceLocation(file: source.path, line: 1, column: 1)
                )
            }
        }

        var events: [ParsedEvent] = []
        for source in eventSources {
            guard let root = YAMLParser.parse(source, log: log) else { continue }
            let parser = EventParser(source: source, folder: folder, provider: provider, scope: scope, log: log)
            if let event = parser.parse(root) {
                events.append(event)
            }
        }

        guard let provider else {
            return nil
        }
        let checks = ProviderChecks(provider: provider, scope: scope, log: log)
        checks.checkReferences()
        checks.checkUnions()
        checks.checkCycles()
        checks.checkEvents(events)
        return Provider(
            name: provider.name,
            swiftName: provider.swiftName,
            description: provider.description,
            discriminator: provider.discriminator,
            payloadField: provider.payloadField,
            headers: provider.headers,
            signature: provider.signature,
            types: provider.types,
            events: events.map(\.event),
            legacyEvents: provider.legacyEvents.map(\.event)
        )
    }
}
