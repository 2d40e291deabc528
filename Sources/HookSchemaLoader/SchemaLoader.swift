import Foundation
import HookSchemaModel

/// One schema file's text and where it came from.
public struct SchemaSource: Sendable {
    /// The path as shown in diagnostics (`Schemas/extend/provider.yaml`: the folder the user named, joined).
    public var path: String
    /// The path relative to the schemas folder (`extend/provider.yaml`): the provider folder and the file name.
    /// Recorded as provenance in `Event.source` and `NamedType.source`.
    public var relativePath: String
    public var text: String

    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
    }
}

/// What loading produced: the resolved model when there are no errors, and every diagnostic found.
public struct LoadResult: Sendable {
    /// The resolved, checked model; nil exactly when `diagnostics` contains an error.
    public var schemaSet: SchemaSet?
    /// All problems found (errors and warnings), sorted by location.
    public var diagnostics: [Diagnostic]

    public init(schemaSet: SchemaSet?, diagnostics: [Diagnostic]) {
        self.schemaSet = schemaSet
        self.diagnostics = diagnostics
    }
}

/// An I/O problem that kept the loader from reading the schemas folder.
public struct SchemaLoaderError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Loads schema files (`Schemas/<provider>/provider.yaml` and one file per event, see Schemas/README.md) into the
/// resolved model, checking everything and reporting all problems as `file:line:column` diagnostics.
public enum SchemaLoader {
    /// Loads schema files from memory. Pure: no file system access.
    public static func load(sources: [SchemaSource]) -> LoadResult {
        let log = DiagnosticLog()
        var folders: [String: [SchemaSource]] = [:]
        for source in sources {
            let components = source.relativePath.split(separator: "/", omittingEmptySubsequences: true)
            guard components.count == 2 else {
                log.error(
                    "a schema file belongs directly in a provider folder (`<provider>/<file>.yaml`), not at "
                        + "`\(source.relativePath)`",
                    at: SourceLocation(file: source.path, line: 1, column: 1)
                )
                continue
            }
            folders[String(components[0]), default: []].append(source)
        }
        var providers: [Provider] = []
        for folder in folders.keys.sorted() {
            let files = (folders[folder] ?? []).sorted { $0.relativePath < $1.relativePath }
            if let provider = ProviderLoader(folder: folder, sources: files, log: log).load() {
                providers.append(provider)
            }
        }
        let diagnostics = log.diagnostics.sortedByLocation()
        return LoadResult(
            schemaSet: diagnostics.hasErrors ? nil : SchemaSet(providers: providers),
            diagnostics: diagnostics)
    }

    /// Reads every `*.yaml` / `*.yml` file below `directory` (sorted by path; hidden files and folders skipped)
    /// and loads them. Throws only when the folder or a file cannot be read.
    public static func load(directory: String) throws -> LoadResult {
        let sources = try readSources(directory: directory)
        var result = load(sources: sources)
        if sources.isEmpty {
            result.diagnostics.append(.error("no schema files (*.yaml) in `\(directory)`", at: nil))
            result.schemaSet = nil
        }
        return result
    }

    /// The `*.yaml` / `*.yml` files below `directory`, sorted by relative path, as `load(directory:)` reads them.
    public static func readSources(directory: String) throws -> [SchemaSource] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw SchemaLoaderError("cannot read schemas folder `\(directory)`: no such directory")
        }
        guard isDirectory.boolValue else {
            throw SchemaLoaderError("cannot read schemas folder `\(directory)`: not a directory")
        }
        // Symbolic links resolved, so that a linked schemas folder is enumerated like any other.
        let root = URL(fileURLWithPath: directory, isDirectory: true).resolvingSymlinksInPath()
        guard
            let enumerator = fileManager.enumerator(
                at: root,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else {
            throw SchemaLoaderError("cannot read schemas folder `\(directory)`")
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var relativePaths: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix) else { continue }
            relativePaths.append(String(path.dropFirst(prefix.count)))
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        // Read on every core, in path order; the first file that cannot be read (in that order) is the error.
        let read = relativePaths.sorted().concurrentMap { relativePath -> Result<SchemaSource, SchemaLoaderError> in
            let path = base.isEmpty ? relativePath : base + "/" + relativePath
            let data: Data
            do {
                data = try Data(contentsOf: root.appendingPathComponent(relativePath))
            } catch {
                return .failure(SchemaLoaderError("cannot read `\(path)`: \(error.localizedDescription)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return .failure(SchemaLoaderError("cannot read `\(path)`: not UTF-8 text"))
            }
            return .success(SchemaSource(path: path, relativePath: relativePath, text: text))
        }
        return try read.map { try $0.get() }
    }
}
