import HookSchemaRuntime

/// Reading values back from a tape and the body it indexes.
struct TapeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<JSONTape.Token>

    /// The raw bytes of a scalar (a string's content without quotes, escapes undecoded).
    @inline(__always)
    func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// Calls `body` with a string token's content, escapes decoded (without copying when there are none).
    @inline(__always)
    func withString<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let token = tokens[index]
        if token.flags & JSONTape.Token.hasEscapes == 0 {
            return body(raw(index))
        }
        return decodedBytes(index).withUnsafeBufferPointer(body)
    }

    /// A string token's value as a `String`.
    func string(_ index: Int) -> String {
        withString(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of Unicode scalars in a string token (JSON Schema's string length).
    func scalarCount(_ index: Int) -> Int {
        let token = tokens[index]
        if token.flags & (JSONTape.Token.hasEscapes | JSONTape.Token.hasNonASCII) == 0 {
            return Int(token.end - token.start)
        }
        return withString(index) { buffer in buffer.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// Decodes the escapes of a string token (the scanner has already checked them).
    private func decodedBytes(_ index: Int) -> [UInt8] {
        let content = raw(index)
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var position = 0
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in at..<min(at + 4, content.count) {
                value = value << 4 | (JSONScanner.hexValue(content[offset]) ?? 0)
            }
            return value
        }
        while position < content.count {
            let byte = content[position]
            guard byte == UInt8(ascii: "\\"), position + 1 < content.count else {
                output.append(byte)
                position += 1
                continue
            }
            let escaped = content[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(position)
                position += 4
                if (0xD800...0xDBFF).contains(scalar), position + 6 <= content.count {
                    let low = hex4(position + 2)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                output.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default: output.append(escaped)
            }
        }
        return output
    }

    /// An integer token's value; nil when it has a fraction or exponent or does not fit in 64 bits.
    func int64(_ index: Int) -> Int64? {
        let token = tokens[index]
        guard token.flags & (JSONTape.Token.hasFraction | JSONTape.Token.hasExponent) == 0 else { return nil }
        let digits = raw(index)
        let negative = token.flags & JSONTape.Token.isNegative != 0
        var value: Int64 = 0
        for byte in digits.dropFirst(negative ? 1 : 0) {
            let digit = Int64(byte &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// A number token's value as a double (infinite when out of range). An integer of up to 15 digits converts
    /// exactly from `Int64`, without parsing text.
    func double(_ index: Int) -> Double {
        let token = tokens[index]
        if token.end - token.start <= 16, let integer = int64(index) {
            return Double(integer)
        }
        return Double(String(decoding: raw(index), as: UTF8.self)) ?? .nan
    }

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

    /// The JSON type name of a token's value, as JSON Schema spells it.
    func typeName(_ index: Int) -> String {
        let token = tokens[index]
        switch token.kind {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number:
            return token.flags & (JSONTape.Token.hasFraction | JSONTape.Token.hasExponent) == 0 ? "integer" : "number"
        case .true, .false: return "boolean"
        case .null: return "null"
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

    /// The tape index of the member `name` of the object at `index`, its value's index; nil when absent.
    func member(_ name: [UInt8], of index: Int) -> Int? {
        let end = Int(tokens[index].end)
        var key = index + 1
        while key < end {
            let matches = withString(key) { buffer in buffer.elementsEqual(name) }
            if matches { return key + 1 }
            key = next(after: key + 1)
        }
        return nil
    }

    @inline(__always)
    func next(after index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .object || token.kind == .array ? Int(token.end) : index + 1
    }
}
