import HookSchemaModel
import Yams

/// The generator settings of a `hookschema-config.yaml` file: what the build plugin and the command plugin pass to
/// `hookschema generate --config FILE`.
///
/// ```yaml
/// accessLevel: public          # public | package | internal (default: internal)
/// providers: [acme]            # only these providers (default: all)
/// events: [order.created]      # only these event types (default: all)
/// typePrefix: Acme             # prepended to every generated type name (default: none)
/// imports: [Foundation]        # extra modules every generated file imports (default: none)
/// embedSchema: true            # embed the schema model for runtime validation (default: true)
/// ```
public struct GeneratorConfig: Hashable, Sendable {
    /// `public`, `package` or `internal`.
    public var accessLevel: String
    public var providers: [String]?
    public var events: [String]?
    public var typePrefix: String
    public var imports: [String]
    public var embedSchema: Bool
    /// Where the config file lists each name of `providers` and `events` (`"providers"` → name → location), for
    /// messages about names the schemas do not have. Not part of the config's value: equality ignores it.
    public var listedNameLocations: [String: [String: SourceLocation]] = [:]

    public init(
        accessLevel: String = "internal",
        providers: [String]? = nil,
        events: [String]? = nil,
        typePrefix: String = "",
        imports: [String] = [],
        embedSchema: Bool = true
    ) {
        self.accessLevel = accessLevel
        self.providers = providers
        self.events = events
        self.typePrefix = typePrefix
        self.imports = imports
        self.embedSchema = embedSchema
    }

    /// Where the config file lists `name` under `key` (`providers` or `events`), when it was read from a file.
    public func location(ofListed name: String, under key: String) -> SourceLocation? {
        listedNameLocations[key]?[name]
    }

    public static func == (lhs: GeneratorConfig, rhs: GeneratorConfig) -> Bool {
        lhs.accessLevel == rhs.accessLevel && lhs.providers == rhs.providers && lhs.events == rhs.events
            && lhs.typePrefix == rhs.typePrefix && lhs.imports == rhs.imports && lhs.embedSchema == rhs.embedSchema
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(accessLevel)
        hasher.combine(providers)
        hasher.combine(events)
        hasher.combine(typePrefix)
        hasher.combine(imports)
        hasher.combine(embedSchema)
    }

    /// The file names the plugins look for in a target's folder.
    public static let fileNames = ["hookschema-config.yaml", "hookschema-config.yml"]

    /// The keys a config file may have.
    public static let keys = ["accessLevel", "providers", "events", "typePrefix", "imports", "embedSchema"]

    /// The access levels `accessLevel` accepts.
    public static let accessLevels = ["public", "package", "internal"]

    /// The candidate a misspelt name most likely meant (the loader's did-you-mean rule), for messages about
    /// provider and event names the config lists.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        Suggestion.closest(to: word, among: candidates)
    }
}

/// The outcome of reading a config file: the config when it has no errors, and every diagnostic found.
public struct GeneratorConfigResult: Sendable {
    /// Nil exactly when `diagnostics` contains an error.
    public var config: GeneratorConfig?
    public var diagnostics: [Diagnostic]
}

extension GeneratorConfig {
    /// Parses a config file's text. `path` is used in diagnostics (`path:line:column: error: …`). An empty file
    /// (or one holding only comments) is the default config.
    public static func parse(_ text: String, path: String) -> GeneratorConfigResult {
        let log = DiagnosticLog()
        let config = parse(SchemaSource(path: path, relativePath: path, text: text), log: log)
        let diagnostics = log.diagnostics.sortedByLocation()
        return GeneratorConfigResult(config: diagnostics.hasErrors ? nil : config, diagnostics: diagnostics)
    }

    private static func parse(_ source: SchemaSource, log: DiagnosticLog) -> GeneratorConfig {
        var config = GeneratorConfig()
        // Only comments or nothing: the defaults. Malformed YAML is reported by YAMLParser below.
        if case .some(.none) = try? Yams.compose(yaml: source.text) {
            return config
        }
        guard let root = YAMLParser.parse(source, log: log),
            let reader = MappingReader(root, what: "a hookschema config file", log: log)
        else { return config }
        reader.rejectUnknownKeys(allowed: keys, in: "a hookschema config file")

        if let entry = reader["accessLevel"], let level = reader.string("accessLevel") {
            if accessLevels.contains(level) {
                config.accessLevel = level
            } else {
                log.error(
                    "`accessLevel` must be public, package or internal, not `\(level)`"
                        + Suggestion.didYouMean(level, among: accessLevels),
                    at: entry.value.location
                )
            }
        }
        var locations: [String: [String: SourceLocation]] = [:]
        config.providers = names(
            "providers", in: reader, log: log, found: { locations["providers", default: [:]][$0] = $1 })
        config.events = names("events", in: reader, log: log, found: { locations["events", default: [:]][$0] = $1 })
        config.listedNameLocations = locations
        if let entry = reader["typePrefix"], let prefix = reader.string("typePrefix") {
            if prefix.isEmpty || isSwiftIdentifier(prefix) {
                config.typePrefix = prefix
            } else {
                log.error("`typePrefix` must be a Swift identifier, not `\(prefix)`", at: entry.value.location)
            }
        }
        let modules = names(
            "imports", in: reader, log: log,
            problem: { module in
                isSwiftIdentifier(module) ? nil : "`imports` lists `\(module)`, which is not a module name"
            })
        config.imports = modules ?? []
        if let embed = reader.bool("embedSchema") {
            config.embedSchema = embed
        }
        return config
    }

    /// A list of strings (a single string counts as a list of one), with repetitions reported. `problem` returns
    /// the message for a name that is not acceptable, or nil; `found` is told where each accepted name is.
    private static func names(
        _ key: String,
        in reader: MappingReader,
        log: DiagnosticLog,
        problem: (String) -> String? = { _ in nil },
        found: (String, SourceLocation?) -> Void = { _, _ in }
    ) -> [String]? {
        guard let entry = reader[key] else { return nil }
        let items: [YAMLNode]
        if entry.value.scalar != nil {
            items = [entry.value]
        } else if let list = entry.value.items {
            items = list
        } else {
            log.error(
                "`\(key)` must be a list of strings, not \(entry.value.kindDescription)", at: entry.value.location
            )
            return nil
        }
        var names: [String] = []
        for item in items {
            guard let name = MappingReader.string(item, key: key, log: log) else { continue }
            if let message = problem(name) {
                log.error(message, at: item.location)
            } else if names.contains(name) {
                log.error("`\(key)` lists `\(name)` twice", at: item.location)
                continue
            }
            names.append(name)
            found(name, item.location)
        }
        return names
    }
}
