import Crypto
import Foundation
import HookSchemaModel

/// Turns secrets and keys, as the provider shows them, into key bytes as the scheme's `secret` encoding says. (Key
/// bytes rather than swift-crypto's key types, which are not `Sendable`; a key is made from them for each use.)
enum SigningKeys {
    /// HMAC keys, or for Ed25519 the 32-byte public keys that verify.
    static func verifying(_ secrets: [String], scheme: SignatureScheme) throws(SignatureError) -> [[UInt8]] {
        guard !secrets.isEmpty else { throw .noSecrets }
        var keys: [[UInt8]] = []
        for (index, secret) in secrets.enumerated() {
            let key = try bytes(of: secret, index: index, encoding: scheme.secret)
            if scheme.algorithm.isAsymmetric {
                guard key.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil else {
                    throw .invalidSecretEncoding(
                        index: index,
                        reason: "an Ed25519 public key is 32 bytes; this one is \(key.count)"
                            + Self.privateKeyHint(secret, scheme: scheme)
                    )
                }
            }
            keys.append(key)
        }
        return keys
    }

    /// HMAC keys, or for Ed25519 the 32-byte private key seeds that sign. An Ed25519 private key may be written as
    /// its 32-byte seed or as the 64 bytes of seed and public key (NaCl's and libsodium's form), prefixed with the
    /// scheme's `signingKeyPrefix`.
    static func signing(_ secrets: [String], scheme: SignatureScheme) throws(SignatureError) -> [[UInt8]] {
        guard scheme.algorithm.isAsymmetric else { return try verifying(secrets, scheme: scheme) }
        guard !secrets.isEmpty else { throw .noSecrets }
        var encoding = scheme.secret
        if case .base64 = encoding {
            encoding = .base64(prefix: scheme.signingKeyPrefix)
        }
        var seeds: [[UInt8]] = []
        for (index, secret) in secrets.enumerated() {
            let key = try bytes(of: secret, index: index, encoding: encoding)
            guard key.count == 32 || key.count == 64 else {
                throw .invalidSecretEncoding(
                    index: index,
                    reason: "an Ed25519 private key is a 32-byte seed or 64 bytes of seed and public key; this one is "
                        + "\(key.count) bytes"
                )
            }
            let seed = Array(key.prefix(32))
            guard let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
                throw .invalidSecretEncoding(index: index, reason: "not an Ed25519 private key")
            }
            if key.count == 64, Array(privateKey.publicKey.rawRepresentation) != Array(key.suffix(32)) {
                throw .invalidSecretEncoding(
                    index: index, reason: "its last 32 bytes are not the public key of its first 32 (the seed)")
            }
            seeds.append(seed)
        }
        return seeds
    }

    private static func privateKeyHint(_ secret: String, scheme: SignatureScheme) -> String {
        if let prefix = scheme.signingKeyPrefix, secret.hasPrefix(prefix) {
            return " (`\(prefix)…` is a private key; verifying takes the public key)"
        }
        return ""
    }

    private static func bytes(of secret: String, index: Int, encoding: SecretEncoding) throws(SignatureError)
        -> [UInt8]
    {
        switch encoding {
        case .utf8:
            guard !secret.isEmpty else { throw .emptySecret(index: index) }
            return Array(secret.utf8)
        case .hex:
            let text = secret.trimmingWhitespace()
            guard !text.isEmpty else { throw .emptySecret(index: index) }
            guard let bytes = ByteEncoding.decodeHex(Substring(text)) else {
                throw .invalidSecretEncoding(index: index, reason: "it is not hex")
            }
            return bytes
        case .base64(let prefix):
            var encoded = Substring(secret)
            if let prefix, !prefix.isEmpty, encoded.hasPrefix(prefix) {
                encoded = encoded.dropFirst(prefix.count)
            }
            guard !encoded.isEmpty else { throw .emptySecret(index: index) }
            // Accept a key written without its `=` padding, as some dashboards show it.
            var padded = String(encoded)
            if padded.count % 4 != 0 {
                padded += String(repeating: "=", count: 4 - padded.count % 4)
            }
            guard let data = Data(base64Encoded: padded) else {
                let what = prefix.map { "the text after `\($0)`" } ?? "it"
                throw .invalidSecretEncoding(index: index, reason: "\(what) is not valid base64")
            }
            guard !data.isEmpty else { throw .emptySecret(index: index) }
            return [UInt8](data)
        }
    }
}

/// The signature algorithms, over key bytes.
enum SignatureAlgorithms {
    /// The signature of `content` with `key` (an HMAC key, or an Ed25519 private key seed).
    static func sign(_ content: [UInt8], key: [UInt8], algorithm: SignatureAlgorithm) throws(SignatureError)
        -> [UInt8]
    {
        let symmetric = SymmetricKey(data: key)
        switch algorithm {
        case .hmacSHA1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: content, using: symmetric))
        case .hmacSHA256: return Array(HMAC<SHA256>.authenticationCode(for: content, using: symmetric))
        case .hmacSHA512: return Array(HMAC<SHA512>.authenticationCode(for: content, using: symmetric))
        case .ed25519:
            do {
                let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: key)
                return Array(try privateKey.signature(for: content))
            } catch {
                throw .invalidScheme("Ed25519 signing failed: \(error)")
            }
        }
    }

    /// Whether `signature` is the signature of `content` under `key` (an HMAC key, compared in constant time; or an
    /// Ed25519 public key).
    static func isValid(_ signature: [UInt8], of content: [UInt8], key: [UInt8], algorithm: SignatureAlgorithm)
        -> Bool
    {
        let symmetric = SymmetricKey(data: key)
        switch algorithm {
        case .hmacSHA1:
            return HMAC<Insecure.SHA1>.isValidAuthenticationCode(signature, authenticating: content, using: symmetric)
        case .hmacSHA256:
            return HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: content, using: symmetric)
        case .hmacSHA512:
            return HMAC<SHA512>.isValidAuthenticationCode(signature, authenticating: content, using: symmetric)
        case .ed25519:
            guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
            return publicKey.isValidSignature(signature, for: content)
        }
    }
}
