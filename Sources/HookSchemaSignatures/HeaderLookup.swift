/// A delivery's headers, looked up case-insensitively.
struct HeaderLookup {
    private let headers: [(name: String, value: String)]

    init(_ headers: [(name: String, value: String)]) {
        self.headers = headers
    }

    /// The value of `name`, with surrounding whitespace removed; nil when absent. A header sent more than once
    /// with different values is ambiguous and rejected rather than guessed at.
    func value(of name: String) throws(SignatureError) -> String? {
        let wanted = name.lowercased()
        let values = headers.filter { $0.name.lowercased() == wanted }.map { $0.value.trimmingWhitespace() }
        guard let first = values.first else { return nil }
        if values.contains(where: { $0 != first }) {
            throw .malformedHeader(name, reason: "sent \(values.count) times with different values")
        }
        return first
    }

    /// The value of `name`; a `missingHeader` error when absent.
    func require(_ name: String) throws(SignatureError) -> String {
        guard let value = try value(of: name) else { throw .missingHeader(name) }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace })
        else {
            return ""
        }
        return String(self[start...end])
    }
}
