import HookSchemaModel

/// The `type:` names of the schema language and the keys each one accepts.
enum SchemaType: String, CaseIterable {
    case string, integer, number, boolean, datetime, date, uri, email, uuid
    case uriTemplate = "uri-template"
    case `enum`, object, array, map, union, any

    /// The string format a format type stands for (`datetime` is `string` with `format: datetime`).
    var impliedFormat: StringFormat? {
        switch self {
        case .datetime: return .datetime
        case .date: return .date
        case .uri: return .uri
        case .uriTemplate: return .uriTemplate
        case .email: return .email
        case .uuid: return .uuid
        default: return nil
        }
    }

    var isStringLike: Bool { self == .string || impliedFormat != nil }

    /// Scalars take `const` and `default`.
    var isScalar: Bool {
        switch self {
        case .object, .array, .map, .union, .any: return false
        default: return true
        }
    }

    /// The keys specific to this type.
    var ownKeys: [String] {
        switch self {
        case .string, .datetime, .date, .uri, .uriTemplate, .email, .uuid:
            return ["format", "pattern", "minLength", "maxLength"]
        case .integer, .number: return ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]
        case .boolean, .any: return []
        case .enum: return ["values", "closed"]
        case .object: return ["fields", "exactlyOne", "atLeastOne"]
        case .array: return ["items", "minItems", "maxItems", "uniqueItems"]
        case .map: return ["values", "keys", "minEntries", "maxEntries"]
        case .union: return ["discriminator", "mapping", "closed", "members"]
        }
    }
}

enum SchemaKeys {
    /// Keys every schema may have.
    static let common = ["type", "description", "deprecated", "nullable"]
    /// Keys of a schema that is an object's field.
    static let field = ["required", "swiftName"]
    /// Keys of scalar schemas.
    static let scalar = ["const", "default"]
    /// Keys a `$ref` may carry besides `$ref`.
    static let reference = ["$ref", "description", "deprecated", "nullable"]

    /// Every key the schema language knows, for did-you-mean suggestions.
    static let all: [String] = {
        var keys = common + ["$ref"] + field + scalar
        for type in SchemaType.allCases {
            for key in type.ownKeys where !keys.contains(key) {
                keys.append(key)
            }
        }
        return keys
    }()

    /// The keys a schema of `type` (nil: a `$ref`) accepts in `context`.
    static func allowed(for type: SchemaType?, isField: Bool) -> [String] {
        var keys: [String]
        if let type {
            keys = common + (type.isScalar ? scalar : []) + type.ownKeys
        } else {
            keys = reference
        }
        return keys + (isField ? field : [])
    }

    /// Why a known key does not apply here.
    static func notApplicable(_ key: String, type: SchemaType?, isField: Bool) -> String {
        if field.contains(key) && !isField {
            return "`\(key)` applies only to fields of an object"
        }
        guard let type else {
            return "`\(key)` does not apply to a `$ref` (a `$ref` may carry only `description`, `deprecated`, "
                + "`nullable`\(isField ? ", `required` and `swiftName`" : ""))"
        }
        if key == "$ref" {
            return "a schema has either `type` or `$ref`, not both"
        }
        return "`\(key)` does not apply to type `\(type.rawValue)`"
    }
}
