import HookSchemaLoader
import HookSchemaModel
import Testing

/// `signature:` blocks: the schemes in use load into `SignatureScheme`, and mistakes are reported.
@Suite struct SignatureLoadingTests {
    static func load(_ signature: String) -> LoadResult {
        Fixture.provider(minimalProvider + "\nsignature:\n" + signature).load()
    }

    @Test func extendStyleSeparateHeaders() {
        let result = Self.load(
            """
              header: x-extend-request-signature
              format: plain
              timestampHeader: x-extend-request-timestamp
              signedContent: "v0:{timestamp}:{body}"
              encoding: hex
              secret: utf8
              tolerance: { past: 300, future: 60 }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(
            result.schemaSet?.providers.first?.signature
                == SignatureScheme(
                    signatureHeader: "x-extend-request-signature",
                    format: .plain,
                    timestampHeader: "x-extend-request-timestamp",
                    signedContent: "v0:{timestamp}:{body}",
                    encoding: .hex,
                    secret: .utf8,
                    tolerancePast: 300,
                    toleranceFuture: 60
                )
        )
    }

    @Test func standardWebhooks() {
        let result = Self.load(
            """
              algorithm: hmac-sha256
              header: webhook-signature
              format: { style: versioned-list, separator: " ", versionSeparator: ",", version: v1 }
              timestampHeader: webhook-timestamp
              idHeader: webhook-id
              signedContent: "{id}.{timestamp}.{body}"
              encoding: base64
              secret: { encoding: base64, prefix: whsec_ }
              tolerance: { past: 300, future: 300 }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(
            result.schemaSet?.providers.first?.signature
                == SignatureScheme(
                    signatureHeader: "webhook-signature",
                    format: .versionedList(entrySeparator: " ", versionSeparator: ",", version: "v1"),
                    timestampHeader: "webhook-timestamp",
                    idHeader: "webhook-id",
                    signedContent: "{id}.{timestamp}.{body}",
                    encoding: .base64,
                    secret: .base64(prefix: "whsec_"),
                    tolerancePast: 300,
                    toleranceFuture: 300
                )
        )
    }

    @Test func signatureMistakesAreReported() {
        expectErrors(
            .provider(
                minimalProvider + """

                    signature:
                      1️⃣algorithm: 2️⃣hmac-md5
                      format: { style: 3️⃣key-values, separator: "," }
                      signedContent: 4️⃣"{id}.{timestamp}.{bod}"
                      encoding: 5️⃣hexa
                      secret: 6️⃣latin1
                      tolerance: { past: 7️⃣-5 }
                    """),
            [
                ExpectedError("1️⃣", "`signature` is missing `header`"),
                ExpectedError("2️⃣", "unknown signature algorithm `hmac-md5` (supported: hmac-sha256, hmac-sha1, hmac-sha512, ed25519)"),
                ExpectedError(
                    "3️⃣",
                    "unknown signature format style `key-values`; did you mean `key-value`? (known: plain, key-value, "
                        + "versioned-list)"
                ),
                ExpectedError("4️⃣", "`signedContent` must include {body}, the raw request body"),
                ExpectedError("4️⃣", "`signedContent` uses {id}, but there is no `idHeader`"),
                ExpectedError("4️⃣", "unknown placeholder {bod} in `signedContent` (known: {id}, {timestamp}, {body})"),
                ExpectedError("5️⃣", "unknown signature encoding `hexa`; did you mean `hex`? (known: hex, base64)"),
                ExpectedError("6️⃣", "unknown secret encoding `latin1` (known: utf8, base64, hex)"),
                ExpectedError("7️⃣", "`past` must be a non-negative integer, not the integer -5"),
            ]
        )
    }

    @Test func keyValueFormatsNeedTheirKeys() {
        expectErrors(
            .provider(
                minimalProvider + """

                    signature:
                      header: X-Signature
                      format: 1️⃣{ style: key-value, timestamp: t, 2️⃣sig: v1 }
                      signedContent: "{timestamp}.{body}"
                      encoding: hex
                      secret: { encoding: utf8, 3️⃣prefix: whsec_ }
                    """),
            [
                ExpectedError("1️⃣", "a key-value `format` is missing `separator`"),
                ExpectedError("1️⃣", "a key-value `format` is missing `signature`"),
                ExpectedError("2️⃣", "unknown key `sig` in a key-value `format`"),
                ExpectedError("3️⃣", "`prefix` applies only to a base64 secret"),
            ]
        )
    }
}
