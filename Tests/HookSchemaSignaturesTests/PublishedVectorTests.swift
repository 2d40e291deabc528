import HookSchemaModel
import HookSchemaSignatures
import Testing

/// Vectors computed outside this code: the Standard Webhooks spec's published one, and one per provider from
/// Python's `hmac` module (the exact one-liner is beside each).
@Suite struct PublishedVectorTests {
    @Test func standardWebhooksPublishedVectorVerifies() throws {
        let verifier = try SignatureVerifier(
            scheme: TestSchemes.standardWebhooks,
            secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            clock: clock(1_614_265_330)
        )
        let verified = try verifier.verify(
            body: Array(#"{"test": 2432232314}"#.utf8),
            headers: [
                "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp": "1614265330",
                "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ]
        )
        #expect(
            verified
                == VerifiedSignature(
                    timestamp: 1_614_265_330, id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
                    secretIndex: 0, signatureIndex: 0))
    }

    @Test func standardWebhooksPublishedVectorIsWhatTheSignerProduces() throws {
        let signer = try SignatureSigner(
            scheme: TestSchemes.standardWebhooks,
            secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]
        )
        let headers = try signer.sign(
            body: Array(#"{"test": 2432232314}"#.utf8),
            timestamp: 1_614_265_330,
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek"
        )
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(
            headers.map(\.value) == [
                "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ])
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"wss_h5TestSecret", b"v0:1700000000:{\"eventId\":\"evt_1\",\"eventType\":\"extract_run.processed\"}", hashlib.sha256).hexdigest())'
    // → 5664e1e7b4df0987a922495ec63bcba98b78c50e9db27912ff06ba464b979513
    @Test func extendVectorFromPython() throws {
        let body = #"{"eventId":"evt_1","eventType":"extract_run.processed"}"#
        let expected = "5664e1e7b4df0987a922495ec63bcba98b78c50e9db27912ff06ba464b979513"
        let signer = try SignatureSigner(scheme: TestSchemes.extend, secrets: ["wss_h5TestSecret"])
        let headers = try signer.sign(body: Array(body.utf8), timestamp: 1_700_000_000)
        #expect(headers.map(\.name) == ["x-extend-request-timestamp", "x-extend-request-signature"])
        #expect(headers.value(of: "x-extend-request-signature") == expected)

        let verifier = try SignatureVerifier(
            scheme: TestSchemes.extend, secrets: ["wss_h5TestSecret"],
            clock: clock(1_700_000_000))
        // Upper-case hex is accepted too.
        try verifier.verify(
            body: Array(body.utf8),
            headers: ["X-Extend-Request-Timestamp": "1700000000", "X-Extend-Request-Signature": expected.uppercased()]
        )
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"plextera-h5-test-secret", b"1700000000.{\"eventId\":\"evt_01\",\"eventType\":\"document-insights.extraction.failed\"}", hashlib.sha256).hexdigest())'
    // → 9675fecac01540079c8db6b0252e611e800f8f08ac38f4f22a04d27b6be6c45c
    @Test func plexteraVectorFromPython() throws {
        let body = #"{"eventId":"evt_01","eventType":"document-insights.extraction.failed"}"#
        let expected = "t=1700000000,v1=9675fecac01540079c8db6b0252e611e800f8f08ac38f4f22a04d27b6be6c45c"
        let signer = try SignatureSigner(scheme: TestSchemes.plextera, secrets: ["plextera-h5-test-secret"])
        let headers = try signer.sign(body: Array(body.utf8), timestamp: 1_700_000_000)
        #expect(headers.map(\.name) == ["X-Plextera-Signature"])
        #expect(headers.value(of: "X-Plextera-Signature") == expected)

        let verifier = try SignatureVerifier(
            scheme: TestSchemes.plextera, secrets: ["plextera-h5-test-secret"],
            clock: clock(1_700_000_100))
        try verifier.verify(body: Array(body.utf8), headers: ["x-plextera-signature": expected])
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"whsec_h5StripeTest", b"1700000000.{\"id\":\"evt_1\",\"object\":\"event\"}", hashlib.sha256).hexdigest())'
    // → 7a05028971d13e6f02f3d94ac9c71c29c56c963869e8355753a73c4b5cc5a475
    @Test func stripeVectorFromPython() throws {
        let body = #"{"id":"evt_1","object":"event"}"#
        let signature = "7a05028971d13e6f02f3d94ac9c71c29c56c963869e8355753a73c4b5cc5a475"
        let verifier = try SignatureVerifier(
            scheme: TestSchemes.stripe, secrets: ["whsec_h5StripeTest"],
            clock: clock(1_700_000_000))
        // Stripe's test mode adds a fake `v0` signature; it is ignored, and the `v1` one verifies.
        let header = "t=1700000000,v1=\(signature),v0=\(String(repeating: "0", count: 64))"
        let verified = try verifier.verify(body: Array(body.utf8), headers: ["Stripe-Signature": header])
        #expect(verified.timestamp == 1_700_000_000)
    }
}
