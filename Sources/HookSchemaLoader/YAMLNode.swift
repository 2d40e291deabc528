import HookSchemaModel

/// A YAML node with its place in the source file: the loader's view of a parsed file, independent of Yams.
///
/// Mapping entries keep their declaration order and any duplicate keys (each consumer reports duplicates in its own
/// words: "duplicate field", "duplicate header", …).
struct YAMLNode {
    enum Content {
        case scalar(YAMLScalar)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    var content: Content
    var location: SourceLocation

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// "a mapping", "a list", "the string `abc`", … for messages about a value of the wrong kind.
    var kindDescription: String {
        switch content {
        case .scalar(let scalar): return scalar.kindDescription
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` pair of a mapping.
struct YAMLEntry {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLNode
}

/// A scalar and what YAML's core schema resolves it to.
struct YAMLScalar {
    enum Kind {
        case string
        case integer
        case float
        case boolean
        case null
    }

    /// The scalar's text as written (without quotes).
    var text: String
    var kind: Kind
    var integer: Int?
    var float: Double?
    var boolean: Bool?

    var kindDescription: String {
        switch kind {
        case .string: return "the string `\(text)`"
        case .integer: return "the integer \(text)"
        case .float: return "the number \(text)"
        case .boolean: return "the boolean \(text)"
        case .null: return "null"
        }
    }
}

extension Array where Element == YAMLEntry {
    /// The first entry with this key.
    func first(_ key: String) -> YAMLEntry? {
        first { $0.key == key }
    }
}
