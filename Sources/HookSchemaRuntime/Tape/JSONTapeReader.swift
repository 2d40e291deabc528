/// Reads values back from a tape and the body it indexes: the one view of a scanned body that the validator and
/// the generated types' `TapeDecodable` initialisers share.
///
/// A reader borrows the body's bytes and the tape's tokens: it is valid only inside the call that hands it out
/// (`SchemaValidator.decode`, `ExtendEvent.decode(validating:)`), and nothing read from it keeps a pointer. Only
/// the scanner makes readers (the initialiser is not public): its readers index nothing outside the body.
public struct JSONTapeReader {
    /// The body's raw bytes, as received.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The tape: one token per value and object key, in document order.
    public let tokens: UnsafeBufferPointer<JSONTapeToken>

    /// A reader over `tokens`, which a scan of `bytes` wrote.
    package init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<JSONTapeToken>) {
        self.bytes = bytes
        self.tokens = tokens
    }

    /// The raw bytes of a scalar (a string's content without quotes, escapes undecoded).
    ///
    /// - Parameter index: The scalar's tape index.
    /// - Returns: A view into the body's bytes.
    @inlinable
    public func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// Calls `body` with a string token's content, escapes decoded (without copying when there are none).
    ///
    /// - Parameters:
    ///   - index: The string's tape index.
    ///   - body: Called once with the content's UTF-8 bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    @inlinable
    public func withString<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let token = tokens[index]
        if token.flags & JSONTapeToken.hasEscapes == 0 {
            return body(raw(index))
        }
        return decodedBytes(index).withUnsafeBufferPointer(body)
    }

    /// A string token's value as a `String`.
    ///
    /// - Parameter index: The string's tape index.
    /// - Returns: The string, escapes decoded.
    @inlinable
    public func string(_ index: Int) -> String {
        withString(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of Unicode scalars in a string token (JSON Schema's string length).
    ///
    /// - Parameter index: The string's tape index.
    /// - Returns: The count of Unicode scalars, escapes decoded.
    public func scalarCount(_ index: Int) -> Int {
        let token = tokens[index]
        if token.flags & (JSONTapeToken.hasEscapes | JSONTapeToken.hasNonASCII) == 0 {
            return Int(token.end - token.start)
        }
        return withString(index) { buffer in buffer.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// Decodes the escapes of a string token (the scanner has already checked them).
    @usableFromInline
    func decodedBytes(_ index: Int) -> [UInt8] {
        let content = raw(index)
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var position = 0
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in at..<min(at + 4, content.count) {
                value = value << 4 | (Self.hexValue(content[offset]) ?? 0)
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

    /// The value of one hex digit.
    package static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// An integer token's value; nil when it has a fraction or exponent or does not fit in 64 bits.
    ///
    /// - Parameter index: The number's tape index.
    /// - Returns: The value, or nil.
    @inlinable
    public func int64(_ index: Int) -> Int64? {
        guard !hasFractionOrExponent(index) else { return nil }
        let token = tokens[index]
        let digits = raw(index)
        let negative = token.flags & JSONTapeToken.isNegative != 0
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
    ///
    /// - Parameter index: The number's tape index.
    /// - Returns: The nearest `Double`.
    public func double(_ index: Int) -> Double {
        let token = tokens[index]
        if token.end - token.start <= 16, let integer = int64(index) {
            return Double(integer)
        }
        return Double(String(decoding: raw(index), as: UTF8.self)) ?? .nan
    }

    /// Whether a number token has a fraction or an exponent (else it is digits alone).
    ///
    /// - Parameter index: The number's tape index.
    /// - Returns: True for `1.5` or `1e3`, false for `15`.
    @inlinable
    public func hasFractionOrExponent(_ index: Int) -> Bool {
        tokens[index].flags & (JSONTapeToken.hasFraction | JSONTapeToken.hasExponent) != 0
    }

    /// A number token's value as a `Double` when `JSONDecoder` would give one: finite, and not a non-zero number
    /// too small to be anything but zero (`1e-400`).
    ///
    /// - Parameter index: The number's tape index.
    /// - Returns: The value, or nil when `JSONDecoder` would reject it as a `Double`.
    public func representableDouble(_ index: Int) -> Double? {
        let value = double(index)
        guard value.isFinite else { return nil }
        if value == 0 {
            for byte in raw(index) {
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
                if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return nil }
            }
        }
        return value
    }

    /// The tape index of the member `name` of the object at `index`, its value's index; nil when absent.
    ///
    /// - Parameters:
    ///   - name: The member name's UTF-8 bytes.
    ///   - index: The object's tape index.
    /// - Returns: The tape index of the first such member's value, or nil.
    public func member(_ name: [UInt8], of index: Int) -> Int? {
        let end = Int(tokens[index].end)
        var key = index + 1
        while key < end {
            let matches = withString(key) { buffer in buffer.elementsEqual(name) }
            if matches { return key + 1 }
            key = next(after: key + 1)
        }
        return nil
    }

    /// The tape index just past the value at `index` (its whole subtree, for a container).
    ///
    /// - Parameter index: A value's tape index.
    /// - Returns: The tape index of the next value or key.
    @inlinable
    public func next(after index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .object || token.kind == .array ? Int(token.end) : index + 1
    }

    /// The JSON type name of a token's value, as JSON Schema spells it.
    ///
    /// - Parameter index: A value's tape index.
    /// - Returns: `object`, `array`, `string`, `number`, `integer`, `boolean` or `null`.
    public func typeName(_ index: Int) -> String {
        let token = tokens[index]
        switch token.kind {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return hasFractionOrExponent(index) ? "number" : "integer"
        case .true, .false: return "boolean"
        case .null: return "null"
        }
    }

    /// A value as `JSONValue`, the way `JSONValue.init(from:)` reads it through `JSONDecoder`: a number is an
    /// integer when it is exactly an `Int64`, otherwise a double (a number that is neither fails); of a repeated
    /// member the first counts.
    ///
    /// - Parameter index: A value's tape index.
    /// - Returns: The value and everything inside it.
    /// - Throws: `TapeDecodingError` for a number that is neither an `Int64` nor a finite `Double`.
    public func jsonValue(_ index: Int) throws(TapeDecodingError) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .string: return .string(string(index))
        case .number:
            if let value = int64(index) { return .integer(value) }
            if hasFractionOrExponent(index), let exact = Int64(exactly: double(index)) { return .integer(exact) }
            guard let value = representableDouble(index) else {
                throw TapeDecodingError(index: index, "the number does not fit in Double")
            }
            return .number(value)
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.count))
            var element = index + 1
            while element < Int(token.end) {
                elements.append(try jsonValue(element))
                element = next(after: element)
            }
            return .array(elements)
        case .object:
            var members = [String: JSONValue](minimumCapacity: Int(token.count))
            var key = index + 1
            while key < Int(token.end) {
                let name = string(key)
                if members.index(forKey: name) == nil {
                    members[name] = try jsonValue(key + 1)
                }
                key = next(after: key + 1)
            }
            return .object(members)
        }
    }
}
