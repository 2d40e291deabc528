// HookSchemaRuntime: what generated code imports — RFC 3339 dates, free-form JSON values, unknown-field storage,
// open enums, `Nullable`, and the event protocols. Generated files need only `import HookSchemaRuntime`: the
// schema model comes along with it.
@_exported import HookSchemaModel

/// The runtime versions this library supports. Generated code names the version it was generated for
/// (`HookSchemaRuntimeVersion.v2`), so generated code that needs a newer runtime fails to build with a clear
/// "type has no member" error instead of misbehaving at run time.
public enum HookSchemaRuntimeVersion: Sendable {
    /// The first version of the generated-code contract.
    case v1
    /// Generated types also conform to `TapeDecodable` (`init(tape:at:)`, the one-pass decoding path).
    case v2
    /// Header-named events (`WebhookEventUnion.eventHeader`, `init(tape:at:eventType:)`), unions without a
    /// discriminator (`TapeValueShape`, `DecodedValueShape`) and integer enums (`OpenEnum` over `Int`).
    case v3
}
