import HookSchemaLoader
import HookSchemaModel

/// The schemas `check` uses without `--schemas`.
///
/// Interim: until the generated models (ExtendWebhooks, PlexteraWebhooks) carry their schemas, this loads the
/// `Schemas` folder of the working directory.
enum BundledSchemas {
    static var schemaSet: SchemaSet {
        get throws {
            let result = try SchemaLoader.load(directory: "Schemas")
            guard let schemaSet = result.schemaSet else {
                throw PayloadSource.InputError(
                    description: result.diagnostics.map(\.description).joined(separator: "\n"))
            }
            return schemaSet
        }
    }
}
