import HookSchemaModel
import HookSchemaRuntime

/// One schema, compiled for the validator: flat, with `$ref`s resolved to node indices and lookups prebuilt.
struct PlanNode: Sendable {
    enum Kind: UInt8, Sendable {
        case string
        case integer
        case number
        case boolean
        case enumeration
        case object
        case array
        case map
        case any
        case union
        /// A `$ref` that adds `nullable` to its target: `child` is the target node.
        case ref
    }

    var kind: Kind
    var nullable: Bool
    /// The type's name in messages and `expected`: `string`, `datetime`, `integer`, `object`, … (a
    /// `StaticString`, like every field here a trivial value, so reading a node costs no reference counting).
    var typeName: StaticString
    /// Index into `ValidationPlan.constants`, or -1.
    var constant: Int = -1
    var format: StringFormat?
    /// Index into `ValidationPlan.patterns`, or -1.
    var pattern: Int = -1
    /// Strings: length in characters; arrays: item count. -1 when not set.
    var minLength: Int = -1
    var maxLength: Int = -1
    var numberRules: NumberRules?
    /// Object → `objects`, enumeration → `enums`, union → `unions`, map → `maps`; array → item node; ref → target.
    var child: Int = -1
}

/// An object's members, with a lookup from member name to field.
struct ObjectPlan: Sendable {
    struct Field: Sendable {
        var name: String
        var nameBytes: [UInt8]
        var node: Int
        var required: Bool
    }

    var fields: [Field]
    var table: ByteStringTable
    var requiredCount: Int
}

struct EnumPlan: Sendable {
    var table: ByteStringTable
    var closed: Bool
    /// The allowed values, for `expected`.
    var values: JSONValue
}

struct UnionPlan: Sendable {
    var discriminator: String
    var discriminatorBytes: [UInt8]
    /// Discriminator value → index into `nodes` of the member type.
    var table: ByteStringTable
    var closed: Bool
    var values: JSONValue
}

struct MapPlan: Sendable {
    var valueNode: Int
    var minEntries: Int?
    var maxEntries: Int?
    var keyMinLength: Int?
    var keyMaxLength: Int?
    var keyPattern: Int
}

/// A provider, compiled: how to recognise its deliveries and where each event's body plan starts.
struct ProviderPlan: Sendable {
    var name: String
    var discriminator: String
    var discriminatorBytes: [UInt8]
    /// Event type → index into `events`.
    var eventTable: ByteStringTable
    var events: [(type: String, node: Int)]
    var legacy: [String: String]
    /// Member names every event body of this provider declares (its envelope), to guess the provider of a body
    /// whose event type is unknown or missing.
    var envelopeFields: Set<String>
    var headers: [Header]
}
