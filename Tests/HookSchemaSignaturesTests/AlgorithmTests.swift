import Foundation
import HookSchemaModel
import HookSchemaSignatures
import Testing

/// The algorithms beyond HMAC-SHA256 and the plain format's prefix, against vectors computed outside this code:
/// GitHub's published one, RFC 8032's Ed25519 test vectors, and Python's `hmac` (the one-liner beside each).
@Suite struct AlgorithmTests {
    static let github = SignatureScheme(
        signatureHeader: "X-Hub-Signature-256", format: .plain, signaturePrefix: "sha256=", signedContent: "{body}",
        encoding: .hex, secret: .utf8, tolerancePast: nil)

    /// GitHub's documented test vector (docs.github.com, "Validating webhook deliveries").
    @Test func githubPublishedVector() throws {
        let secret = "It's a Secret to Everybody"
        let body = Array("Hello, World!".utf8)
        let signer = try SignatureSigner(scheme: Self.github, secrets: [secret])
        let headers = try signer.sign(body: body, timestamp: 0)
        #expect(headers.map(\.name) == ["X-Hub-Signature-256"])
        #expect(headers.map(\.value) == ["sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"])
        let verifier = try SignatureVerifier(scheme: Self.github, secrets: ["old secret", secret])
        let verified = try verifier.verify(body: body, headers: headers)
        #expect(verified.secretIndex == 1 && verified.timestamp == nil)
    }

