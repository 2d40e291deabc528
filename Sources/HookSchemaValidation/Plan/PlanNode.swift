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
        /// A union without a discriminator: `child` indexes `ValidationPlan.untaggedUnions`.
        case untaggedUnion
        /// A `$ref` that adds `nullable` to its target: `child` is the target node.
        case ref
    }

    // Small (80 bytes, every field a trivial value): the walker copies a node per value it checks, so reading one
    // costs no reference counting and no call to memcpy. Rarely used rules live in side tables of the plan.
    var kind: Kind
    var nullable: Bool
    var format: StringFormat?
    /// Arrays: no two items may be equal.
    var uniqueItems = false
    /// The type's name in messages and `expected`: `string`, `datetime`, `integer`, `object`, …
    var typeName: StaticString
    /// Index into `ValidationPlan.constants`, or -1.
    var constant: Int = -1
    /// Index into `ValidationPlan.patterns`, or -1.
    var pattern: Int = -1
    /// Strings: length in characters; arrays: item count. -1 when not set.
    var minLength: Int = -1
    var maxLength: Int = -1
    /// Index into `ValidationPlan.numberRules` (minimum, maximum, exclusive bounds), or -1.
    var numberRules: Int = -1
    /// Object → `objects`, enumeration → `enums`, union → `unions`, map → `maps`; array → item node; ref → target.
    var child: Int = -1
}

/// An object's members: `count` fields from `ValidationPlan.fields[first]` on. Member names are looked up in
/// `ValidationPlan.memberTable`, in the object's group (its index in `ValidationPlan.objects`).
struct ObjectPlan: Sendable {
    var first: Int
    var count: Int
    var requiredCount: Int
    /// The field (index within the object) whose name comes first in byte order.
    var firstByName = 0
    /// Index into `ValidationPlan.choices` (the object's `exactlyOne` / `atLeastOne` groups), or -1.
    var choices = -1
}

/// One `exactlyOne` / `atLeastOne` group of an object: its members as field indices within the object.
struct ChoicePlan: Sendable {
    var fields: [Int]
    var names: [String]
    var exactlyOne: Bool
}

/// One member of an object. Trivial (no references), so the walker reads it without reference counting.
struct FieldPlan: Sendable {
    var node: Int
    var required: Bool
    /// The name's bytes: `ValidationPlan.fieldNameBytes[nameStart..<nameStart + nameLength]`.
    var nameStart: Int
    var nameLength: Int
    /// The object's field (index within the object) whose name comes next in byte order, or the object's field
    /// count for the last: bodies written with sorted keys list members in this order.
    var nextByName: Int = 0
}

/// An enum's values (looked up in `ValidationPlan.enumTable`, in the enum's group).
struct EnumPlan: Sendable {
    /// The values; an integer enum's as decimal text.
    var names: [String]
    var closed: Bool
    var integer: Bool
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

/// A union without a discriminator: its members in order, each with the shape that selects it.
struct UntaggedPlan: Sendable {
    struct Member: Sendable {
        var node: Int
        var kinds: UnionShape.Kinds
        var requiredMembers: [[UInt8]]
        var constants: [(name: [UInt8], value: String)]
        /// A string member with a `const` or a closed enum: the strings it takes (nil: any).
        var strings: Set<String>?
    }

    var members: [Member]
    /// The JSON kinds the members accept, for a value of none of them: `integer or string`.
    var kindNames: [String]
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
    /// A header-named provider (`eventHeader`): the header, the variant member, and each header value's events
    /// (indices into `events`) with their variants.
    var eventHeader: String?
    var variantMember: String?
    var eventsBySelector: [String: [(event: Int, variant: String?)]]
    /// The discriminator's values are integers (matched by their decimal text).
    var integerDiscriminator: Bool
    var dedupeKey: DedupeKey?
    /// The header that carries the signature, if the provider signs.
    var signatureHeader: String?
    var legacy: [String: String]
    /// Member names every event body of this provider declares (its envelope), to guess the provider of a body
    /// whose event type is unknown or missing.
    var envelopeFields: Set<String>
    var headers: [Header]
}
