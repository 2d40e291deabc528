/// Renders a `JSONNode` as pretty-printed JSON text: two-space indentation, one member per line, members in the
/// node's order, a short array of scalars kept on one line, and a trailing newline. Deterministic: the same node
/// always gives the same bytes.
public enum JSONWriter {
    /// Arrays of scalars whose one-line form fits in this many columns (indentation included) stay on one line.
    static let lineWidth = 120

    public static func render(_ node: JSONNode) -> String {
        var text = ""
        write(node, indent: 0, prefixWidth: 0, into: &text)
        text += "\n"
        return text
    }

    private static func write(_ node: JSONNode, indent: Int, prefixWidth: Int, into text: inout String) {
        switch node {
        case .string(let value): writeString(value, into: &text)
        case .integer(let value): text += String(value)
        case .number(let value): text += format(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            guard !items.isEmpty else {
                text += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                var line = "["
                for (position, item) in items.enumerated() {
                    if position > 0 { line += ", " }
                    write(item, indent: 0, prefixWidth: 0, into: &line)
                }
                line += "]"
                if indent * 2 + prefixWidth + line.count + 1 <= lineWidth {
                    text += line
                    return
                }
            }
            text += "[\n"
            for (position, item) in items.enumerated() {
                text += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, prefixWidth: 0, into: &text)
                text += position == items.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            for (position, member) in members.enumerated() {
                var key = ""
                writeString(member.name, into: &key)
                key += ": "
                text += String(repeating: "  ", count: indent + 1) + key
                write(member.value, indent: indent + 1, prefixWidth: key.count, into: &text)
                text += position == members.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, everything
    /// else (non-ASCII included) as is.
    static func writeString(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// A number as JSON: integral values without a fraction (`1`, not `1.0`), others in Swift's shortest
    /// round-tripping form. JSON has no infinity or NaN; they are written as `null` (the loader never makes them).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
