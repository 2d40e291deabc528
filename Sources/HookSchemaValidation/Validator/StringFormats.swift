import HookSchemaModel
import HookSchemaRuntime

/// Byte-level checks of the string formats. Date-times and dates use the runtime's RFC 3339 parser (the same one
/// the generated types decode with), so the validator and the decoder agree.
package enum StringFormats {
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, format: StringFormat) -> Bool {
        switch format {
        case .datetime: return RFC3339.parseDateTime(bytes) != nil
        case .date: return RFC3339.parseDate(bytes) != nil
        case .uri: return isAbsoluteURI(bytes)
        case .uriTemplate: return URITemplateFormat.isValid(bytes)
        case .email: return isEmail(bytes)
        case .uuid: return isUUID(bytes)
        }
    }

    static func describe(_ format: StringFormat) -> String {
        switch format {
        case .datetime: return "an RFC 3339 date-time (2024-03-21T16:45:00Z)"
        case .date: return "an RFC 3339 full-date (2024-03-21)"
        case .uri: return "an absolute URI (RFC 3986: scheme \":\" …)"
        case .uriTemplate: return "an RFC 6570 URI Template (expressions in balanced braces: {/owner})"
        case .email: return "an email address"
        case .uuid: return "a UUID (8-4-4-4-12 hex digits)"
        }
    }

    /// RFC 3986 `URI`: an absolute URI, fragment allowed (see `URIFormat`).
    static func isAbsoluteURI(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        URIFormat.isValid(bytes)
    }

    /// `local@domain`: a non-empty local part and a domain with a dot, no spaces or control characters.
    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let domain = bytes[(at + 1)...]
        guard domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".")
        else { return false }
        return !bytes.contains { $0 <= 0x20 || $0 == 0x7F }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex digits of either case.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isHex(byte) else { return false }
            }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6 }
}
