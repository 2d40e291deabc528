/// How a provider signs its deliveries, declared in its `provider.yaml` so that a new provider needs YAML, not
/// Swift. Covers HMAC-SHA1/256/512 and Ed25519 schemes: Extend (`v0:{t}:{body}`, separate headers, hex), Plextera
/// and Stripe (`t=…,v1=…` in one header, `{t}.{body}`, hex), Standard Webhooks (`v1,<b64> …` or Ed25519 `v1a,…`,
/// `{id}.{t}.{body}`), GitHub and Slack (a prefixed plain signature: `sha256=…`, `v0=…`), Discord (Ed25519, hex).
public struct SignatureScheme: Hashable, Sendable, Codable {
    public var algorithm: SignatureAlgorithm
    /// The header that carries the signature(s).
    public var signatureHeader: String
    /// How signatures (and, for some schemes, the timestamp) are written in `signatureHeader`.
    public var format: SignatureHeaderFormat
    /// A fixed text before the signature in a `plain` header (GitHub's `sha256=`, Slack's `v0=`).
    public var signaturePrefix: String?
    /// A separate header holding the unix timestamp (Extend, Standard Webhooks); nil when the timestamp is
    /// inside the signature header.
    public var timestampHeader: String?
    /// A header holding the message id that is part of the signed content (Standard Webhooks' `webhook-id`).
    public var idHeader: String?
    /// The signed content, with the placeholders `{id}`, `{timestamp}` and `{body}` (the raw body bytes).
    public var signedContent: String
    /// How the signature bytes are written: `hex` (lower- or upper-case accepted) or `base64`.
    public var encoding: SignatureEncoding
    /// How a secret becomes key bytes: the HMAC key, or for Ed25519 the public key that verifies.
    public var secret: SecretEncoding
    /// Ed25519: the prefix of the private (signing) key, in the same encoding as `secret` (Standard Webhooks'
    /// `whsk_`); nil when the private key has no prefix.
    public var signingKeyPrefix: String?
    /// Seconds a timestamp may lie in the past (nil: not checked).
    public var tolerancePast: Int?
    /// Seconds a timestamp may lie in the future (nil: not checked).
    public var toleranceFuture: Int?

    public init(
        algorithm: SignatureAlgorithm = .hmacSHA256,
        signatureHeader: String,
        format: SignatureHeaderFormat,
        signaturePrefix: String? = nil,
        timestampHeader: String? = nil,
        idHeader: String? = nil,
        signedContent: String,
        encoding: SignatureEncoding,
        secret: SecretEncoding,
        signingKeyPrefix: String? = nil,
        tolerancePast: Int? = 300,
        toleranceFuture: Int? = nil
    ) {
        self.algorithm = algorithm
        self.signatureHeader = signatureHeader
        self.format = format
        self.signaturePrefix = signaturePrefix
        self.timestampHeader = timestampHeader
        self.idHeader = idHeader
        self.signedContent = signedContent
        self.encoding = encoding
        self.secret = secret
        self.signingKeyPrefix = signingKeyPrefix
        self.tolerancePast = tolerancePast
        self.toleranceFuture = toleranceFuture
    }
}

public enum SignatureAlgorithm: String, Hashable, Sendable, Codable, CaseIterable {
    case hmacSHA256 = "hmac-sha256"
    /// GitHub's legacy `X-Hub-Signature: sha1=…`.
    case hmacSHA1 = "hmac-sha1"
    case hmacSHA512 = "hmac-sha512"
    /// An Ed25519 signature (Standard Webhooks `v1a`, Discord): verified with the sender's public key, so a
    /// receiver holds no secret.
    case ed25519

    /// The byte length of one signature.
    public var signatureLength: Int {
        switch self {
        case .hmacSHA1: return 20
        case .hmacSHA256: return 32
        case .hmacSHA512: return 64
        case .ed25519: return 64
        }
    }

    /// Whether verifying takes a public key rather than a shared secret.
    public var isAsymmetric: Bool { self == .ed25519 }
}

public enum SignatureEncoding: String, Hashable, Sendable, Codable {
    case hex
    case base64
}

/// How the shared secret becomes the HMAC key (for Ed25519: how a key is written).
public enum SecretEncoding: Hashable, Sendable, Codable {
    /// The secret string's UTF-8 bytes, prefix and all (Extend's `wss_…`, Stripe's `whsec_…`).
    case utf8
    /// Strip `prefix` (if present), then base64-decode the rest (Standard Webhooks' `whsec_…`).
    case base64(prefix: String?)
    /// Hex digits (either case), as Discord shows an application's public key.
    case hex
}

public enum SignatureHeaderFormat: Hashable, Sendable, Codable {
    /// The whole header value is one signature (Extend).
    case plain
    /// `t=<unix>,v1=<sig>[,v1=<sig>…]`: pairs split by `pairSeparator`, keys from values by `=`. Only entries
    /// keyed `signatureKey` are signatures (others, such as Stripe's `v0`, are ignored).
    case keyValue(pairSeparator: String, timestampKey: String, signatureKey: String)
    /// `v1,<sig> v1,<sig>`: entries split by `entrySeparator`, each `<version><versionSeparator><sig>`; only
    /// entries of `version` are checked.
    case versionedList(entrySeparator: String, versionSeparator: String, version: String)
}
