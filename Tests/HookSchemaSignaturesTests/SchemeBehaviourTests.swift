import Foundation
import HookSchemaModel
import HookSchemaSignatures
import Testing

/// The same checks for every scheme: sign with `SignatureSigner`, then verify with `SignatureVerifier`.
@Suite struct SchemeBehaviourTests {
    static let now: Int64 = 1_700_000_000
    static let body = Array(#"{"eventId":"evt_1","eventType":"thing.happened","data":{"n":1}}"#.utf8)

    func sign(_ testCase: SchemeCase, secrets: [String]? = nil, timestamp: Int64 = now, body: [UInt8] = body) throws
        -> [(name: String, value: String)]
    {
        let signer = try SignatureSigner(scheme: testCase.scheme, secrets: secrets ?? [testCase.secret])
        return try signer.sign(body: body, timestamp: timestamp, id: "msg_2Lh3bq0vM0xQ")
    }

    func verifier(_ testCase: SchemeCase, secrets: [String]? = nil, now: Int64 = now) throws -> SignatureVerifier {
        try SignatureVerifier(scheme: testCase.scheme, secrets: secrets ?? [testCase.secret], clock: clock(now))
    }

    @Test(arguments: SchemeCase.all) func validDeliveryVerifies(_ testCase: SchemeCase) throws {
        let verified = try verifier(testCase).verify(body: Self.body, headers: try sign(testCase))
        #expect(verified.timestamp == Self.now)
        #expect(verified.secretIndex == 0)
        #expect(verified.id == (testCase.scheme.idHeader == nil ? nil : "msg_2Lh3bq0vM0xQ"))
    }

    @Test(arguments: SchemeCase.all) func headerNamesMatchInAnyCase(_ testCase: SchemeCase) throws {
        let headers = try sign(testCase).map { (name: $0.name.uppercased(), value: $0.value) }
        try verifier(testCase).verify(body: Self.body, headers: headers)
    }

    @Test(arguments: SchemeCase.all) func tamperedBodyIsRejected(_ testCase: SchemeCase) throws {
        let headers = try sign(testCase)
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "2")  // "n":1 → "n":2
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier(testCase).verify(body: tampered, headers: headers)
        }
        // Whitespace counts too: the raw bytes are signed, not the JSON value.
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier(testCase).verify(body: Self.body + [UInt8(ascii: "\n")], headers: headers)
        }
    }

    @Test(arguments: SchemeCase.all) func wrongSecretIsRejected(_ testCase: SchemeCase) throws {
        let headers = try sign(testCase)
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier(testCase, secrets: [testCase.otherSecret]).verify(body: Self.body, headers: headers)
        }
    }

    @Test(arguments: SchemeCase.all) func changedTimestampIsRejected(_ testCase: SchemeCase) throws {
        // Moving the timestamp forward (to get inside the tolerance) breaks the signature.
        let old = Self.now - 1_000
        let signed = try sign(testCase, timestamp: old)
        let header = testCase.scheme.timestampHeader ?? testCase.scheme.signatureHeader
        let value = try #require(signed.value(of: header))
        let moved = value.replacingOccurrences(of: String(old), with: String(Self.now))
        #expect(moved != value)
        #expect(throws: SignatureError.noMatchingSignature(signatures: 1, secrets: 1)) {
            try verifier(testCase).verify(body: Self.body, headers: signed.replacing(header, with: moved))
        }
    }

    @Test(arguments: SchemeCase.all) func timestampToleranceEdges(_ testCase: SchemeCase) throws {
        let scheme = testCase.scheme
        let headers = try sign(testCase)
        if let past = scheme.tolerancePast {
            // Exactly at the edge: accepted. One second past it: rejected, with the skew and the tolerance.
            try verifier(testCase, now: Self.now + Int64(past)).verify(body: Self.body, headers: headers)
            #expect(
                throws: SignatureError.timestampTooOld(timestamp: Self.now, skew: Int64(past) + 1, tolerance: past)
            ) {
                try verifier(testCase, now: Self.now + Int64(past) + 1).verify(body: Self.body, headers: headers)
            }
        }
        if let future = scheme.toleranceFuture {
            try verifier(testCase, now: Self.now - Int64(future)).verify(body: Self.body, headers: headers)
            #expect(
                throws: SignatureError.timestampTooNew(timestamp: Self.now, skew: Int64(future) + 1, tolerance: future)
            ) {
                try verifier(testCase, now: Self.now - Int64(future) - 1).verify(body: Self.body, headers: headers)
            }
        } else {
            // No future tolerance declared (Stripe, Plextera): a timestamp a day ahead is not rejected.
            try verifier(testCase, now: Self.now - 86_400).verify(body: Self.body, headers: headers)
        }
    }

    @Test(arguments: SchemeCase.all) func rotationWithTwoSecretsAtTheReceiver(_ testCase: SchemeCase) throws {
        // The sender still signs with the old secret; the receiver knows the new one first, then the old one.
        let headers = try sign(testCase, secrets: [testCase.otherSecret])
        let verified = try verifier(testCase, secrets: [testCase.secret, testCase.otherSecret])
            .verify(body: Self.body, headers: headers)
        #expect(verified.secretIndex == 1)
    }

    @Test(arguments: SchemeCase.lists) func rotationWithTwoSignaturesInTheHeader(_ testCase: SchemeCase) throws {
        // The sender signs with both the old and the new secret; a receiver with either one accepts.
        let headers = try sign(testCase, secrets: [testCase.otherSecret, testCase.secret])
        let verified = try verifier(testCase).verify(body: Self.body, headers: headers)
        #expect(verified.signatureIndex == 1)
        let withOld = try verifier(testCase, secrets: [testCase.otherSecret]).verify(body: Self.body, headers: headers)
        #expect(withOld.signatureIndex == 0)
        #expect(throws: SignatureError.noMatchingSignature(signatures: 2, secrets: 1)) {
            try verifier(testCase, secrets: ["whsec_dW5yZWxhdGVkIHNlY3JldCBrZXkh"])
                .verify(body: Self.body, headers: headers)
        }
    }

    @Test(arguments: SchemeCase.all) func missingHeadersAreNamed(_ testCase: SchemeCase) throws {
        let scheme = testCase.scheme
        let headers = try sign(testCase)
        for name in [scheme.signatureHeader, scheme.timestampHeader, scheme.idHeader].compactMap({ $0 }) {
            #expect(throws: SignatureError.missingHeader(name)) {
                try verifier(testCase).verify(body: Self.body, headers: headers.removing(name))
            }
        }
    }

    @Test(arguments: SchemeCase.all) func emptyAndMissingSecretsAreRejected(_ testCase: SchemeCase) {
        #expect(throws: SignatureError.emptySecret(index: 1)) {
            try SignatureVerifier(scheme: testCase.scheme, secrets: [testCase.secret, ""])
        }
        #expect(throws: SignatureError.noSecrets) {
            try SignatureVerifier(scheme: testCase.scheme, secrets: [])
        }
        #expect(throws: SignatureError.emptySecret(index: 0)) {
            try SignatureSigner(scheme: testCase.scheme, secrets: [""])
        }
    }

    @Test(arguments: SchemeCase.all) func malformedTimestampIsRejected(_ testCase: SchemeCase) throws {
        let scheme = testCase.scheme
        let headers = try sign(testCase)
        let header = scheme.timestampHeader ?? scheme.signatureHeader
        let value = try #require(headers.value(of: header))
        for bad in ["17e8", "-1700000000", "1700000000.5", " ", "99999999999999999999999"] {
            let badValue =
                scheme.timestampHeader == nil
                ? value.replacingOccurrences(of: "t=\(Self.now)", with: "t=\(bad)") : bad
            let error = #expect(throws: SignatureError.self) {
                try verifier(testCase).verify(body: Self.body, headers: headers.replacing(header, with: badValue))
            }
            guard case .malformedHeader(let name, _) = error else {
                Issue.record("`\(bad)`: expected malformedHeader, got \(String(describing: error))")
                continue
            }
            #expect(name == header)
        }
    }
}
