import HookSchemaModel
import HookSchemaSignatures
import Testing

/// Headers that cannot be read are rejected as malformed, naming the header and what is wrong with it.
@Suite struct MalformedHeaderTests {
    static let now: Int64 = 1_700_000_000
    static let body = Array(#"{"a":1}"#.utf8)
    static let hex64 = String(repeating: "ab", count: 32)

    func reason(_ scheme: SignatureScheme, _ headers: [String: String], secret: String = "s3cret")
        throws -> String?
    {
        let verifier = try SignatureVerifier(scheme: scheme, secrets: [secret], clock: clock(Self.now))
        let error = #expect(throws: SignatureError.self) { try verifier.verify(body: Self.body, headers: headers) }
        guard case .malformedHeader(_, let reason) = error else {
            Issue.record("expected malformedHeader, got \(String(describing: error))")
            return nil
        }
        return reason
    }

    @Test(arguments: [
        ("", "the value is empty"),
        ("v1=\(hex64)", "no `t=` timestamp"),
        ("t=1700000000", "no `v1=` signature"),
        ("t=1700000000,v0=\(hex64)", "no `v1=` signature"),
        ("t=1700000000;v1=\(hex64)", "no `v1=` signature"),  // the wrong separator: one pair, `t`
        ("t=1700000000,garbage,v1=\(hex64)", "`garbage` is not a `key=value` pair"),
        ("t=1700000000,t=1700000001,v1=\(hex64)", "more than one `t=` entry"),
        ("t=1700000000,v1=", "the `v1` signature is empty"),
        ("t=1700000000,v1=xyz", "the `v1` signature `xyz` is not hex"),
        ("t=1700000000,v1=abc", "the `v1` signature `abc` is not hex"),
        ("t=1700000000,v1=abcd", "the `v1` signature is 2 bytes long; an HMAC-SHA256 signature has 32"),
        ("t=abc,v1=\(hex64)", "timestamp `abc` is not a unix time in seconds"),
    ])
    func keyValueHeaders(value: String, expected: String) throws {
        let reason = try reason(TestSchemes.plextera, ["X-Plextera-Signature": value])
        #expect(reason == expected)
    }

    @Test(arguments: [
        ("v1", "`v1` is not `<version>,<signature>`"),
        ("v1a,abc v2,abc", "no `v1,` signature"),
        ("v1,", "the `v1` signature is empty"),
        ("v1,not*base64", "the `v1` signature `not*base64` is not base64"),
        ("v1,AAAA", "the `v1` signature is 3 bytes long; an HMAC-SHA256 signature has 32"),
    ])
    func versionedListHeaders(value: String, expected: String) throws {
        let headers = ["webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": value]
        #expect(try reason(TestSchemes.standardWebhooks, headers, secret: "whsec_c2VjcmV0") == expected)
    }

    @Test func versionedListIgnoresOtherVersionsAndExtraSpaces() throws {
        let signer = try SignatureSigner(scheme: TestSchemes.standardWebhooks, secrets: ["whsec_c2VjcmV0"])
        let headers = try signer.sign(body: Self.body, timestamp: Self.now, id: "msg_1")
        let signature = try #require(headers.value(of: "webhook-signature"))
        // An ed25519 `v1a` entry (not checked) before ours, and doubled spaces between entries.
        let ed25519 = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="
        let withOthers = ed25519 + "  " + signature
        let verifier = try SignatureVerifier(
            scheme: TestSchemes.standardWebhooks, secrets: ["whsec_c2VjcmV0"],
            clock: clock(Self.now))
        try verifier.verify(body: Self.body, headers: headers.replacing("webhook-signature", with: withOthers))
    }

    @Test(arguments: [
        ("", "the value is empty"),
        ("zz", "the signature `zz` is not hex"),
        ("\(hex64) \(hex64)", "the signature `\(hex64.prefix(20))…` is not hex"),
        (String(hex64.dropLast(2)), "the signature is 31 bytes long; an HMAC-SHA256 signature has 32"),
    ])
    func plainHeaders(value: String, expected: String) throws {
        let headers = ["x-extend-request-timestamp": "1700000000", "x-extend-request-signature": value]
        #expect(try reason(TestSchemes.extend, headers) == expected)
    }

    @Test func headerSentTwiceWithDifferentValuesIsAmbiguous() throws {
        let verifier = try SignatureVerifier(scheme: TestSchemes.extend, secrets: ["s3cret"], clock: clock(Self.now))
        let headers: [(name: String, value: String)] = [
            ("x-extend-request-timestamp", "1700000000"),
            ("X-Extend-Request-Timestamp", "1700000001"),
            ("x-extend-request-signature", Self.hex64),
        ]
        #expect(
            throws: SignatureError.malformedHeader(
                "x-extend-request-timestamp",
                reason: "sent 2 times with different values")
        ) {
            try verifier.verify(body: Self.body, headers: headers)
        }
    }

    @Test func surroundingWhitespaceInValuesIsIgnored() throws {
        let signer = try SignatureSigner(scheme: TestSchemes.plextera, secrets: ["s3cret"])
        let signed = try signer.sign(body: Self.body, timestamp: Self.now)
        let value = try #require(signed.value(of: "X-Plextera-Signature"))
        let spaced = "  " + value.replacingOccurrences(of: ",", with: ", ") + " \r\n"
        let verifier = try SignatureVerifier(scheme: TestSchemes.plextera, secrets: ["s3cret"], clock: clock(Self.now))
        try verifier.verify(body: Self.body, headers: ["X-Plextera-Signature": spaced])
    }
}
