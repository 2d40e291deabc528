import HookSchemaRuntime

/// Writes JSON text for reports: deterministic (object members sorted by name), with `": "` and `", "` between
/// parts, as in the documented report examples.
///
/// The writers append UTF-8 bytes (what `hookschema check` prints, with no `String` in between); the `String`
/// forms wrap them. A string with nothing to escape — nearly every one in a report — is copied whole.
public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires (and none it does not).
    public static func quoted(_ string: String) -> String {
        var text = ""
        writeString(string, into: &text)
        return text
    }

    /// Appends a JSON string literal.
    public static func writeString(_ string: String, into text: inout String) {
        if !needsEscaping(string) {
            text.append("\"")
            text.append(string)
            text.append("\"")
            return
        }
        var bytes: [UInt8] = []
        writeString(string, into: &bytes)
        text.append(String(decoding: bytes, as: UTF8.self))
    }

    /// Appends a JSON string literal's UTF-8 bytes.
    public static func writeString(_ string: String, into bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeString(utf8: $0, into: &bytes) }
    }

    /// Appends a JSON string literal for `utf8` (well-formed UTF-8 text): plain runs are copied whole, and only
    /// '"', '\' and control characters are escaped.
    public static func writeString(utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var plainStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hexDigits: StaticString = "0123456789abcdef"
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hexDigits.utf8Start[Int(byte >> 4)])
                bytes.append(hexDigits.utf8Start[Int(byte & 0xF)])
            }
            plainStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a string has a byte JSON must escape ('"', '\', a control character).
    static func needsEscaping(_ string: String) -> Bool {
        string.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// Appends a value on one line.
    public static func write(_ value: JSONValue, into text: inout String) {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        text.append(String(decoding: bytes, as: UTF8.self))
    }

    /// Appends a value on one line, as UTF-8 bytes.
    public static func write(_ value: JSONValue, into bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): writeInteger(number, into: &bytes)
        case .number(let number): bytes.append(contentsOf: format(number).utf8)
        case .string(let string): writeString(string, into: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(contentsOf: ", ".utf8) }
                write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (position, name) in members.keys.sorted().enumerated() {
                if position > 0 { bytes.append(contentsOf: ", ".utf8) }
                writeString(name, into: &bytes)
                bytes.append(contentsOf: ": ".utf8)
                write(members[name] ?? .null, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends an integer in decimal, without making a `String`.
    public static func writeInteger(_ number: Int64, into bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, last first
        let count = withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            return count
        }
        withUnsafeBytes(of: &digits) { buffer in
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(buffer[index])
            }
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
        var bytes: [UInt8] = []
        writeJSON(into: &bytes)
        text.append(String(decoding: bytes, as: UTF8.self))
    }

    /// The finding as one JSON object on one line, as UTF-8 bytes (see `writeJSON(into:)`).
    public func writeJSON(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: "{\"kind\": \"".utf8)
        bytes.append(contentsOf: kind.rawValue.utf8)
        bytes.append(contentsOf: "\", \"severity\": \"".utf8)
        bytes.append(contentsOf: severity.rawValue.utf8)
        bytes.append(contentsOf: "\", \"path\": ".utf8)
        JSONText.writeString(path, into: &bytes)
        bytes.append(contentsOf: ", \"message\": ".utf8)
        JSONText.writeString(message, into: &bytes)
        if let expected {
            bytes.append(contentsOf: ", \"expected\": ".utf8)
            JSONText.write(expected, into: &bytes)
        }
        if let actual {
            bytes.append(contentsOf: ", \"actual\": ".utf8)
            JSONText.write(actual, into: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
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
