/// The resolved, checked schema model: the one source of truth that the renderer, the validator and the
/// exporter all read. Nothing here knows about YAML; the loader (`HookSchemaLoader`) builds these values,
/// and generated code can carry them (see `SchemaSet`'s `Codable` conformance) so an app validates against
/// exactly the schemas its types came from.

/// A schema for one JSON value.
///
/// `nullable` and a field's `required` are different things: `required` says the member must be present,
/// `nullable` says `null` is an accepted value. A member can be required and nullable ("always sent, may be
/// null"), or optional and not nullable ("absent or a value, never null").
public struct Schema: Hashable, Sendable, Codable {
    public var kind: Kind
    public var description: String?
    public var nullable: Bool
    public var deprecated: Bool
    /// The one value this schema accepts, if any (a JSON scalar).
    public var const: Literal?
    /// The value a consumer should assume when the member is absent (documentation only; never injected).
    public var defaultValue: Literal?

    public init(
        _ kind: Kind,
        description: String? = nil,
        nullable: Bool = false,
        deprecated: Bool = false,
        const: Literal? = nil,
        defaultValue: Literal? = nil
    ) {
        self.kind = kind
        self.description = description
        self.nullable = nullable
        self.deprecated = deprecated
        self.const = const
        self.defaultValue = defaultValue
    }

    public indirect enum Kind: Hashable, Sendable, Codable {
        case string(StringRules)
        case integer(NumberRules)
        case number(NumberRules)
        case boolean
        case enumeration(EnumRules)
        case object(ObjectRules)
        case array(ArrayRules)
        case map(MapRules)
        /// Free-form JSON: any value is accepted and kept as is.
        case any
        /// A named type of the same provider (`$ref: RunError`), resolved by the loader: the name exists.
        case ref(String)
        case union(UnionRules)
        /// A union without a discriminator: the first member whose shape matches the value (see
        /// `UntaggedUnionRules`).
        case untaggedUnion(UntaggedUnionRules)
    }
}

/// A JSON scalar used by `const` and `default`.
public enum Literal: Hashable, Sendable, Codable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case null

    public var description: String {
        switch self {
        case .string(let value): return "\"\(value)\""
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// Well-known string formats. `datetime` is RFC 3339 (`2024-03-21T16:45:00Z`, fractional seconds and any
/// offset allowed); `date` is an RFC 3339 full-date (`2024-03-21`); `uri` is an absolute URI (RFC 3986);
/// `uri-template` is an RFC 6570 URI Template (`https://api.github.com/users/octocat/starred{/owner}{/repo}`).
public enum StringFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case datetime
    case date
    case uri
    case uriTemplate = "uri-template"
    case email
    case uuid
}

public struct StringRules: Hashable, Sendable, Codable {
    public var format: StringFormat?
    /// An ECMA-262 / POSIX-ERE compatible regular expression, matched unanchored (as JSON Schema does).
    public var pattern: String?
    public var minLength: Int?
    public var maxLength: Int?

    public init(format: StringFormat? = nil, pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil) {
        self.format = format
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
    }
}

public struct NumberRules: Hashable, Sendable, Codable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?

    public init(
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Double? = nil,
        exclusiveMaximum: Double? = nil
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
    }
}

public struct EnumRules: Hashable, Sendable, Codable {
    public var values: [EnumValue]
    /// Closed enums reject unknown values (an error finding, a decoding failure); open enums (the default)
    /// keep them (a warning finding, `case unknown(String)`).
    public var closed: Bool
    /// The values are integers (Svix's `MessageStatus` 0–4), each `value` its decimal text; otherwise strings.
    public var integer: Bool

    public init(values: [EnumValue], closed: Bool = false, integer: Bool = false) {
        self.values = values
        self.closed = closed
        self.integer = integer
    }
}

public struct EnumValue: Hashable, Sendable, Codable {
    /// The value on the wire; for an integer enum, its decimal text (`"3"`).
    public var value: String
    public var description: String?
    public var deprecated: Bool
    /// The Swift case name chosen in the YAML (`swiftName:`), overriding the derived one.
    public var swiftName: String?

    public init(_ value: String, description: String? = nil, deprecated: Bool = false, swiftName: String? = nil) {
        self.value = value
        self.description = description
        self.deprecated = deprecated
        self.swiftName = swiftName
    }
}

