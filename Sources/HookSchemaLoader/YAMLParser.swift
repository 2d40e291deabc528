import HookSchemaModel
import Yams

/// Parses YAML text into `YAMLNode`s with Yams' node API, turning every Yams error into a diagnostic at the
/// location Yams reports.
enum YAMLParser {
    /// The root node of `source`, or nil (with a diagnostic) when the text is not well-formed YAML or is empty.
    static func parse(_ source: SchemaSource, log: DiagnosticLog) -> YAMLNode? {
        var text = source.text
        // Yams rejects a mapping with a repeated key outright, pointing at the first occurrence. To report the
        // repetition at the second occurrence (and keep checking the rest of the file), the first occurrence is
        // renamed to a placeholder of the same length and the text parsed again; the placeholders are mapped
        // back to the original key while converting.
        var placeholders: [String: String] = [:]
        while true {
            do {
                // `.basic`: no tag resolution while composing (Yams' default resolver runs its regular expressions
                // on every key for the duplicate-key check); plain scalars are resolved in `tagName(of:)`.
                guard let root = try Yams.compose(yaml: text, .basic) else {
                    log.error("the schema file is empty", at: location(source.path, line: 1, column: 1))
                    return nil
                }
                return convert(root, path: source.path, placeholders: placeholders, log: log)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let placeholder = placeholderKey(number: placeholders.count, length: duplicates.first ?? "")
                guard placeholders.count < 5_000, let key = duplicates.first,
                    let renamed = replaceKey(key, at: context.mark, in: text, with: placeholder)
                else {
                    let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
                    log.error("duplicate key \(keys)", at: location(source.path, context.mark))
                    return nil
                }
                text = renamed
                placeholders[placeholder] = key
            } catch let error as YamlError {
                report(error, path: source.path, log: log)
                return nil
            } catch {
                log.error("malformed YAML: \(error)", at: location(source.path, line: 1, column: 1))
                return nil
            }
        }
    }

    // MARK: Conversion

    private static func convert(
        _ node: Node,
        path: String,
        placeholders: [String: String],
        log: DiagnosticLog
    ) -> YAMLNode {
        let here = location(path, node.mark)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(content: .scalar(convert(scalar, node: node)), location: here)
        case .sequence(let sequence):
            let items = sequence.map { convert($0, path: path, placeholders: placeholders, log: log) }
            return YAMLNode(content: .sequence(items), location: here)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyLocation = location(path, key.mark)
                guard case .scalar(let keyScalar) = key else {
                    log.error("a mapping key must be a plain string, not \(describe(key))", at: keyLocation)
                    continue
                }
                let name = placeholders[keyScalar.string] ?? keyScalar.string
                let converted = convert(value, path: path, placeholders: placeholders, log: log)
                entries.append(YAMLEntry(key: name, keyLocation: keyLocation, value: converted))
            }
            return YAMLNode(content: .mapping(entries), location: here)
        case .alias:
            // Yams resolves aliases to the anchored node while composing; an alias node is not expected here.
            log.error("YAML aliases are not supported in schema files", at: here)
            return YAMLNode(content: .scalar(YAMLScalar(text: "", kind: .null)), location: here)
        }
    }

    private static func convert(_ scalar: Node.Scalar, node: Node) -> YAMLScalar {
        let text = scalar.string
        switch tagName(of: node, scalar) {
        case .int:
            if let value = node.int {
                return YAMLScalar(text: text, kind: .integer, integer: value, float: Double(value))
            }
            // Too large for Int: keep it as a number.
            return YAMLScalar(text: text, kind: .float, float: node.float)
        case .float:
            return YAMLScalar(text: text, kind: .float, float: node.float)
        case .bool:
            return YAMLScalar(text: text, kind: .boolean, boolean: node.bool)
        case .null:
            return YAMLScalar(text: text, kind: .null)
        default:
            return YAMLScalar(text: text, kind: .string)
        }
    }

    /// The tag YAML 1.1's core schema gives the scalar, exactly as Yams' default resolver does, without running its
    /// regular expressions on every scalar: an explicit tag or a quoted scalar keeps its tag; a plain scalar is a
    /// boolean or null when it is one of their words, may be a number, timestamp, merge or value only when it starts
    /// with a digit, sign or dot or is `<<` or `=` (then the default resolver decides), and is a string otherwise.
    static func tagName(of node: Node, _ scalar: Node.Scalar) -> Tag.Name {
        // The parser leaves a plain scalar's tag implicit (the empty name) until it is first resolved.
        guard scalar.tag.description == Tag.Name.implicit.rawValue else {
            return Tag.Name(rawValue: node.tag.rawValue)
        }
        let text = scalar.string
        if booleanWords.contains(text) { return .bool }
        if nullWords.contains(text) { return .null }
        guard let first = text.utf8.first else { return .null }
        let mayBeNumber = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard mayBeNumber || text == "<<" || text == "=" else { return .str }
        return Resolver.default.resolveTag(of: node)
    }

    /// The words of Yams' default `bool` and `null` rules (YAML 1.1), which match whole scalars.
    private static let booleanWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL", ""]

    private static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar, .alias: return "a scalar"
        }
    }

    // MARK: Errors

    private static func report(_ error: YamlError, path: String, log: DiagnosticLog) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let note = context.map { "\($0.text) at line \($0.mark.line), column \($0.mark.column)" }
            log.error("malformed YAML: \(problem)", at: location(path, mark), note: note)
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = offset.map { lineAndColumn(ofCharacterOffset: $0, in: yaml) } ?? (1, 1)
            log.error("malformed YAML: \(problem)", at: location(path, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            log.error("duplicate key \(keys)", at: location(path, context.mark))
        default:
            log.error("malformed YAML: \(error)", at: location(path, line: 1, column: 1))
        }
    }

    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index == offset { break }
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    static func location(_ path: String, _ mark: Mark?) -> SourceLocation {
        location(path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func location(_ path: String, line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: max(line, 1), column: max(column, 1))
    }

    // MARK: Duplicate keys

    /// A key no one writes by hand: private-use scalars, as many as `length` has, so that columns stay put.
    private static func placeholderKey(number: Int, length key: String) -> String {
        let count = max(key.unicodeScalars.count, 1)
        var scalars = String.UnicodeScalarView()
        let base: UInt32 = 0xE000
        // Up to 6,400 distinct placeholders in the first scalar (the private-use area U+E000…U+F8FF).
        scalars.append(Unicode.Scalar(base + UInt32(number % 6_400)) ?? "_")
        for _ in 1..<count {
            scalars.append(Unicode.Scalar(base) ?? "_")
        }
        return String(scalars)
    }

    /// `text` with the key that starts at `mark` (plain, or in single or double quotes) replaced by `replacement`,
    /// or nil when the text there is not that key.
    private static func replaceKey(_ key: String, at mark: Mark, in text: String, with replacement: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        while line < mark.line, index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
            } else if scalars[index] == "\r", index + 1 >= scalars.count || scalars[index + 1] != "\n" {
                line += 1
            }
            index += 1
        }
        index += mark.column - 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "\"" || scalars[index] == "'" {
            index += 1
        }
        let keyScalars = Array(key.unicodeScalars)
        let replacementScalars = Array(replacement.unicodeScalars)
        guard keyScalars.count == replacementScalars.count || keyScalars.isEmpty,
            index + keyScalars.count <= scalars.count,
            Array(scalars[index..<index + keyScalars.count]) == keyScalars,
            !keyScalars.isEmpty
        else { return nil }
        scalars.replaceSubrange(index..<index + keyScalars.count, with: replacementScalars)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
