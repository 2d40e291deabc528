import Foundation
import HookSchemaModel

/// Where each key of a schema file is: `/types/ExtractRun/fields/status` (the file's own YAML keys and list
/// indices, as a JSON pointer) → `Schemas/extend/provider.yaml:123:7`. Tools that speak about a loaded model in
/// terms of its source files (`hookschema diff`) use it to point at the line a change is on.
///
/// A file is parsed the first time it is asked about (and kept), so that a report that names a few files of a large
/// catalog does not parse the rest again.
public struct SchemaSourceMap: Sendable {
    /// Relative path (`extend/provider.yaml`, as in `Event.source`) → the file.
    private let sources: [String: SchemaSource]
    private let cache = Cache()

    public init() {
        sources = [:]
    }

    public init(sources: [SchemaSource]) {
        self.sources = Dictionary(sources.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the `*.yaml` files below `directory` the way `SchemaLoader.load(directory:)` does, and maps them.
    public init(directory: String) throws {
        self.init(sources: try SchemaLoader.readSources(directory: directory))
    }

    /// YAML pointer → the key's location (for a list item, the item's); nil for a file that is unknown or does not
    /// parse (loading reports it).
    private func locations(of file: String) -> [String: SourceLocation]? {
        if let cached = cache.lookup(file) { return cached }
        guard let source = sources[file] else { return nil }
        var locations: [String: SourceLocation] = [:]
        if let root = YAMLParser.parse(source, log: DiagnosticLog()) {
            locations[""] = root.location
            Self.record(root, at: "", into: &locations)
        }
        cache.store(locations, for: file)
        return locations
    }

    /// The parsed files, shared by the copies of a map.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: [String: SourceLocation]] = [:]

        func lookup(_ file: String) -> [String: SourceLocation]? {
            lock.withLock { files[file] }
        }

        func store(_ locations: [String: SourceLocation], for file: String) {
            lock.withLock { files[file] = locations }
        }
    }

    /// The location of the deepest key on `path` (a pointer of YAML keys) that the file has: an exact match, or the
    /// nearest ancestor; nil when the file is unknown.
    public func location(file: String, path: String) -> SourceLocation? {
        guard let locations = locations(of: file) else { return nil }
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
        locations(of: file)?[path] != nil
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
