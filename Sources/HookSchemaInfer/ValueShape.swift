/// What a string looks like: a name (an enum value, a type tag, an event type: `COMPLETED`, `extract_run`,
/// `issues`, `payment_intent.succeeded`) or data (an id, a number, a date, a URL, text).
enum ValueShape {
    /// A name: 1 to 64 bytes, starting with a letter, only letters, digits and `_ . - : /`, at most three digits,
    /// and no `://`. `evt_01JY7M9QW…` (many digits), `2024-03-21` and `https://…` are data.
    static func isNameLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, bytes.count <= 64, isLetter(first) else { return false }
        var digits = 0
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if isDigit(byte) {
                digits += 1
                if digits > 3 { return false }
            } else if !isLetter(byte) {
                switch byte {
                case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"):
                    break
                default: return false
                }
            }
            if byte == UInt8(ascii: "/"), previous == UInt8(ascii: "/"), beforePrevious == UInt8(ascii: ":") {
                return false
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    static func isNameLike(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isNameLike($0) }
    }

    /// A member name that is data rather than a name: digits only, a UUID, a date, or an id with four or more
    /// digits (`"1296269"`, `"evt_01JY…"`). Maps have such keys; objects have names.
    static func isDataKey(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { bytes in
            guard !bytes.isEmpty else { return true }
            if bytes.allSatisfy(isDigit) { return true }
            return !isNameLike(bytes) && bytes.filter(isDigit).count >= 4
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
