import Crypto
import Foundation
import HookSchemaModel

/// Signs a body the way the provider would, giving the headers a sender adds. Used to produce test deliveries
/// and by `hookschema sign`; a receiver needs only `SignatureVerifier`.
///
/// With several secrets (rotation), formats that carry a list (`t=…,v1=…,v1=…` and `v1,… v1,…`) get one
/// signature per secret, in the order given; the `plain` format carries exactly one signature. For Ed25519 schemes
/// the secrets are private keys (`whsk_…`, or hex for Discord).
public struct SignatureSigner: Sendable {
    /// The scheme deliveries are signed with.
    public let scheme: SignatureScheme
    private let template: SignedContentTemplate
    private let keys: [[UInt8]]

    /// Throws when no secret is given, a secret is unusable, the scheme is unusable as declared, or the `plain`
    /// format is given more than one secret.
    ///
    /// - Parameters:
    ///   - scheme: The provider's declared scheme.
    ///   - secrets: The signing secrets, or for Ed25519 the private keys.
    /// - Throws: `SignatureError.noSecrets`, `.emptySecret`, `.invalidSecretEncoding` or `.invalidScheme`.
    public init(scheme: SignatureScheme, secrets: [String]) throws(SignatureError) {
        self.scheme = scheme
        self.template = try SchemeCheck.template(of: scheme)
        self.keys = try SigningKeys.signing(secrets, scheme: scheme)
        if case .plain = scheme.format, keys.count > 1 {
            throw .invalidScheme(
                "the plain format of `\(scheme.signatureHeader)` carries one signature; sign with one secret"
            )
        }
    }

    /// The headers to send with `body`: the message id (when the scheme signs one), the timestamp (when it has a
    /// header of its own) and the signature header, in that order. `timestamp` is unix seconds.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes to sign.
    ///   - timestamp: The signing time in unix seconds (ignored by schemes without a timestamp).
    ///   - id: The message id, for a scheme that signs one (Standard Webhooks' `webhook-id`).
    /// - Returns: The headers to send, as (name, value) pairs.
    /// - Throws: `SignatureError.missingMessageID` when the scheme signs an id and none is given.
    public func sign(body: some DataProtocol, timestamp: Int64, id: String? = nil) throws(SignatureError)
        -> [(name: String, value: String)]
    {
        var headers: [(name: String, value: String)] = []
        if let idHeader = scheme.idHeader {
            guard let id, !id.isEmpty else { throw .missingMessageID(header: idHeader) }
            headers.append((idHeader, id))
        }
        let timestampText = String(timestamp)
        if let timestampHeader = scheme.timestampHeader {
            headers.append((timestampHeader, timestampText))
        }
        let content = template.content(id: id, timestamp: timestampText, body: body)
        var signatures: [String] = []
        for key in keys {
            let signature = try SignatureAlgorithms.sign(content, key: key, algorithm: scheme.algorithm)
            signatures.append(ByteEncoding.encode(signature, as: scheme.encoding))
        }
        headers.append((scheme.signatureHeader, signatureHeaderValue(signatures, timestamp: timestampText)))
        return headers
    }

    private func signatureHeaderValue(_ signatures: [String], timestamp: String) -> String {
        switch scheme.format {
        case .plain:
            return (scheme.signaturePrefix ?? "") + signatures.joined()
        case .keyValue(let separator, let timestampKey, let signatureKey):
            let timestampPair = scheme.timestampHeader == nil ? ["\(timestampKey)=\(timestamp)"] : []
            return (timestampPair + signatures.map { "\(signatureKey)=\($0)" }).joined(separator: separator)
        case .versionedList(let separator, let versionSeparator, let version):
            return signatures.map { "\(version)\(versionSeparator)\($0)" }.joined(separator: separator)
        }
    }
}
