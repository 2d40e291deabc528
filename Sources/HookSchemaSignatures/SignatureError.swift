/// Why a delivery's signature was rejected, or why a scheme or secret cannot be used. Every case says what was
/// wrong and where; none of them ever contains a secret.
public enum SignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A header the scheme needs (the signature, the timestamp or the message id) is absent.
    case missingHeader(String)
    /// A header is present but cannot be read: `reason` says why (no `t=` entry, not a unix timestamp, not hex, …).
    case malformedHeader(String, reason: String)
    /// The signed timestamp lies further in the past than the scheme allows. `skew` is `now - timestamp`.
    case timestampTooOld(timestamp: Int64, skew: Int64, tolerance: Int)
    /// The signed timestamp lies further in the future than the scheme allows. `skew` is `timestamp - now`.
    case timestampTooNew(timestamp: Int64, skew: Int64, tolerance: Int)
    /// None of the delivery's signatures matches any of the secrets: a wrong secret, or content changed in transit.
    case noMatchingSignature(signatures: Int, secrets: Int)
    /// No secret was given at all.
    case noSecrets
    /// The secret at `index` (0-based) is empty, or empty once its prefix is removed.
    case emptySecret(index: Int)
    /// The secret at `index` (0-based) cannot be turned into a key as the scheme says (for example: not base64).
    case invalidSecretEncoding(index: Int, reason: String)
    /// The declared scheme cannot be used as written (an unknown placeholder, `{id}` without an id header, …).
    case invalidScheme(String)
    /// Signing: the scheme signs a message id (carried in `header`), but none was given.
    case missingMessageID(header: String)

    /// A stable, machine-readable name for the reason (`missing_header`, `timestamp_too_old`, …).
    public var code: String {
        switch self {
        case .missingHeader: "missing_header"
        case .malformedHeader: "malformed_header"
        case .timestampTooOld: "timestamp_too_old"
        case .timestampTooNew: "timestamp_too_new"
        case .noMatchingSignature: "no_matching_signature"
        case .noSecrets: "no_secrets"
        case .emptySecret: "empty_secret"
        case .invalidSecretEncoding: "invalid_secret_encoding"
        case .invalidScheme: "invalid_scheme"
        case .missingMessageID: "missing_message_id"
        }
    }

    /// The reason in words, without any secret.
    public var description: String {
        switch self {
        case .missingHeader(let name):
            "missing header `\(name)`"
        case .malformedHeader(let name, let reason):
            "malformed header `\(name)`: \(reason)"
        case .timestampTooOld(let timestamp, let skew, let tolerance):
            "timestamp \(timestamp) is \(skew) s in the past; at most \(tolerance) s is accepted (a replayed or "
                + "long-delayed delivery, or a clock out of sync)"
        case .timestampTooNew(let timestamp, let skew, let tolerance):
            "timestamp \(timestamp) is \(skew) s in the future; at most \(tolerance) s is accepted "
                + "(a clock out of sync)"
        case .noMatchingSignature(let signatures, let secrets):
            "no signature matches: \(Self.count(signatures, "signature")) checked against "
                + "\(Self.count(secrets, "secret")) (a wrong secret, or the body or headers changed after signing)"
        case .noSecrets:
            "no signing secret was given"
        case .emptySecret(let index):
            "signing secret #\(index + 1) is empty"
        case .invalidSecretEncoding(let index, let reason):
            "signing secret #\(index + 1) cannot be used: \(reason)"
        case .invalidScheme(let reason):
            "unusable signature scheme: \(reason)"
        case .missingMessageID(let header):
            "the scheme signs a message id (header `\(header)`), but none was given"
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
