import HookSchemaModel

/// Where each key of a schema file is: `/types/ExtractRun/fields/status` (the file's own YAML keys and list
/// indices, as a JSON pointer) → `Schemas/extend/provider.yaml:123:7`. Tools that speak about a loaded model in
/// terms of its source files (`hookschema diff`) use it to point at the line a change is on.
public struct SchemaSourceMap: Sendable {
    /// Relative path (`extend/provider.yaml`, as in `Event.source`) → YAML pointer → the key's location (for a
    /// list item, the item's).
    public private(set) var files: [String: [String: SourceLocation]] = [:]

    public init() {}

    /// Maps every source that parses; a file that does not parse gets no entries (loading reports it).
    public init(sources: [SchemaSource]) {
        for source in sources {
            add(source)
        }
    }

    /// Reads the `*.yaml` files below `directory` the way `SchemaLoader.load(directory:)` does, and maps them.
    public init(directory: String) throws {
        self.init(sources: try SchemaLoader.readSources(directory: directory))
    }

    public mutating func add(_ source: SchemaSource) {
        let log = DiagnosticLog()
        guard let root = YAMLParser.parse(source, log: log) else { return }
        var locations: [String: SourceLocation] = ["": root.location]
        Self.record(root, at: "", into: &locations)
        files[source.relativePath] = locations
    }

    /// The location of the deepest key on `path` (a pointer of YAML keys) that the file has: an exact match, or the
    /// nearest ancestor; nil when the file is unknown.
    public func location(file: String, path: String) -> SourceLocation? {
        guard let locations = files[file] else { return nil }
        var tokens = JSONPointer.tokens(of: path)
        while true {
            let pointer = tokens.map { "/" + JSONPointer.escape($0) }.joined()
            if let location = locations[pointer] { return location }
            if tokens.isEmpty { return nil }
            tokens.removeLast()
        }
    }

    /// Whether the file has exactly this key.
    public func contains(file: String, path: String) -> Bool {
        files[file]?[path] != nil
    }

    private static func record(_ node: YAMLNode, at pointer: String, into locations: inout [String: SourceLocation]) {
        switch node.content {
        case .scalar:
            break
        case .mapping(let entries):
            for entry in entries {
                let child = JSONPointer.appending(entry.key, to: pointer)
                if locations[child] == nil {
                    locations[child] = entry.keyLocation
                }
                record(entry.value, at: child, into: &locations)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                let child = pointer + "/" + String(index)
                locations[child] = item.location
                record(item, at: child, into: &locations)
            }
        }
    }
}
