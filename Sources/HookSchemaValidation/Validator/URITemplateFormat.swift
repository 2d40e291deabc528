/// RFC 6570 URI Template, checked against its expression grammar (levels 1–4):
///
/// ```
/// URI-Template = *( literals / expression )
/// expression   = "{" [ operator ] variable-list "}"      operator = "+" / "#" / "." / "/" / ";" / "?" / "&"
/// variable-list = varspec *( "," varspec )               varspec  = varname [ ":" max-length / "*" ]
/// varname      = varchar *( ["."] varchar )              varchar  = ALPHA / DIGIT / "_" / pct-encoded
/// max-length   = %x31-39 0*3DIGIT                        (1 to 9999)
/// ```
///
/// Literal text is checked for its braces only (a `{` opens an expression that a `}` closes; a lone `}` is an
/// error), as python-jsonschema's `uri-template` checker (the `uri-template` package) does: GitHub's
/// `https://api.github.com/users/octocat/following{/other_user}` is one, `{unclosed` and `{=x}` are not. The
/// operators RFC 6570 reserves for future use (`=` `,` `!` `@` `|`) are errors.
enum URITemplateFormat {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "}"):
                return false
            case UInt8(ascii: "{"):
                let isBrace: (UInt8) -> Bool = { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }
                guard let close = bytes[(index + 1)...].firstIndex(where: isBrace), bytes[close] == UInt8(ascii: "}"),
                    isExpression(bytes[(index + 1)..<close])
                else { return false }
                index = close + 1
            default:
                index += 1
            }
        }
        return true
    }

    /// The text between `{` and `}`.
    private static func isExpression(_ expression: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var list = expression
        if let first = list.first, "+#./;?&".utf8.contains(first) {
            list = list.dropFirst()
        }
        guard !list.isEmpty else { return false }
        return list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).allSatisfy(isVarspec)
    }

    private static func isVarspec(_ varspec: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var name = varspec
        if name.last == UInt8(ascii: "*") {
            name = name.dropLast()
        } else if let colon = name.firstIndex(of: UInt8(ascii: ":")) {
            let length = name[(colon + 1)...]
            guard (1...4).contains(length.count), let first = length.first, first != UInt8(ascii: "0"),
                length.allSatisfy(isDigit)
            else { return false }
            name = name[..<colon]
        }
        return isVarname(name)
    }

    /// `varchar *( ["."] varchar )`, a varchar being a letter, digit, `_` or a percent-encoded byte.
    private static func isVarname(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = name.startIndex
        var afterVarchar = false
        while index < name.endIndex {
            let byte = name[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < name.endIndex, isHex(name[index + 1]), isHex(name[index + 2]) else { return false }
                index += 3
                afterVarchar = true
            } else if byte == UInt8(ascii: ".") {
                guard afterVarchar else { return false }
                index += 1
                afterVarchar = false
            } else if isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_") {
                index += 1
                afterVarchar = true
            } else {
                return false
            }
        }
        return afterVarchar
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6 }
}