    @Test func aPrefixedSignatureWithoutItsPrefixIsMalformed() throws {
        let verifier = try SignatureVerifier(scheme: Self.github, secrets: ["s"])
        let hex = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        #expect(throws: SignatureError.malformedHeader("X-Hub-Signature-256", reason: "the value does not start with `sha256=`")) {
            try verifier.verify(body: Array("x".utf8), headers: ["X-Hub-Signature-256": hex])
        }
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier.verify(body: Array("x".utf8), headers: ["x-hub-signature-256": "sha256=" + hex])
        }
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"It'"'"'s a Secret to Everybody", b"Hello, World!", hashlib.sha1).hexdigest())'
    @Test func hmacSHA1ForGitHubsLegacyHeader() throws {
        var scheme = Self.github
        scheme.algorithm = .hmacSHA1
        scheme.signatureHeader = "X-Hub-Signature"
        scheme.signaturePrefix = "sha1="
        let signer = try SignatureSigner(scheme: scheme, secrets: ["It's a Secret to Everybody"])
        let headers = try signer.sign(body: Array("Hello, World!".utf8), timestamp: 0)
        #expect(headers.map(\.value) == ["sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"])
        // A SHA-256-length signature under a SHA-1 scheme is malformed, not merely wrong.
        let verifier = try SignatureVerifier(scheme: scheme, secrets: ["s"])
        #expect(throws: SignatureError.self) {
            try verifier.verify(
                body: [UInt8](), headers: ["X-Hub-Signature": "sha1=" + String(repeating: "ab", count: 32)])
        }
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"k512", b"body", hashlib.sha512).hexdigest())'
    @Test func hmacSHA512() throws {
        let scheme = SignatureScheme(
            algorithm: .hmacSHA512, signatureHeader: "Sig", format: .plain, signedContent: "{body}", encoding: .hex,
            secret: .utf8, tolerancePast: nil)
        let expected =
            "8b491fd98bde65289c0a61c9e33cea001d7ac6cadd02bcbbf0e5a82efb59135d3f5af942e2d529cc8e54a5109c78ecf0e0f380d"
            + "45df79d6fda93a8b43f7a96d8"
        let headers = try SignatureSigner(scheme: scheme, secrets: ["k512"]).sign(body: Array("body".utf8), timestamp: 0)
        #expect(headers.map(\.value) == [expected])
        try SignatureVerifier(scheme: scheme, secrets: ["k512"]).verify(body: Array("body".utf8), headers: ["sig": expected])
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"slack_secret", b"v0:1700000000:token=x&team_id=T1", hashlib.sha256).hexdigest())'
    @Test func slackPrefixedSignatureWithTimestampHeader() throws {
        let scheme = SignatureScheme(
            signatureHeader: "X-Slack-Signature", format: .plain, signaturePrefix: "v0=",
            timestampHeader: "X-Slack-Request-Timestamp", signedContent: "v0:{timestamp}:{body}", encoding: .hex,
            secret: .utf8, tolerancePast: 300, toleranceFuture: 300)
        let body = Array("token=x&team_id=T1".utf8)
        let headers = try SignatureSigner(scheme: scheme, secrets: ["slack_secret"]).sign(
            body: body, timestamp: 1_700_000_000)
        #expect(
            headers.map(\.value) == [
                "1700000000", "v0=c0c48e09e122353d8c1a423030625d4a5897c5824def240657a4d368575ec47e",
            ])
        let verifier = try SignatureVerifier(scheme: scheme, secrets: ["slack_secret"], clock: { 1_700_000_301 })
        #expect(throws: SignatureError.timestampTooOld(timestamp: 1_700_000_000, skew: 301, tolerance: 300)) {
            try verifier.verify(body: body, headers: headers)
        }
    }

    // MARK: Ed25519

    /// RFC 8032 §7.1, tests 1 and 2: secret key (seed), public key, message, signature.
    static let rfc8032 = [
        (
            seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            message: [UInt8](),
            signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
                + "6bd25bf5f0595bbe24655141438e7a100b"
        ),
        (
            seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            message: [UInt8(0x72)],
            signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d"
                + "8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
    ]

    static let ed25519Hex = SignatureScheme(
        algorithm: .ed25519, signatureHeader: "X-Signature-Ed25519", format: .plain, signedContent: "{body}",
        encoding: .hex, secret: .hex, tolerancePast: nil)

    @Test(arguments: 0..<2) func rfc8032VectorsSignAndVerify(_ index: Int) throws {
        let vector = Self.rfc8032[index]
        // The signer takes the 32-byte seed, or the 64 bytes of seed and public key (NaCl's form).
        for privateKey in [vector.seed, vector.seed + vector.publicKey] {
            let headers = try SignatureSigner(scheme: Self.ed25519Hex, secrets: [privateKey]).sign(
                body: vector.message, timestamp: 0)
            #expect(headers.map(\.value) == [vector.signature])
        }
        let verifier = try SignatureVerifier(scheme: Self.ed25519Hex, secrets: [vector.publicKey])
        try verifier.verify(body: vector.message, headers: ["x-signature-ed25519": vector.signature.uppercased()])
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier.verify(body: vector.message + [0], headers: ["X-Signature-Ed25519": vector.signature])
        }
    }

    @Test func ed25519KeysAreCheckedForTheirRole() throws {
        let vector = Self.rfc8032[0]
        // Verifying takes a 32-byte public key; a 64-byte private key there is rejected with a reason.
        #expect(throws: SignatureError.invalidSecretEncoding(index: 0, reason: "an Ed25519 public key is 32 bytes; this one is 64")) {
            try SignatureVerifier(scheme: Self.ed25519Hex, secrets: [vector.seed + vector.publicKey])
        }
        // A 64-byte private key whose second half is not its public key.
        #expect(
            throws: SignatureError.invalidSecretEncoding(
                index: 0, reason: "its last 32 bytes are not the public key of its first 32 (the seed)")
        ) {
            try SignatureSigner(scheme: Self.ed25519Hex, secrets: [vector.seed + Self.rfc8032[1].publicKey])
        }
        #expect(throws: SignatureError.invalidSecretEncoding(index: 0, reason: "it is not hex")) {
            try SignatureVerifier(scheme: Self.ed25519Hex, secrets: ["not hex"])
        }
    }

    /// Standard Webhooks v1a: `whpk_`/`whsk_` base64 keys, `v1a,<base64>` entries beside `v1,` ones.
    @Test func standardWebhooksV1a() throws {
        let scheme = SignatureScheme(
            algorithm: .ed25519, signatureHeader: "webhook-signature",
            format: .versionedList(entrySeparator: " ", versionSeparator: ",", version: "v1a"),
            timestampHeader: "webhook-timestamp", idHeader: "webhook-id", signedContent: "{id}.{timestamp}.{body}",
            encoding: .base64, secret: .base64(prefix: "whpk_"), signingKeyPrefix: "whsk_", tolerancePast: 300,
            toleranceFuture: 300)
        let vector = Self.rfc8032[0]
        let seed = "whsk_" + base64(hex: vector.seed)
        let publicKey = "whpk_" + base64(hex: vector.publicKey)
        let body = Array(#"{"type":"invoice.paid"}"#.utf8)
        var headers = try SignatureSigner(scheme: scheme, secrets: [seed]).sign(
            body: body, timestamp: 1_700_000_000, id: "msg_1")
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers[2].value.hasPrefix("v1a,"))
        // An HMAC `v1` entry beside it is not this scheme's: skipped.
        headers[2].value = "v1,AAAA " + headers[2].value
        let verifier = try SignatureVerifier(scheme: scheme, secrets: [publicKey], clock: { 1_700_000_000 })
        let verified = try verifier.verify(body: body, headers: headers)
        #expect(verified.signatureIndex == 0 && verified.id == "msg_1")
        #expect(throws: SignatureError.self) {
            try SignatureVerifier(scheme: scheme, secrets: ["whsk_" + base64(hex: vector.seed + vector.publicKey)])
        }
    }

    private func base64(hex: String) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }
}
