import HookSchemaModel

/// The generated Swift, as a few declaration types: the translator builds these from the schema model, the
/// renderer prints them. Nothing here knows about YAML or files.
indirect enum TypeDeclaration: Hashable {
    case structure(StructDeclaration)
    case enumeration(EnumDeclaration)
    case union(UnionDeclaration)
    case untaggedUnion(UntaggedUnionDeclaration)
    case alias(AliasDeclaration)

    var name: String {
        switch self {
        case .structure(let declaration): return declaration.name
        case .enumeration(let declaration): return declaration.name
        case .union(let declaration): return declaration.name
        case .untaggedUnion(let declaration): return declaration.name
        case .alias(let declaration): return declaration.name
        }
    }
}

/// Documentation of a declaration: the schema's description plus generated notes.
struct Documentation: Hashable {
    var description: String?
    /// Lines after the description (nullability notes, defaults), each its own paragraph line.
    var notes: [String] = []
    /// The schema file, for top-level declarations (`extend/extract_run.failed.yaml`).
    var source: String?
    var deprecated = false

    /// The doc comment's lines: description paragraphs, a blank line, then notes, deprecation and provenance.
    var lines: [String] {
        var lines: [String] = []
        if let description, !description.isEmpty {
            for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(String(line).trimmingTrailingSpaces())
            }
            while lines.last == "" {
                lines.removeLast()
            }
        }
        var tail = notes
        if deprecated {
            tail.append("- Important: Deprecated.")
        }
        if let source {
            tail.append("- Note: Generated from `\(source)`.")
        }
        if !lines.isEmpty && !tail.isEmpty {
            lines.append("")
        }
        return lines + tail
    }
}

/// How a member's presence and `null` map to its Swift type (see `Nullable` in HookSchemaRuntime).
enum Presence: Hashable {
    /// Required, not nullable: `T`.
    case required
    /// Optional, not nullable: `T?`, nil when absent.
    case optional
    /// Required and nullable: `T?`, nil when null; always written.
    case requiredNullable
    /// Optional and nullable: `Nullable<T>?`, nil when absent, `.null` when null.
    case optionalNullable
    /// Optional free-form JSON: `JSONValue?`, nil when absent, `.null` kept as a value.
    case optionalJSON
}

struct PropertyDeclaration: Hashable {
    /// The Swift name, not escaped.
    var name: String
    var wireName: String
    /// The Swift type of one value (`String`, `[FileSummary]`, `Date`), before presence is applied.
    var valueType: String
    var presence: Presence
    /// A datetime member: `Date` in the API, coded through `RFC3339Date`.
    var isDate: Bool
    /// Stored as `Indirect<T>` behind a computed property: the member's type contains the struct itself, or is a
    /// struct or union (see `SchemaTranslator.holdsAggregate`).
    var isIndirect = false
    var documentation: Documentation

    /// The property's declared type.
    var declaredType: String {
        switch presence {
        case .required: return valueType
        case .optional, .requiredNullable, .optionalJSON: return valueType + "?"
        case .optionalNullable: return "Nullable<\(valueType)>?"
        }
    }

    /// The type decoded and encoded for one value (`RFC3339Date` for dates).
    var codingType: String { isDate ? "RFC3339Date" : valueType }
}

struct StructDeclaration: Hashable {
    var name: String
    var documentation: Documentation
    var properties: [PropertyDeclaration]
    var nested: [TypeDeclaration]
    /// For event structs: the discriminator value, and the struct conforms to `WebhookEvent`.
    var eventType: String?
}

struct EnumCase: Hashable {
    /// The Swift case name, not escaped.
    var name: String
    var rawValue: String
    var documentation: Documentation
}

struct EnumDeclaration: Hashable {
    var name: String
    var documentation: Documentation
    var cases: [EnumCase]
    /// Closed enums reject unknown values on decode; open ones keep them in `case unknown(String)`.
    var closed: Bool
    /// Integer raw values (`Int`), each case's `rawValue` its decimal text.
    var integer = false
}

struct UnionMemberDeclaration: Hashable {
    var caseName: String
    var value: String
    var typeName: String
    var documentation: Documentation
}

struct UnionDeclaration: Hashable {
    var name: String
    var documentation: Documentation
    var discriminator: String
    var members: [UnionMemberDeclaration]
    var closed: Bool
}

/// A union without a discriminator: a case per member, chosen by the value's shape.
struct UntaggedUnionDeclaration: Hashable {
    struct Member: Hashable {
        var caseName: String
        /// The Swift type of the case's value (`User`, `Int`, `RFC3339Date`, `[String]`).
        var typeName: String
        var shape: UnionShape
        var documentation: Documentation
    }

    var name: String
    var documentation: Documentation
    var members: [Member]
    /// Inline objects and enums of the members, declared inside the enum.
    var nested: [TypeDeclaration]
}

struct AliasDeclaration: Hashable {
    var name: String
    var documentation: Documentation
    var target: String
    /// Inline objects and enums inside the aliased type (`[TagsValue]`), declared beside the alias.
    var companions: [TypeDeclaration]
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " || result.last == "\t" {
            result.removeLast()
        }
        return result
    }
}
