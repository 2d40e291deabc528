import Foundation
import HookSchemaModel
import HookSchemaSignatures

/// libFuzzer entry point: arbitrary signature headers, timestamps, ids and secrets for each declared header format.
/// The first byte picks the scheme; the rest is split at newlines into the signature header, the timestamp header,
/// the id header and a secret, and what follows is the body. Verification must accept or throw a reason — never
/// crash, hang or trip a sanitizer.
let schemes: [SignatureScheme] = [
    // Extend: a plain hex signature, the timestamp in its own header.
    SignatureScheme(
        signatureHeader: "x-extend-request-signature", format: .plain, timestampHeader: "x-extend-request-timestamp",
        signedContent: "v0:{timestamp}:{body}", encoding: .hex, secret: .utf8, tolerancePast: 300, toleranceFuture: 60),
    // Plextera and Stripe: `t=…,v1=…[,v1=…]`.
    SignatureScheme(
        signatureHeader: "X-Plextera-Signature",
        format: .keyValue(pairSeparator: ",", timestampKey: "t", signatureKey: "v1"),
        signedContent: "{timestamp}.{body}", encoding: .hex, secret: .utf8, tolerancePast: 300),
    // Standard Webhooks: `v1,<base64> v1,<base64>`, a `whsec_` base64 secret.
    SignatureScheme(
        signatureHeader: "webhook-signature",
        format: .versionedList(entrySeparator: " ", versionSeparator: ",", version: "v1"),
        timestampHeader: "webhook-timestamp", idHeader: "webhook-id", signedContent: "{id}.{timestamp}.{body}",
        encoding: .base64, secret: .base64(prefix: "whsec_"), tolerancePast: 300, toleranceFuture: 300),
    // GitHub: a prefixed plain signature, HMAC-SHA256 over the body; and its legacy SHA-1 header.
    SignatureScheme(
        signatureHeader: "X-Hub-Signature-256", format: .plain, signaturePrefix: "sha256=", signedContent: "{body}",
        encoding: .hex, secret: .utf8, tolerancePast: nil),
    SignatureScheme(
        algorithm: .hmacSHA1, signatureHeader: "X-Hub-Signature", format: .plain, signaturePrefix: "sha1=",
        signedContent: "{body}", encoding: .hex, secret: .utf8, tolerancePast: nil),
    // Discord: Ed25519, a hex public key, `{timestamp}{body}`.
    SignatureScheme(
        algorithm: .ed25519, signatureHeader: "X-Signature-Ed25519", format: .plain,
        timestampHeader: "X-Signature-Timestamp", signedContent: "{timestamp}{body}", encoding: .hex, secret: .hex,
        tolerancePast: nil),
    // Standard Webhooks v1a: Ed25519, `v1a,<base64>`, `whpk_`/`whsk_` keys.
    SignatureScheme(
        algorithm: .ed25519, signatureHeader: "webhook-signature",
        format: .versionedList(entrySeparator: " ", versionSeparator: ",", version: "v1a"),
        timestampHeader: "webhook-timestamp", idHeader: "webhook-id", signedContent: "{id}.{timestamp}.{body}",
        encoding: .base64, secret: .base64(prefix: "whpk_"), signingKeyPrefix: "whsk_", tolerancePast: 300,
        toleranceFuture: 300),
]
let fixedSecrets = [
    "wss_fuzzing-secret", "plx_fuzzing-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "It's a Secret to Everybody",
    "It's a Secret to Everybody", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
]
let now: Int64 = 1_783_348_313

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    guard let selector = bytes.first else { return 0 }
    let index = Int(selector) % schemes.count
    let scheme = schemes[index]
    let fields = bytes.dropFirst().split(separator: UInt8(ascii: "\n"), maxSplits: 4, omittingEmptySubsequences: false)
    func field(_ position: Int) -> String {
        position < fields.count ? String(decoding: fields[position], as: UTF8.self) : ""
    }
    let body = fields.count > 4 ? Array(fields[4]) : []
    var headers: [(name: String, value: String)] = [(scheme.signatureHeader, field(0))]
    if let timestampHeader = scheme.timestampHeader {
        headers.append((timestampHeader, field(1)))
    }
    if let idHeader = scheme.idHeader {
        headers.append((idHeader, field(2)))
    }
    for secrets in [[fixedSecrets[index]], [field(3)], [field(3), fixedSecrets[index]]] {
        guard let verifier = try? SignatureVerifier(scheme: scheme, secrets: secrets, clock: { now }) else { continue }
        _ = try? verifier.verify(body: body, headers: headers)
    }
    // A fuzzed signing key (a seed or seed and public key for Ed25519): signing accepts it or throws a reason.
    if let signer = try? SignatureSigner(scheme: scheme, secrets: [field(3)]) {
        _ = try? signer.sign(body: body, timestamp: now, id: field(2).isEmpty ? "msg" : field(2))
    }
    return 0
}
