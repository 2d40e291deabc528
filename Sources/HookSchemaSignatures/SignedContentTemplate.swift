import HookSchemaModel

/// A scheme's `signedContent` (`v0:{timestamp}:{body}`), parsed once into literal text and placeholders.
struct SignedContentTemplate: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case literal([UInt8])
        case id
        case timestamp
        case body
    }

    let parts: [Part]

    var usesID: Bool { parts.contains(.id) }
    var usesTimestamp: Bool { parts.contains(.timestamp) }

    /// Parses `template`. A `{` that does not open `{id}`, `{timestamp}` or `{body}` is literal text, unless it
    /// looks like a placeholder (`{name}` with letters only): a misspelt placeholder must not sign silently.
    init(_ template: String) throws(SignatureError) {
        var parts: [Part] = []
        var literal: [UInt8] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            literal.append(contentsOf: rest[..<open].utf8)
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = rest[afterOpen..<close]
            let part: Part? =
                switch name {
                case "id": .id
                case "timestamp": .timestamp
                case "body": .body
                default: nil
                }
            if let part {
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = []
                }
                parts.append(part)
            } else if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) {
                throw .invalidScheme(
                    "unknown placeholder `{\(name)}` in signedContent `\(template)` "
                        + "(known: `{id}`, `{timestamp}`, `{body}`)"
                )
            } else {
                // Not a placeholder: the `{` is text, and scanning goes on right after it.
                literal.append(UInt8(ascii: "{"))
                rest = rest[afterOpen...]
                continue
            }
            rest = rest[rest.index(after: close)...]
        }
        literal.append(contentsOf: rest.utf8)
        if !literal.isEmpty {
            parts.append(.literal(literal))
        }
        guard parts.contains(.body) else {
            throw .invalidScheme("signedContent `\(template)` does not contain `{body}`")
        }
        self.parts = parts
    }

    /// The bytes to authenticate: the template with `id`, `timestamp` and the raw `body` bytes put in.
    func content(id: String?, timestamp: String?, body: some Sequence<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in parts {
            switch part {
            case .literal(let text): bytes.append(contentsOf: text)
            case .id: bytes.append(contentsOf: (id ?? "").utf8)
            case .timestamp: bytes.append(contentsOf: (timestamp ?? "").utf8)
            case .body: bytes.append(contentsOf: body)
            }
        }
        return bytes
    }
}
