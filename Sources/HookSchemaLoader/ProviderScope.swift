import HookSchemaModel

/// What the schema parser records about one provider while reading its files, for the checks that need every
/// file read first: `$ref` targets, union members, and reference cycles.
final class ProviderScope {
    /// A `$ref` (or a union mapping entry) naming a type.
    struct Reference {
        var name: String
        var location: SourceLocation
        /// The named type whose schema contains the reference (nil inside an event).
        var owner: String?
        /// Whether the owner must contain the target: reached through required, non-nullable members only
        /// (not through an array, a map, an optional or a nullable member).
        var containsTarget: Bool
    }

    /// A union and its mapping, checked once every named type is known.
    struct UnionUse {
        var discriminator: String
        var members: [(value: String, type: String, location: SourceLocation)]
    }

    /// A union without a discriminator: its members, checked once every named type is known.
    struct UntaggedUse {
        var members: [(schema: Schema, location: SourceLocation)]
    }

    let name: String
    /// The names declared under `types:`, known before any schema is parsed.
    var typeNames: Set<String> = []
    var references: [Reference] = []
    var unions: [UnionUse] = []
    var untaggedUnions: [UntaggedUse] = []

    init(name: String) {
        self.name = name
    }
}

/// Where a schema sits, which decides the keys it may have and how references in it count for cycles.
struct SchemaContext {
    /// An object's field: `required` and `swiftName` apply.
    var isField: Bool
    /// The named type being defined, if any.
    var owner: String?
    /// Whether the owner must contain this value (see `ProviderScope.Reference.containsTarget`).
    var containsValue: Bool

    /// The root of a named type, an event payload, or an envelope field.
    static func root(owner: String?) -> SchemaContext {
        SchemaContext(isField: false, owner: owner, containsValue: owner != nil)
    }

    /// A field of an object in this context.
    func field(required: Bool, nullable: Bool) -> SchemaContext {
        SchemaContext(isField: true, owner: owner, containsValue: containsValue && required && !nullable)
    }

    /// Array items and map values: the owner holds any number of them, possibly none.
    func element() -> SchemaContext {
        SchemaContext(isField: false, owner: owner, containsValue: false)
    }
}
