import Crypto
import Foundation
import HookSchemaModel

/// Checks that a delivery was signed by the provider, following the provider's declared `SignatureScheme`.
///
/// ```swift
/// let verifier = try SignatureVerifier(scheme: provider.signature!, secrets: [current, previous])
/// let verified = try verifier.verify(body: rawBody, headers: request.headers)
/// ```
///
/// The body must be the raw bytes as received, before any JSON parsing. Several secrets may be given at once
/// while a secret is being rotated: a delivery verifies if any of its signatures matches any secret. Signatures
/// are compared in constant time (swift-crypto's `HMAC.isValidAuthenticationCode`). For Ed25519 schemes (Standard
/// Webhooks `v1a`, Discord) the "secrets" are the sender's public keys: a receiver holds nothing secret.
public struct SignatureVerifier: Sendable {
    /// The scheme deliveries are checked against.
    public let scheme: SignatureScheme
    private let template: SignedContentTemplate
    private let keys: [[UInt8]]
    private let clock: @Sendable () -> Int64

    /// The current time in unix seconds, from the system clock.
    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970.rounded(.down)) }

    /// Prepares verification with one or more `secrets` (several during rotation), as the provider shows them
    /// (`wss_…`, `whsec_…`). `clock` gives the current unix time in seconds; inject a fixed one in tests.
    /// Throws when no secret is given, a secret is empty or not in the scheme's encoding, or the scheme is
    /// unusable as declared.
    ///
    /// - Parameters:
    ///   - scheme: The provider's declared scheme (`ExtendEvent.provider.signature`).
    ///   - secrets: The signing secrets, or for Ed25519 the sender's public keys; the first is tried first.
    ///   - clock: The current unix time in seconds; `systemClock` by default.
    /// - Throws: `SignatureError.noSecrets`, `.emptySecret`, `.invalidSecretEncoding` or `.invalidScheme`.
    public init(
        scheme: SignatureScheme,
        secrets: [String],
        clock: @escaping @Sendable () -> Int64 = SignatureVerifier.systemClock
    ) throws(SignatureError) {
        self.scheme = scheme
        self.template = try SchemeCheck.template(of: scheme)
        self.keys = try SigningKeys.verifying(secrets, scheme: scheme)
        self.clock = clock
    }

    /// Verifies a delivery: its raw `body` bytes and its headers (names matched case-insensitively). Returns
    /// what was verified, or throws the reason for rejection. The signature is checked before the timestamp,
    /// so a timestamp error means the delivery is authentic but outside the accepted time window.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, exactly as received.
    ///   - headers: The delivery's headers; names are matched case-insensitively.
    /// - Returns: The signed timestamp and id, and which secret and signature matched.
    /// - Throws: `SignatureError` with the reason: a missing or malformed header, no matching signature, or a
    ///   timestamp outside the tolerance.
    @discardableResult
    public func verify(body: some DataProtocol, headers: [(name: String, value: String)]) throws(SignatureError)
        -> VerifiedSignature
    {
        let lookup = HeaderLookup(headers)
        let parsed = try SignatureHeaderParser(scheme: scheme).parse(lookup.require(scheme.signatureHeader))

        let timestampText: String?
        let timestampSource: String
        if let header = scheme.timestampHeader {
            timestampText = try lookup.require(header)
            timestampSource = header
        } else {
            timestampText = parsed.timestamp
            timestampSource = scheme.signatureHeader
            if timestampText == nil, case .keyValue(_, let key, _) = scheme.format {
                throw .malformedHeader(scheme.signatureHeader, reason: "no `\(key)=` timestamp")
            }
        }
        let timestamp = try timestampText.map { text throws(SignatureError) in
            try Self.unixTime(text, header: timestampSource)
        }
        let id = try scheme.idHeader.map { header throws(SignatureError) in try lookup.require(header) }

        let content = template.content(id: id, timestamp: timestampText, body: body)
        guard let match = Self.firstMatch(of: parsed.signatures, content: content, keys: keys, scheme.algorithm) else {
            throw .noMatchingSignature(signatures: parsed.signatures.count, secrets: keys.count)
        }

        if let timestamp {
            let skew = clock() - timestamp
            if let past = scheme.tolerancePast, skew > Int64(past) {
                throw .timestampTooOld(timestamp: timestamp, skew: skew, tolerance: past)
            }
            if let future = scheme.toleranceFuture, -skew > Int64(future) {
                throw .timestampTooNew(timestamp: timestamp, skew: -skew, tolerance: future)
            }
        }
        return VerifiedSignature(
            timestamp: timestamp,
            id: id,
            secretIndex: match.secret,
            signatureIndex: match.signature
        )
    }

    /// Verifies a delivery whose headers are given as a dictionary.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, exactly as received.
    ///   - headers: The delivery's headers, name → value; names are matched case-insensitively.
    /// - Returns: The signed timestamp and id, and which secret and signature matched.
    /// - Throws: `SignatureError` with the reason for rejection.
    @discardableResult
    public func verify(body: some DataProtocol, headers: [String: String]) throws(SignatureError) -> VerifiedSignature {
        try verify(body: body, headers: headers.map { (name: $0.key, value: $0.value) })
    }

    /// The first (secret, signature) pair that matches. Every HMAC comparison is constant-time.
    private static func firstMatch(
        of signatures: [[UInt8]], content: [UInt8], keys: [[UInt8]], _ algorithm: SignatureAlgorithm
    ) -> (secret: Int, signature: Int)? {
        for (secretIndex, key) in keys.enumerated() {
            for (signatureIndex, signature) in signatures.enumerated()
            where SignatureAlgorithms.isValid(signature, of: content, key: key, algorithm: algorithm) {
                return (secretIndex, signatureIndex)
            }
        }
        return nil
    }

    /// A unix timestamp in seconds: ASCII digits only (no sign, no fraction).
    private static func unixTime(_ text: String, header: String) throws(SignatureError) -> Int64 {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int64(text)
        else {
            let shown = text.count <= 24 ? text : text.prefix(20) + "…"
            throw .malformedHeader(header, reason: "timestamp `\(shown)` is not a unix time in seconds")
        }
        return value
    }
}

/// What a successful verification established.
public struct VerifiedSignature: Hashable, Sendable {
    /// The signed unix timestamp, when the scheme has one.
    public var timestamp: Int64?
    /// The signed message id, when the scheme has one (Standard Webhooks' `webhook-id`).
    public var id: String?
    /// Which of the secrets matched (0-based, in the order given): during rotation, whether the sender still
    /// signs with an old secret.
    public var secretIndex: Int
    /// Which of the header's signatures matched (0-based).
    public var signatureIndex: Int

    /// A verification result from its parts.
    ///
    /// - Parameters:
    ///   - timestamp: The signed unix timestamp, if any.
    ///   - id: The signed message id, if any.
    ///   - secretIndex: Which secret matched (0-based).
    ///   - signatureIndex: Which of the header's signatures matched (0-based).
    public init(timestamp: Int64?, id: String?, secretIndex: Int, signatureIndex: Int) {
        self.timestamp = timestamp
        self.id = id
        self.secretIndex = secretIndex
        self.signatureIndex = signatureIndex
    }
}
