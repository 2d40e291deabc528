import HookSchemaRuntime

extension JSONScanner {
    /// Reads a string (at its opening quote) and appends its token. Checks escapes, surrogate pairs, control
    /// characters and UTF-8. Plain runs are skipped eight bytes at a time.
    mutating func scanString() throws(ScanFailure) {
        position += 1
        let start = position
        var flags: UInt8 = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else {
            throw failure(.syntax, "unexpected end of input in a string")
        }
        while true {
            // Eight bytes at a time: stop at the first '"', '\', control character or non-ASCII byte.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self).littleEndian
                let special = Self.specialBytes(in: word)
                if special != 0 {
                    position += special.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            guard position < count else {
                throw failure(.syntax, at: start - 1, "unterminated string")
            }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                flags |= JSONTape.Token.hasEscapes
                try scanEscape()
            } else if byte < 0x20 {
                throw failure(.syntax, "unescaped control character \(describe(byte)) in a string")
            } else if byte >= 0x80 {
                flags |= JSONTape.Token.hasNonASCII
                try scanUTF8Sequence()
            } else {
                position += 1
            }
        }
        tape.tokens.append(.init(kind: .string, flags: flags, start: UInt32(start), end: UInt32(position), count: 0))
        position += 1
    }

    /// A mask with the high bit set in each byte of `word` that is '"', '\', below 0x20 or ≥ 0x80. Only the lowest
    /// set bit is exact (borrows can flag later bytes), which is all the caller uses.
    @inline(__always)
    static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    /// Reads one escape sequence at a backslash.
    private mutating func scanEscape() throws(ScanFailure) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else {
            throw failure(.syntax, "unexpected end of input in an escape sequence")
        }
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            let unit = try scanHex4()
            switch unit {
            case 0xD800...0xDBFF:
                let lowStart = position
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try scanHex4()
                    if (0xDC00...0xDFFF).contains(low) { return }
                }
                throw failure(
                    .loneSurrogate, at: escapeStart,
                    "lone surrogate escape \\u\(hex(unit)): a high surrogate must be followed by a low one"
                        + (lowStart == position ? "" : ", found \\u\(hex(readHex4(at: lowStart + 2)))"))
            case 0xDC00...0xDFFF:
                throw failure(
                    .loneSurrogate, at: escapeStart,
                    "lone surrogate escape \\u\(hex(unit)): a low surrogate without a high one before it")
            default:
                return
            }
        default:
            throw failure(.syntax, "invalid escape sequence '\\\(Character(Unicode.Scalar(bytes[position])))'")
        }
    }

    private mutating func scanHex4() throws(ScanFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else {
                throw failure(.syntax, "unexpected end of input in a \\u escape")
            }
            guard let digit = Self.hexValue(bytes[position]) else {
                throw failure(.syntax, "invalid \\u escape: expected a hex digit, found \(describe(bytes[position]))")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func readHex4(at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in offset..<min(offset + 4, bytes.count) {
            value = value << 4 | (Self.hexValue(bytes[index]) ?? 0)
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        JSONTapeReader.hexValue(byte)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
    private mutating func scanUTF8Sequence() throws(ScanFailure) {
        let lead = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default:
            throw failure(.invalidUTF8, "invalid UTF-8: byte 0x\(String(lead, radix: 16, uppercase: true)) cannot start a character")
        }
        for index in 1..<length {
            guard position + index < bytes.count else {
                throw failure(.invalidUTF8, "invalid UTF-8: a character is cut off by the end of the input")
            }
            let byte = bytes[position + index]
            let low = index == 1 ? lowerBound : 0x80
            let high = index == 1 ? upperBound : 0xBF
            guard byte >= low, byte <= high else {
                throw failure(
                    .invalidUTF8,
                    "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) cannot continue the character "
                        + "started by 0x\(String(lead, radix: 16, uppercase: true))")
            }
        }
        position += length
    }
}
