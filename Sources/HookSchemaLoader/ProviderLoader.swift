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
        let files = Self.parseConcurrently(eventSources, folder: folder, provider: provider, typeNames: scope.typeNames)
        for parsed in files {
            // Each file's diagnostics and references go in where reading the files one by one would have put them.
            log.append(contentsOf: parsed.diagnostics)
            scope.references += parsed.scope.references
            scope.unions += parsed.scope.unions
            scope.untaggedUnions += parsed.scope.untaggedUnions
            if let event = parsed.event {
                events.append(event)
            }
        }

        guard let provider else {
            return nil
        }
        let checks = ProviderChecks(provider: provider, scope: scope, log: log)
        checks.checkReferences()
        checks.checkUnions()
        checks.checkUntaggedUnions()
        checks.checkCycles()
        checks.checkEvents(events)
        checks.checkDedupeKey(events)
        return Provider(
            name: provider.name,
            swiftName: provider.swiftName,
            description: provider.description,
            discriminator: provider.discriminator,
            eventHeader: provider.eventHeader,
            variantMember: provider.variantMember,
            dedupeKey: provider.dedupeKey,
            payloadField: provider.payloadField,
            headers: provider.headers,
            signature: provider.signature,
            types: provider.types,
            events: events.map(\.event),
            legacyEvents: provider.legacyEvents.map(\.event)
        )
    }

    /// Reads every event file (its YAML, then its schema) on every core, each with a log and a scope of its own (the
    /// files are independent); the result is in the order of `sources`, so everything after it is as deterministic
    /// as reading them one by one.
    static func parseConcurrently(
        _ sources: [SchemaSource], folder: String, provider: ParsedProvider?, typeNames: Set<String>
    ) -> [ParsedEventFile] {
        sources.concurrentMap { source in
            let log = DiagnosticLog()
            let scope = ProviderScope(name: folder)
            scope.typeNames = typeNames
            var event: ParsedEvent?
            if let root = YAMLParser.parse(source, log: log) {
                event = EventParser(source: source, folder: folder, provider: provider, scope: scope, log: log)
                    .parse(root)
            }
            return ParsedEventFile(event: event, diagnostics: log.diagnostics, scope: scope)
        }
    }
}

/// One event file, read: its event (nil when it has errors), the diagnostics reading it gave, and the references
/// and unions it recorded (checked once every file is read).
struct ParsedEventFile {
    var event: ParsedEvent?
    var diagnostics: [Diagnostic]
    var scope: ProviderScope
}
