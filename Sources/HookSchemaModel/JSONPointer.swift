/// RFC 6901 JSON pointers: `/payload/failureReason`, with `~` written `~0` and `/` written `~1`.
public enum JSONPointer {
    /// Escapes one reference token.
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        var escaped = ""
        escaped.reserveCapacity(token.utf8.count + 2)
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Appends a member name or array index to a pointer.
    public static func appending(_ token: String, to pointer: String) -> String {
        pointer + "/" + escape(token)
    }

    /// The unescaped reference tokens of a pointer (`""` is the whole document: no tokens).
    public static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }
}
