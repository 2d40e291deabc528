import HookSchemaRuntime

/// The validator's name for the reader it shares with generated code (`JSONTapeReader` in HookSchemaRuntime).
typealias TapeReader = JSONTapeReader

/// What only findings need from a tape: values and previews for messages.
extension JSONTapeReader {
    /// A scalar token as a `JSONValue` (containers as their type name), for a finding's `actual`.
    func scalarValue(_ index: Int) -> JSONValue {
        switch tokens[index].kind {
        case .string: return .string(string(index))
        case .number:
            if let integer = int64(index) { return .integer(integer) }
            return .number(double(index))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        case .object: return .string("object")
        case .array: return .string("array")
        }
    }

    /// A short rendering of a token's value for messages: scalars as JSON (strings cut at 60 characters),
    /// containers as `an object` / `an array`.
    func preview(_ index: Int) -> String {
        switch tokens[index].kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string:
            var text = string(index)
            if text.unicodeScalars.count > 60 {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "…"
            }
            return JSONText.quoted(text)
        default: return String(decoding: raw(index), as: UTF8.self)
        }
    }
}
