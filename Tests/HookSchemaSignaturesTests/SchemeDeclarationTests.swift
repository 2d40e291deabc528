import HookSchemaModel
import HookSchemaSignatures
import Testing

/// Schemes and secrets that cannot be used are refused up front, with a reason.
@Suite struct SchemeDeclarationTests {
    func scheme(
        format: SignatureHeaderFormat = .plain,
        timestampHeader: String? = "x-ts",
        idHeader: String? = nil,
        signedContent: String,
        tolerancePast: Int? = nil,
        toleranceFuture: Int? = nil
    ) -> SignatureScheme {
        SignatureScheme(
            signatureHeader: "x-sig", format: format, timestampHeader: timestampHeader, idHeader: idHeader,
            signedContent: signedContent, encoding: .hex, secret: .utf8,
            tolerancePast: tolerancePast, toleranceFuture: toleranceFuture
        )
    }

    @Test(arguments: [
        (
            "{timestamp}.{bdy}",
            "unknown placeholder `{bdy}` in signedContent `{timestamp}.{bdy}` (known: `{id}`, `{timestamp}`, `{body}`)"
        ),
        ("{timestamp}.", "signedContent `{timestamp}.` does not contain `{body}`"),
        ("{id}.{body}", "signedContent uses `{id}`, but no id header is declared"),
    ])
    func unusableTemplates(template: String, reason: String) {
        #expect(throws: SignatureError.invalidScheme(reason)) {
            try SignatureVerifier(scheme: scheme(signedContent: template), secrets: ["s"])
        }
    }

    @Test func timestampPlaceholderNeedsATimestamp() {
        let noTimestamp = scheme(timestampHeader: nil, signedContent: "{timestamp}.{body}")
        #expect(
            throws: SignatureError.invalidScheme(
                "signedContent uses `{timestamp}`, but there is no timestamp header and the format carries none"
            )
        ) {
            try SignatureVerifier(scheme: noTimestamp, secrets: ["s"])
        }
        let toleranceOnly = scheme(timestampHeader: nil, signedContent: "{body}", tolerancePast: 300)
        #expect(
            throws: SignatureError.invalidScheme(
                "a timestamp tolerance is declared, but the scheme carries no timestamp"
            )
        ) {
            try SignatureVerifier(scheme: toleranceOnly, secrets: ["s"])
        }
    }

    @Test func bodyOnlySchemeWithoutTimestampVerifies() throws {
        // Not replay-protected, but declarable: the signature covers the raw body alone.
        let bodyOnly = scheme(timestampHeader: nil, signedContent: "{body}")
        let headers = try SignatureSigner(scheme: bodyOnly, secrets: ["s"]).sign(body: Array("{}".utf8), timestamp: 1)
        #expect(headers.map(\.name) == ["x-sig"])
        let verified = try SignatureVerifier(scheme: bodyOnly, secrets: ["s"]).verify(
            body: Array("{}".utf8),
            headers: headers)
        #expect(verified.timestamp == nil)
    }

    @Test func bracesThatAreNotPlaceholdersAreLiteral() throws {
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"s", b"{1}{:7.x}", hashlib.sha256).hexdigest())'
        // → d1eb7ef30bc853a0f43d76f456e7bba730fc3543cd2871ba84e0fe9a4dfcf9e9
        let literal = scheme(signedContent: "{1}{:{timestamp}.{body}}")
        let headers = try SignatureSigner(scheme: literal, secrets: ["s"]).sign(body: Array("x".utf8), timestamp: 7)
        #expect(headers.value(of: "x-sig") == "d1eb7ef30bc853a0f43d76f456e7bba730fc3543cd2871ba84e0fe9a4dfcf9e9")
    }

    @Test func unusableFormats() {
        #expect(throws: SignatureError.self) {
            try SignatureVerifier(
                scheme: scheme(
                    format: .keyValue(pairSeparator: ",", timestampKey: "v", signatureKey: "v"),
                    signedContent: "{body}"),
                secrets: ["s"]
            )
        }
        #expect(throws: SignatureError.self) {
            try SignatureVerifier(
                scheme: scheme(
                    format: .versionedList(entrySeparator: "", versionSeparator: ",", version: "v1"),
                    signedContent: "{body}"),
                secrets: ["s"]
            )
        }
        #expect(throws: SignatureError.invalidScheme("the past tolerance is negative (-1 s)")) {
            try SignatureVerifier(scheme: scheme(signedContent: "{timestamp}{body}", tolerancePast: -1), secrets: ["s"])
        }
    }

    @Test func plainFormatSignsWithOneSecretOnly() {
        #expect(
            throws: SignatureError.invalidScheme(
                "the plain format of `x-extend-request-signature` carries one signature; sign with one secret"
            )
        ) {
            try SignatureSigner(scheme: TestSchemes.extend, secrets: ["wss_a", "wss_b"])
        }
    }

    @Test func signingAnIdSchemeNeedsAnId() throws {
        let signer = try SignatureSigner(scheme: TestSchemes.standardWebhooks, secrets: ["whsec_c2VjcmV0"])
        #expect(throws: SignatureError.missingMessageID(header: "webhook-id")) {
            try signer.sign(body: Array("{}".utf8), timestamp: 1, id: nil)
        }
    }

    @Test func base64Secrets() throws {
        let standard = TestSchemes.standardWebhooks
        #expect(
            throws: SignatureError.invalidSecretEncoding(
                index: 0, reason: "the text after `whsec_` is not valid base64"
            )
        ) {
            try SignatureVerifier(scheme: standard, secrets: ["whsec_not base64!"])
        }
        #expect(throws: SignatureError.emptySecret(index: 0)) {
            try SignatureVerifier(scheme: standard, secrets: ["whsec_"])
        }
        // The prefix is optional, and missing `=` padding is tolerated: all three are the same key.
        let body = Array("{}".utf8)
        let headers = try SignatureSigner(scheme: standard, secrets: ["whsec_c2VjcmV0MQ=="])
            .sign(body: body, timestamp: 1_700_000_000, id: "msg_1")
        for secret in ["whsec_c2VjcmV0MQ==", "c2VjcmV0MQ==", "whsec_c2VjcmV0MQ"] {
            try SignatureVerifier(scheme: standard, secrets: [secret], clock: clock(1_700_000_000))
                .verify(body: body, headers: headers)
        }
    }
}

