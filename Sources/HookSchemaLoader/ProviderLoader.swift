import Foundation
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
        for (source, parsed) in zip(eventSources, Self.parseConcurrently(eventSources)) {
            // The file's YAML diagnostics go in where parsing it in this loop would have put them.
            log.append(contentsOf: parsed.diagnostics)
            guard let root = parsed.root else { continue }
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

    /// Parses the files' YAML on every core (the event files are independent); the result is in the order of
    /// `sources`, so everything after it is as deterministic as a sequential parse.
    static func parseConcurrently(_ sources: [SchemaSource]) -> [ParsedYAML] {
        sources.concurrentMap { source in
            let log = DiagnosticLog()
            let root = YAMLParser.parse(source, log: log)
            return ParsedYAML(root: root, diagnostics: log.diagnostics)
        }
    }
}

/// One file's YAML: its root node (nil when it does not parse) and the diagnostics parsing it gave.
struct ParsedYAML {
    var root: YAMLNode?
    var diagnostics: [Diagnostic]
}
