import HookSchemaRuntime

/// Writes JSON text for reports: deterministic (object members sorted by name), with `": "` and `", "` between
/// parts, as in the documented report examples.
public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires (and none it does not).
    public static func quoted(_ string: String) -> String {
        var text = ""
        writeString(string, into: &text)
        return text
    }

    /// Appends a JSON string literal.
    public static func writeString(_ string: String, into text: inout String) {
        text.append("\"")
        var plainStart = string.unicodeScalars.startIndex
        let scalars = string.unicodeScalars
        var index = plainStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                text.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                text.append(escape)
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        text.append("\"")
    }

    /// Appends a value on one line.
    public static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null: text.append("null")
        case .bool(let flag): text.append(flag ? "true" : "false")
        case .integer(let number): text.append(String(number))
        case .number(let number): text.append(format(number))
        case .string(let string): writeString(string, into: &text)
        case .array(let elements):
            text.append("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { text.append(", ") }
                write(element, into: &text)
            }
            text.append("]")
        case .object(let members):
            text.append("{")
            for (position, name) in members.keys.sorted().enumerated() {
                if position > 0 { text.append(", ") }
                writeString(name, into: &text)
                text.append(": ")
                write(members[name] ?? .null, into: &text)
            }
            text.append("}")
        }
    }

    /// A double as JSON: integral values without a fraction (`0`, not `0.0`).
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }
}

extension Finding {
    /// The finding as one JSON object on one line: `kind`, `severity`, `path`, `message`, then `expected` and
    /// `actual` when they apply (a key is left out when nil; JSON `null` means the value was null).
    public func writeJSON(into text: inout String) {
        text.append("{\"kind\": \"")
        text.append(kind.rawValue)
        text.append("\", \"severity\": \"")
        text.append(severity.rawValue)
        text.append("\", \"path\": ")
        JSONText.writeString(path, into: &text)
        text.append(", \"message\": ")
        JSONText.writeString(message, into: &text)
        if let expected {
            text.append(", \"expected\": ")
            JSONText.write(expected, into: &text)
        }
        if let actual {
            text.append(", \"actual\": ")
            JSONText.write(actual, into: &text)
        }
        text.append("}")
    }
}

extension DriftReport {
    /// The report as a JSON document: `provider`, `event`, `verdict` and `findings` (one finding per line), the
    /// same members a `hookschema check --format json` result has. Ends with a newline.
    public var jsonText: String {
        var text = "{\n  \"provider\": "
        writeOptional(provider, into: &text)
        text.append(",\n  \"event\": ")
        writeOptional(event, into: &text)
        text.append(",\n  \"verdict\": \"\(verdict.rawValue)\",\n  \"findings\": [")
        for (position, finding) in findings.enumerated() {
            text.append(position == 0 ? "\n    " : ",\n    ")
            finding.writeJSON(into: &text)
        }
        text.append(findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return text
    }

    private func writeOptional(_ string: String?, into text: inout String) {
        if let string {
            JSONText.writeString(string, into: &text)
        } else {
            text.append("null")
        }
    }
}