/// What a person reads when a delivery is rejected.
@Suite struct SignatureErrorMessageTests {
    @Test(arguments: [
        (SignatureError.missingHeader("X-Plextera-Signature"), "missing header `X-Plextera-Signature`"),
        (
            .malformedHeader("webhook-signature", reason: "no `v1,` signature"),
            "malformed header `webhook-signature`: no `v1,` signature"
        ),
        (
            .timestampTooOld(timestamp: 1_700_000_000, skew: 301, tolerance: 300),
            "timestamp 1700000000 is 301 s in the past; at most 300 s is accepted (a replayed or long-delayed "
                + "delivery, or a clock out of sync)"
        ),
        (
            .timestampTooNew(timestamp: 1_700_000_000, skew: 61, tolerance: 60),
            "timestamp 1700000000 is 61 s in the future; at most 60 s is accepted (a clock out of sync)"
        ),
        (
            .noMatchingSignature(signatures: 2, secrets: 1),
            "no signature matches: 2 signatures checked against 1 secret (a wrong secret, or the body or headers "
                + "changed after signing)"
        ),
        (.noSecrets, "no signing secret was given"),
        (.emptySecret(index: 1), "signing secret #2 is empty"),
        (
            .invalidSecretEncoding(index: 0, reason: "the text after `whsec_` is not valid base64"),
            "signing secret #1 cannot be used: the text after `whsec_` is not valid base64"
        ),
        (
            .missingMessageID(header: "webhook-id"),
            "the scheme signs a message id (header `webhook-id`), but none was given"
        ),
    ])
    func description(error: SignatureError, message: String) {
        #expect(error.description == message)
    }

    @Test func codesAreStable() {
        #expect(SignatureError.timestampTooOld(timestamp: 0, skew: 1, tolerance: 0).code == "timestamp_too_old")
        #expect(SignatureError.noMatchingSignature(signatures: 1, secrets: 1).code == "no_matching_signature")
        #expect(SignatureError.missingHeader("x").code == "missing_header")
    }
}
