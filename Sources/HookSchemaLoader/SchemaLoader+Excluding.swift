import HookSchemaModel

extension SchemaLoader {
    /// Like `load(directory:)`, without the files at the given paths relative to `directory`
    /// (`hookschema-config.yaml`, when a target's folder holds both the schemas and the generator config).
    public static func load(directory: String, excluding excluded: Set<String>) throws -> LoadResult {
        let sources = try readSources(directory: directory).filter { !excluded.contains($0.relativePath) }
        var result = load(sources: sources)
        if sources.isEmpty {
            result.diagnostics.append(.error("no schema files (*.yaml) in `\(directory)`", at: nil))
            result.schemaSet = nil
        }
        return result
    }
}
