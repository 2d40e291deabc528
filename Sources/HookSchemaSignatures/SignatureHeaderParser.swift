import HookSchemaModel

/// What a signature header holds: the signatures (decoded bytes) and, in `t=…,v1=…` formats, the timestamp.
struct ParsedSignatureHeader: Hashable, Sendable {
    var timestamp: String?
    var signatures: [[UInt8]]
}

/// Reads a signature header in the scheme's declared format.
struct SignatureHeaderParser {
    let scheme: SignatureScheme

    func parse(_ value: String) throws(SignatureError) -> ParsedSignatureHeader {
        let header = scheme.signatureHeader
        guard !value.isEmpty else { throw .malformedHeader(header, reason: "the value is empty") }
        switch scheme.format {
        case .plain:
            var signature = Substring(value)
            if let prefix = scheme.signaturePrefix {
                guard signature.hasPrefix(prefix) else {
                    throw .malformedHeader(header, reason: "the value does not start with `\(prefix)`")
                }
                signature = signature.dropFirst(prefix.count)
            }
            return ParsedSignatureHeader(timestamp: nil, signatures: [try decode(signature, entry: nil)])

        case .keyValue(let separator, let timestampKey, let signatureKey):
            var timestamp: String?
            var signatures: [[UInt8]] = []
            for item in split(value, by: separator) {
                guard let equals = item.firstIndex(of: "=") else {
                    throw .malformedHeader(header, reason: "`\(item)` is not a `key=value` pair")
                }
                let key = item[..<equals].trimmingWhitespace()
                let entry = item[item.index(after: equals)...].trimmingWhitespace()
                if key == timestampKey {
                    if let timestamp, timestamp != entry {
                        throw .malformedHeader(header, reason: "more than one `\(timestampKey)=` entry")
                    }
                    timestamp = entry
                } else if key == signatureKey {
                    signatures.append(try decode(Substring(entry), entry: signatureKey))
                }
                // Other keys (Stripe's test-mode `v0`) are ignored: accepting them would allow a downgrade.
            }
            guard !signatures.isEmpty else {
                throw .malformedHeader(header, reason: "no `\(signatureKey)=` signature")
            }
            return ParsedSignatureHeader(timestamp: timestamp, signatures: signatures)

        case .versionedList(let separator, let versionSeparator, let version):
            var signatures: [[UInt8]] = []
            for item in split(value, by: separator) {
                guard let range = item.range(of: versionSeparator) else {
                    throw .malformedHeader(
                        header,
                        reason: "`\(item)` is not `<version>\(versionSeparator)<signature>`"
                    )
                }
                guard item[..<range.lowerBound] == version else { continue }  // v1a (ed25519) and others
                signatures.append(try decode(item[range.upperBound...], entry: version))
            }
            guard !signatures.isEmpty else {
                throw .malformedHeader(header, reason: "no `\(version)\(versionSeparator)` signature")
            }
            return ParsedSignatureHeader(timestamp: nil, signatures: signatures)
        }
    }

    /// The non-empty pieces of `value` between `separator`s, trimmed (`a  b` split by a space is two pieces).
    private func split(_ value: String, by separator: String) -> [Substring] {
        guard !separator.isEmpty else { return [Substring(value)] }
        var pieces: [Substring] = []
        var rest = Substring(value)
        while let range = rest.range(of: separator) {
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        pieces.append(rest)
        return pieces.map { Substring($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
    }

    private func decode(_ text: Substring, entry: String?) throws(SignatureError) -> [UInt8] {
        let header = scheme.signatureHeader
        let what = entry.map { "the `\($0)` signature" } ?? "the signature"
        guard !text.isEmpty else { throw .malformedHeader(header, reason: "\(what) is empty") }
        guard let bytes = ByteEncoding.decode(text, as: scheme.encoding) else {
            let encoding = scheme.encoding == .hex ? "hex" : "base64"
            throw .malformedHeader(header, reason: "\(what) `\(Self.abbreviated(text))` is not \(encoding)")
        }
        let length = scheme.algorithm.signatureLength
        guard bytes.count == length else {
            throw .malformedHeader(
                header,
                reason: "\(what) is \(bytes.count) bytes long; an \(scheme.algorithm.displayName) signature has "
                    + "\(length)"
            )
        }
        return bytes
    }

    private static func abbreviated(_ text: Substring) -> String {
        text.count <= 24 ? String(text) : text.prefix(20) + "…"
    }
}

extension SignatureAlgorithm {
    /// `HMAC-SHA256`, `Ed25519`: the name in messages.
    var displayName: String {
        switch self {
        case .hmacSHA1: return "HMAC-SHA1"
        case .hmacSHA256: return "HMAC-SHA256"
        case .hmacSHA512: return "HMAC-SHA512"
        case .ed25519: return "Ed25519"
        }
    }
}
