import Foundation
import PackagePlugin

/// The schema files and the optional `hookschema-config.yaml` in a target's folder, and the `hookschema-generate`
/// (`hookschema generate`) invocation both plugins run for them. Shared (by symbolic link) by the build plugin and the command plugin, so
/// the two run the generator identically and write byte-identical files.
///
/// Layout of a target (see `GeneratedLayout`): `<target>/hookschema-config.yaml` (optional) and
/// `<target>/<provider>/provider.yaml` plus one `<target>/<provider>/<event>.yaml` per event. Every `.yaml` /
/// `.yml` file in the target other than the config is a schema file.
struct SchemaInputs {
    /// The target's folder: the schemas folder passed to `--schemas`.
    let directory: URL
    /// Every schema file (absolute), sorted.
    let schemaFiles: [URL]
    /// The same files relative to `directory` (`acme/order.created.yaml`).
    let relativePaths: [String]
    /// The config file, if the target has one.
    let config: URL?

    /// The schema inputs of a target, or nil when its folder holds no schema file.
    init?(targetDirectory: URL, files: [URL]) throws {
        let directory = targetDirectory.standardizedFileURL
        let prefix = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        var schemas: [(url: URL, relativePath: String)] = []
        var configs: [URL] = []
        for file in files {
            let url = file.standardizedFileURL
            guard url.path.hasPrefix(prefix), GeneratedLayout.isSchemaFileName(url.lastPathComponent) else {
                continue
            }
            let relativePath = String(url.path.dropFirst(prefix.count))
            if Self.configFileNames.contains(relativePath) {
                configs.append(url)
            } else {
                schemas.append((url, relativePath))
            }
        }
        guard configs.count <= 1 else {
            throw PluginFailure(
                "\(directory.path) has both \(Self.configFileNames.joined(separator: " and ")); keep one"
            )
        }
        guard !schemas.isEmpty else { return nil }
        schemas.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        self.directory = directory
        self.schemaFiles = schemas.map(\.url)
        self.relativePaths = schemas.map(\.relativePath)
        self.config = configs.first
    }

    /// The config file names looked for at the top of the target's folder (as `GeneratorConfig.fileNames`).
    static let configFileNames = ["hookschema-config.yaml", "hookschema-config.yml"]

    /// Every file the generator writes into `output`: known from the schema files' names alone.
    func outputFiles(in output: URL) -> [URL] {
        GeneratedLayout.outputs(forSchemaFiles: relativePaths).map { output.appendingPathComponent($0) }
    }

    /// The files whose change must rerun the generator: the schemas, the config and the generator itself.
    func inputFiles(tool: URL) -> [URL] {
        schemaFiles + (config.map { [$0] } ?? []) + [tool]
    }

    /// `hookschema-generate`'s `--schemas <dir> --output <dir> [--config <file>]`, with absolute paths so that diagnostics name
    /// the YAML files absolutely and editors can place them.
    func generateArguments(output: URL) -> [String] {
        var arguments = ["--schemas", directory.path, "--output", output.standardizedFileURL.path]
        if let config {
            arguments += ["--config", config.path]
        }
        return arguments
    }
}

/// A plugin error with a message for the user.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
