import HookSchemaRuntime
import HookSchemaValidation
import Testing

/// The report writer's string fast path (plain runs copied whole) against the plain definition of JSON string
/// escaping, one Unicode scalar at a time.
@Suite struct JSONTextTests {
    /// The reference: RFC 8259's required escapes, scalar by scalar, nothing else escaped.
    static func reference(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    static func written(_ string: String) -> (bytes: String, text: String) {
        var bytes: [UInt8] = []
        JSONText.writeString(string, into: &bytes)
        var text = ""
        JSONText.writeString(string, into: &text)
        return (String(decoding: bytes, as: UTF8.self), text)
    }

    @Test func everyEscapeAtEveryOffset() {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}", "é", "€", "😀"]
        for special in specials {
            for prefix in 0..<20 {
                for suffix in [0, 1, 7, 8, 9, 16, 17] {
                    let string = String(repeating: "a", count: prefix) + special + String(repeating: "z", count: suffix)
                    let (bytes, text) = Self.written(string)
                    #expect(bytes == Self.reference(string), "\(prefix) \(special.debugDescription) \(suffix)")
                    #expect(text == Self.reference(string))
                }
            }
        }
    }

    @Test func randomStrings() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\u{0}", "\u{1B}", "é", "\u{2028}", "😀", "~"]
        for _ in 0..<2_000 {
            var string = ""
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                string.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
            }
            let (bytes, text) = Self.written(string)
            #expect(bytes == Self.reference(string))
            #expect(text == Self.reference(string))
            #expect(JSONText.quoted(string) == Self.reference(string))
        }
    }

    @Test func integersAndValues() {
        for number: Int64 in [0, 7, -1, 10, 99, 100, -100, 1_234_567_890, .max, .min] {
            var bytes: [UInt8] = []
            JSONText.writeInteger(number, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(number))
        }
        let value: JSONValue = .object([
            "b": .array([.integer(-3), .number(1.5), .number(2), .bool(true), .null]),
            "a": .string("x\"y"),
        ])
        var bytes: [UInt8] = []
        JSONText.write(value, into: &bytes)
        var text = ""
        JSONText.write(value, into: &text)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a": "x\"y", "b": [-3, 1.5, 2, true, null]}"#)
        #expect(text == String(decoding: bytes, as: UTF8.self))
    }

    @Test func findingAsBytesAndText() {
        let finding = Finding(
            kind: .unknownEnumValue, path: "/payload/a~1b", message: "\"X\" is not\tknown",
            expected: .array([.string("A")]), actual: .string("X"))
        var bytes: [UInt8] = []
        finding.writeJSON(into: &bytes)
        var text = ""
        finding.writeJSON(into: &text)
        let expected = #"{"kind": "unknown_enum_value", "severity": "warning", "path": "/payload/a~1b", "#
            + #""message": "\"X\" is not\tknown", "expected": ["A"], "actual": "X"}"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(text == expected)
    }
}
