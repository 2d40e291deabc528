import Foundation
import HookSchemaLoader
import HookSchemaModel
import HookSchemaSignatures
import Testing

/// The schemes are declarable: written as YAML in a `provider.yaml`, loaded by `SchemaLoader`, they are the same
/// `SignatureScheme` values the other tests use — so a new provider needs YAML, not Swift.
@Suite struct DeclaredSchemeTests {
    static let event = """
        event: thing.happened
        fields:
          data: { type: any }
        """

    /// Loads one provider folder with `signatureYAML` as its `signature:` block.
    func load(provider: String, signatureYAML: String) throws -> SignatureScheme {
        let providerYAML = """
            provider: \(provider)
            envelope:
              discriminator: type
              fields:
                type: { type: string, required: true }
            signature:
            \(signatureYAML.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            """
        let result = SchemaLoader.load(sources: [
            SchemaSource(
                path: "\(provider)/provider.yaml", relativePath: "\(provider)/provider.yaml",
                text: providerYAML),
            SchemaSource(
                path: "\(provider)/thing.happened.yaml", relativePath: "\(provider)/thing.happened.yaml",
                text: Self.event),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.schemaSet?.provider(named: provider)?.signature)
    }

    @Test func stripeIsDeclarable() throws {
        let scheme = try load(
            provider: "stripe",
            signatureYAML: """
                header: Stripe-Signature
                format: { style: key-value, separator: ",", timestamp: t, signature: v1 }
                signedContent: "{timestamp}.{body}"
                encoding: hex
                secret: utf8
                tolerance: { past: 300 }
                """)
        #expect(scheme == TestSchemes.stripe)
    }

    @Test func standardWebhooksIsDeclarableAndPassesItsPublishedVector() throws {
        let scheme = try load(
            provider: "standardwebhooks",
            signatureYAML: """
                header: webhook-signature
                format: { style: versioned-list, separator: " ", versionSeparator: ",", version: v1 }
                timestampHeader: webhook-timestamp
                idHeader: webhook-id
                signedContent: "{id}.{timestamp}.{body}"
                encoding: base64
                secret: { encoding: base64, prefix: whsec_ }
                tolerance: { past: 300, future: 300 }
                """)
        #expect(scheme == TestSchemes.standardWebhooks)
        let verifier = try SignatureVerifier(
            scheme: scheme, secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], clock: clock(1_614_265_330)
        )
        try verifier.verify(
            body: Array(#"{"test": 2432232314}"#.utf8),
            headers: [
                "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp": "1614265330",
                "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ]
        )
    }

    /// The bundled schemas declare Extend and Plextera exactly as the reference describes them.
    @Test func bundledProvidersDeclareTheReferenceSchemes() throws {
        let schemas = Self.packageRoot.appendingPathComponent("Schemas").path
        let result = try SchemaLoader.load(directory: schemas)
        let set = try #require(result.schemaSet, "\(result.diagnostics)")
        #expect(set.provider(named: "extend")?.signature == TestSchemes.extend)
        #expect(set.provider(named: "plextera")?.signature == TestSchemes.plextera)
    }

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
}