public struct ObjectRules: Hashable, Sendable, Codable {
    /// In declaration order.
    public var fields: [Field]
    /// Groups of optional members of which one (or exactly one) must be present: GitHub's
    /// `pull_request.review_requested` names either a `requested_reviewer` or a `requested_team`.
    public var choices: [MemberChoice]

    public init(fields: [Field], choices: [MemberChoice] = []) {
        self.fields = fields
        self.choices = choices
    }
}

/// Members of an object of which at least one, or exactly one, is present (`exactlyOne: [a, b]`,
/// `atLeastOne: [a, b]`): what JSON Schema says with a `oneOf` / `anyOf` of objects that differ in one required
/// member. Presence is what counts, as for `required`: a member that is `null` is present.
public struct MemberChoice: Hashable, Sendable, Codable {
    /// Member names, in declaration order; each is a field of the object.
    public var members: [String]
    /// Exactly one of `members` (true), or at least one (false).
    public var exactlyOne: Bool

    public init(members: [String], exactlyOne: Bool) {
        self.members = members
        self.exactlyOne = exactlyOne
    }

    /// The key that writes this choice in the schema language.
    public var key: String { exactlyOne ? "exactlyOne" : "atLeastOne" }
}

public struct Field: Hashable, Sendable, Codable {
    /// The member name on the wire.
    public var name: String
    public var schema: Schema
    public var required: Bool
    /// A Swift property name chosen in the YAML (`swiftName:`), overriding the derived one.
    public var swiftName: String?

    public init(name: String, schema: Schema, required: Bool, swiftName: String? = nil) {
        self.name = name
        self.schema = schema
        self.required = required
        self.swiftName = swiftName
    }
}

public struct ArrayRules: Hashable, Sendable, Codable {
    public var items: Schema
    public var minItems: Int?
    public var maxItems: Int?
    /// No two items are equal (JSON equality: members in any order, `1` and `1.0` equal).
    public var uniqueItems: Bool

    public init(items: Schema, minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false) {
        self.items = items
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }
}

/// An object used as a dictionary: string keys, one value type.
public struct MapRules: Hashable, Sendable, Codable {
    public var values: Schema
    public var minEntries: Int?
    public var maxEntries: Int?
    public var keyMinLength: Int?
    public var keyMaxLength: Int?
    public var keyPattern: String?

    public init(
        values: Schema,
        minEntries: Int? = nil,
        maxEntries: Int? = nil,
        keyMinLength: Int? = nil,
        keyMaxLength: Int? = nil,
        keyPattern: String? = nil
    ) {
        self.values = values
        self.minEntries = minEntries
        self.maxEntries = maxEntries
        self.keyMinLength = keyMinLength
        self.keyMaxLength = keyMaxLength
        self.keyPattern = keyPattern
    }
}

/// A union of named object types, told apart by the value of one string member (`stepType`).
public struct UnionRules: Hashable, Sendable, Codable {
    public var discriminator: String
    /// Discriminator value → named type (each an object type with that member).
    public var mapping: [UnionMember]
    /// An unknown discriminator value: open unions keep the raw value (a warning), closed ones reject it.
    public var closed: Bool

    public init(discriminator: String, mapping: [UnionMember], closed: Bool = false) {
        self.discriminator = discriminator
        self.mapping = mapping
        self.closed = closed
    }
}

public struct UnionMember: Hashable, Sendable, Codable {
    public var value: String
    public var type: String

    public init(value: String, type: String) {
        self.value = value
        self.type = type
    }
}

/// A union without a discriminator member, told apart by the shape of the value: its JSON kind (`integer |
/// string`) and, for object members, which required members are present (GitHub's `requested_reviewer`: a user
/// has `login`, a team `slug`). A value is the first member it matches, in declaration order (see
/// `UntaggedUnionRules.matches`); a value that matches none is an error, reported with the findings of the
/// closest member.
public struct UntaggedUnionRules: Hashable, Sendable, Codable {
    public var members: [UntaggedUnionMember]

    public init(members: [UntaggedUnionMember]) {
        self.members = members
    }
}

public struct UntaggedUnionMember: Hashable, Sendable, Codable {
    public var schema: Schema
    /// The Swift case name chosen in the YAML, overriding the derived one (`user` for `$ref: User`).
    public var swiftName: String?

    public init(schema: Schema, swiftName: String? = nil) {
        self.schema = schema
        self.swiftName = swiftName
    }
}
