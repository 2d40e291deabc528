import Foundation
import HookSchemaModel
import Yams

/// A JSON or YAML value of a source document (a JSON Schema file, an OpenAPI document), members in document order,
/// each node knowing its line and column, so every warning and error names its place.
indirect enum SourceValue: Sendable {
    case null
    case bool(Bool)
    /// A number and its text as written (`1`, `1.5`, `1e3`).
    case number(Double, text: String)
    case string(String)
    case array([SourceNode])
    case object([(key: String, value: SourceNode)])
}

struct SourceNode: Sendable {
    var value: SourceValue
    var line: Int
    var column: Int

    subscript(key: String) -> SourceNode? {
        if case .object(let members) = value { return members.first { $0.key == key }?.value }
        return nil
    }

    var members: [(key: String, value: SourceNode)] {
        if case .object(let members) = value { return members }
        return []
    }

    var items: [SourceNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    var number: Double? {
        if case .number(let number, _) = value { return number }
        return nil
    }

    var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    /// The node at a JSON pointer below this one.
    func node(at pointer: String) -> SourceNode? {
        var node = self
        for token in JSONPointer.tokens(of: pointer) {
            switch node.value {
            case .object:
                guard let next = node[token] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }
}

/// One source file, parsed.
struct SourceDocument: Sendable {
    /// The path as shown in messages.
    var path: String
    var root: SourceNode

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses JSON or YAML text (JSON is read as YAML 1.2, which it is), keeping member order and positions.
    static func parse(_ text: String, path: String) throws -> SourceDocument {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ParseError(description: "\(path): error: not readable as JSON or YAML: \(error)")
        }
        guard let node else { throw ParseError(description: "\(path):1:1: error: the file is empty") }
        return SourceDocument(path: path, root: try convert(node, path: path))
    }

    static func read(_ path: String, displayPath: String? = nil) throws -> SourceDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(description: "\(displayPath ?? path): error: cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: displayPath ?? path)
    }

    private static func convert(_ node: Node, path: String) throws -> SourceNode {
        let line = (node.mark?.line ?? 0)
        let column = (node.mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            return SourceNode(value: value(of: scalar), line: line, column: column)
        case .sequence(let sequence):
            return SourceNode(value: .array(try sequence.map { try convert($0, path: path) }), line: line, column: column)
        case .mapping(let mapping):
            var members: [(key: String, value: SourceNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ParseError(description: "\(path):\(key.mark?.line ?? 0):\(key.mark?.column ?? 0): error: a key "
                        + "must be a string")
                }
                members.append((keyScalar.string, try convert(value, path: path)))
            }
            return SourceNode(value: .object(members), line: line, column: column)
        case .alias:
            throw ParseError(description: "\(path):\(line):\(column): error: YAML aliases are not supported")
        }
    }

    /// YAML 1.2's core schema for plain scalars; quoted ones are strings.
    private static func value(of scalar: Node.Scalar) -> SourceValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "null", "Null", "NULL", "~", "": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
            let number = Double(text), text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#,
                options: .regularExpression) != nil
        {
            return .number(number, text: text)
        }
        return .string(text)
    }
}
