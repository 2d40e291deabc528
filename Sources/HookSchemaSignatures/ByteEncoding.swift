import Foundation
import HookSchemaModel

/// Reading and writing signature bytes as the scheme's `encoding` says.
enum ByteEncoding {
    /// Decodes `text` as hex (either case) or base64; nil if it is not valid in that encoding.
    static func decode(_ text: Substring, as encoding: SignatureEncoding) -> [UInt8]? {
        switch encoding {
        case .hex: decodeHex(text)
        case .base64: Data(base64Encoded: String(text)).map { [UInt8]($0) }
        }
    }

    /// Lower-case hex, or standard base64 with padding.
    static func encode(_ bytes: some Sequence<UInt8>, as encoding: SignatureEncoding) -> String {
        switch encoding {
        case .hex:
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: text, as: UTF8.self)
        case .base64:
            return Data(bytes).base64EncodedString()
        }
    }

    static func decodeHex(_ text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = hexValue(utf8[index]), let low = hexValue(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
