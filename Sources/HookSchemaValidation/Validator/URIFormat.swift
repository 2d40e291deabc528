/// RFC 3986 `URI` (an absolute URI, fragment allowed), checked byte by byte against the grammar:
///
/// ```
/// URI       = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
/// hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty
/// authority = [ userinfo "@" ] host [ ":" port ]      host = IP-literal / IPv4address / reg-name
/// ```
///
/// The differential suite (Tests/Differential) found that a check of the characters alone accepted what
/// python-jsonschema and jsonschema-rs both reject: a second `#`, a port that is not digits, `[` `]` outside an
/// IP literal. Non-ASCII characters must be percent-encoded (an IRI is not a URI).
enum URIFormat {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isScheme(bytes[..<colon]) else {
            return false
        }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isQueryOrFragment(rest[(hash + 1)...]) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isQueryOrFragment(rest[(question + 1)...]) else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let pathStart = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            return isAuthority(afterSlashes[..<pathStart]) && isPath(afterSlashes[pathStart...])
        }
        return isPath(rest)
    }

    private static func isScheme(_ scheme: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy {
            isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// `[ userinfo "@" ] host [ ":" port ]`.
    private static func isAuthority(_ authority: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var hostAndPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let isUserInfo: (UInt8) -> Bool = { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
            guard matches(authority[..<at], allowing: isUserInfo) else { return false }
            hostAndPort = authority[(at + 1)...]
        }
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")),
                isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1)..<close])
            else { return false }
            return isPort(hostAndPort[(close + 1)...])
        }
        let colon = hostAndPort.firstIndex(of: UInt8(ascii: ":")) ?? hostAndPort.endIndex
        guard matches(hostAndPort[..<colon], allowing: { isUnreserved($0) || isSubDelimiter($0) }) else { return false }
        return isPort(hostAndPort[colon...])
    }

    /// Empty, or `":"` followed by digits.
    private static func isPort(_ port: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = port.first else { return true }
        return first == UInt8(ascii: ":") && port.dropFirst().allSatisfy(isDigit)
    }

    /// `IPv6address / IPvFuture` (the part between the brackets).
    private static func isIPLiteral(_ literal: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V") {
            guard let dot = literal.firstIndex(of: UInt8(ascii: ".")), dot > literal.startIndex + 1,
                literal[(literal.startIndex + 1)..<dot].allSatisfy(isHex), dot + 1 < literal.endIndex
            else { return false }
            return literal[(dot + 1)...].allSatisfy {
                isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":")
            }
        }
        return isIPv6(literal)
    }

    /// Eight groups of 1–4 hex digits separated by `:`, at most one `::` standing for one or more zero groups, the
    /// last two groups optionally written as a dotted IPv4 address.
    private static func isIPv6(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let bytes = Array(text)
        let colon = UInt8(ascii: ":")
        var elision: Int?
        for index in bytes.indices.dropLast() where bytes[index] == colon && bytes[index + 1] == colon {
            guard elision == nil else { return false }
            elision = index
        }
        guard let elision else {
            guard let count = groupCount(bytes[...], ipv4Allowed: true) else { return false }
            return count == 8
        }
        let left = bytes[..<elision]
        let right = bytes[(elision + 2)...]
        guard let leftCount = groupCount(left, ipv4Allowed: false),
            let rightCount = groupCount(right, ipv4Allowed: true)
        else { return false }
        return leftCount + rightCount < 8
    }

    /// The number of 16-bit groups in `h16 *(":" h16)` (an IPv4 address last counts two), nil when malformed.
    private static func groupCount(_ text: ArraySlice<UInt8>, ipv4Allowed: Bool) -> Int? {
        guard !text.isEmpty else { return 0 }
        let groups = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var count = 0
        for (position, group) in groups.enumerated() {
            if ipv4Allowed, position == groups.count - 1, group.contains(UInt8(ascii: ".")) {
                guard isIPv4(group) else { return nil }
                count += 2
            } else {
                guard !group.isEmpty, group.count <= 4, group.allSatisfy(isHex) else { return nil }
                count += 1
            }
        }
        return count
    }

    private static func isIPv4(_ text: ArraySlice<UInt8>) -> Bool {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } <= 255
        }
    }

    /// Path segments: `pchar`s and `/`.
    private static func isPath(_ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        matches(path, allowing: { isPathCharacter($0) || $0 == UInt8(ascii: "/") })
    }

    private static func isQueryOrFragment(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        matches(text, allowing: { isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
    }

    /// Every byte is `allowed` or starts a `%XX` escape.
    private static func matches(_ text: Slice<UnsafeBufferPointer<UInt8>>, allowing allowed: (UInt8) -> Bool) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < text.endIndex, isHex(text[index + 1]), isHex(text[index + 2]) else { return false }
                index += 3
                continue
            }
            guard allowed(byte) else { return false }
            index += 1
        }
        return true
    }

    /// `pchar` without percent-escapes: unreserved, sub-delims, `:` and `@`.
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6 }
}
