import ExtendWebhooks
import HookSchemaModel
import PlexteraWebhooks

/// The schemas `check` uses without `--schemas`: the ones embedded in the generated models (ExtendWebhooks,
/// PlexteraWebhooks), so the command works from any directory and checks exactly what the types were made from.
enum BundledSchemas {
    static var schemaSet: SchemaSet {
        SchemaSet(providers: [ExtendEvent.provider, PlexteraEvent.provider])
    }
}
