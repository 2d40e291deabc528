/// Where the generated Swift files go: a pure function of the schema files' paths, never of their contents, so
/// that the build plugin can declare every output before the generator runs. The generator, `hookschema
/// generate`, and both plugins use this one layout (the plugins compile this file through a symbolic link, so it
/// imports nothing and uses only `SwiftNaming`).
///
/// For a provider folder `acme` (`P` = `SwiftNaming.typeName("acme")` = `Acme`):
///
/// ```
/// AcmeWebhooks/
///   AcmeEvent.swift              the provider enum over all events (and the embedded schema model)
///   AcmeTypes.swift              every named type of acme/provider.yaml
///   Acme+OrderCreated.swift      one per event file: acme/order.created.yaml
/// ```
///
/// File base names are unique across providers (`+` separates the provider from the event file's name, and the
/// two fixed names end in `Event` and `Types`), so every file can also live in one flat folder; two schema files
/// that map to the same name (`order.created.yaml`, `order_created.yaml`) are reported by `conflicts(in:)`.
public enum GeneratedLayout {
    /// The names a provider file may have.
    public static let providerFileNames = ["provider.yaml", "provider.yml"]

    /// `acme` → `Acme`: the prefix of a provider's file names.
    public static func fileStem(ofProvider folder: String) -> String {
        SwiftNaming.typeName(folder)
    }

    /// `acme` → `AcmeWebhooks`.
    public static func directory(ofProvider folder: String) -> String {
        fileStem(ofProvider: folder) + "Webhooks"
    }

    /// `acme` → `AcmeWebhooks/AcmeEvent.swift`: the provider enum.
    public static func eventUnionFile(ofProvider folder: String) -> String {
        directory(ofProvider: folder) + "/" + fileStem(ofProvider: folder) + "Event.swift"
    }

    /// `acme` → `AcmeWebhooks/AcmeTypes.swift`: the named types of `provider.yaml`.
    public static func typesFile(ofProvider folder: String) -> String {
        directory(ofProvider: folder) + "/" + fileStem(ofProvider: folder) + "Types.swift"
    }

    /// `acme/order.created.yaml` → `AcmeWebhooks/Acme+OrderCreated.swift`.
    public static func eventFile(ofSchemaFile relativePath: String) -> String? {
        guard let (folder, name) = split(relativePath), !providerFileNames.contains(name) else { return nil }
        return directory(ofProvider: folder) + "/" + fileStem(ofProvider: folder) + "+"
            + SwiftNaming.typeName(stem(of: name)) + ".swift"
    }

    /// Every file generated from these schema files (paths relative to the schemas folder; files that are not
    /// `<provider>/<name>.yaml` or `.yml` are ignored), sorted and without repetitions.
    public static func outputs(forSchemaFiles relativePaths: [String]) -> [String] {
        var outputs: Set<String> = []
        for path in relativePaths {
            guard let (folder, _) = split(path) else { continue }
            outputs.insert(eventUnionFile(ofProvider: folder))
            outputs.insert(typesFile(ofProvider: folder))
            if let file = eventFile(ofSchemaFile: path) {
                outputs.insert(file)
            }
        }
        return outputs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Groups of schema files (or provider folders) that would write the same generated file, compared without
    /// regard to case (as macOS file systems do). Each group is sorted; empty when the layout is unambiguous.
    public static func conflicts(in relativePaths: [String]) -> [[String]] {
        var owners: [String: Set<String>] = [:]
        for path in relativePaths {
            guard let (folder, _) = split(path) else { continue }
            owners[eventUnionFile(ofProvider: folder).lowercased(), default: []].insert(folder + "/")
            if let file = eventFile(ofSchemaFile: path) {
                owners[file.lowercased(), default: []].insert(path)
            }
        }
        return owners.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Whether `name` is a schema file's name (`*.yaml`, `*.yml`).
    public static func isSchemaFileName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// `acme/order.created.yaml` → (`acme`, `order.created.yaml`); nil for other shapes.
    private static func split(_ relativePath: String) -> (folder: String, name: String)? {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        guard components.count == 2, isSchemaFileName(String(components[1])) else { return nil }
        return (String(components[0]), String(components[1]))
    }

    /// `order.created.yaml` → `order.created`.
    private static func stem(of name: String) -> String {
        if name.hasSuffix(".yaml") { return String(name.dropLast(5)) }
        if name.hasSuffix(".yml") { return String(name.dropLast(4)) }
        return name
    }
}
