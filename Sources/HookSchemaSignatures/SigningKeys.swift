import Foundation
import HookSchemaModel

/// Turns the shared secrets into HMAC key bytes as the scheme's `secret` encoding says. (Key bytes rather than
/// swift-crypto's `SymmetricKey`, which is not `Sendable`; a `SymmetricKey` is made from them for each use.)
enum SigningKeys {
    static func make(from secrets: [String], encoding: SecretEncoding) throws(SignatureError) -> [[UInt8]] {
        guard !secrets.isEmpty else { throw .noSecrets }
        var keys: [[UInt8]] = []
        for (index, secret) in secrets.enumerated() {
            keys.append(try key(from: secret, index: index, encoding: encoding))
        }
        return keys
    }

    private static func key(from secret: String, index: Int, encoding: SecretEncoding) throws(SignatureError)
        -> [UInt8]
    {
        switch encoding {
        case .utf8:
            guard !secret.isEmpty else { throw .emptySecret(index: index) }
            return Array(secret.utf8)
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
