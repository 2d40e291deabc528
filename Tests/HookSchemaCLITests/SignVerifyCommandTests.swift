import Foundation
import Testing

/// `hookschema sign` and `hookschema verify`, end to end through the built binary.
@Suite struct SignVerifyCommandTests {
    static let body = #"{"eventId":"evt_1","eventType":"extract_run.processed"}"#
    static let environment = ["H5_TEST_SECRET": "wss_h5TestSecret", "H5_OTHER_SECRET": "wss_other"]

    /// A temporary folder with `body.json` in it.
    func folder(body: String = body) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        try Data(body.utf8).write(to: directory.appendingPathComponent("body.json"))
        return directory
    }

    func sign(_ provider: String, in directory: URL, extra: [String] = []) throws -> [String] {
        let result = try CLIRunner.run(
            ["sign", "--provider", provider, "--secret-env", "H5_TEST_SECRET"] + extra
                + [directory.appendingPathComponent("body.json").path],
            environment: Self.environment
        )
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func verify(_ provider: String, headers: [String], in directory: URL, secret: [String]? = nil) throws
        -> CLIRunner.Result
    {
        try CLIRunner.run(
            ["verify", "--provider", provider] + (secret ?? ["--secret-env", "H5_TEST_SECRET"])
                + headers.flatMap { ["--header", $0] } + [directory.appendingPathComponent("body.json").path],
            environment: Self.environment
        )
    }

    @Test(arguments: ["extend", "plextera"]) func signThenVerifyRoundTrip(provider: String) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let headers = try sign(provider, in: directory)
        #expect(headers.count == (provider == "extend" ? 2 : 1))
        let result = try verify(provider, headers: headers, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK: signature valid (timestamp "))
    }

    @Test(arguments: ["extend", "plextera"]) func tamperedBodyFails(provider: String) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let headers = try sign(provider, in: directory)
        try Data((Self.body + " ").utf8).write(to: directory.appendingPathComponent("body.json"))
        let result = try verify(provider, headers: headers, in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("signature rejected: no signature matches"))
    }

    // python3 -c 'import hmac,hashlib;print(hmac.new(b"wss_h5TestSecret", b"v0:1700000000:{\"eventId\":\"evt_1\",\"eventType\":\"extract_run.processed\"}", hashlib.sha256).hexdigest())'
    @Test func signPrintsTheIndependentlyComputedExtendSignature() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let headers = try sign("extend", in: directory, extra: ["--timestamp", "1700000000"])
        #expect(
            headers == [
                "x-extend-request-timestamp: 1700000000",
                "x-extend-request-signature: 5664e1e7b4df0987a922495ec63bcba98b78c50e9db27912ff06ba464b979513",
            ])
    }

    @Test func oldTimestampFailsWithTheSkew() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let headers = try sign("plextera", in: directory, extra: ["--timestamp", "1000000000"])
        let result = try verify("plextera", headers: headers, in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("timestamp 1000000000 is "))
        #expect(result.stderr.contains("s in the past; at most 300 s is accepted"))
    }

    @Test func secretFileWithTwoSecretsVerifiesDuringRotation() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secrets = directory.appendingPathComponent("secrets")
        try Data("wss_other\n\nwss_h5TestSecret\n".utf8).write(to: secrets)
        let headers = try sign("plextera", in: directory)
        let result = try verify("plextera", headers: headers, in: directory, secret: ["--secret-file", secrets.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("secret 2 of 2"))
        let wrong = try verify(
            "plextera", headers: headers, in: directory, secret: ["--secret-env", "H5_OTHER_SECRET"])
        #expect(wrong.status == 1)
    }

    @Test func missingSecretIsAUsageError() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unset = try verify("extend", headers: [], in: directory, secret: ["--secret-env", "H5_NO_SUCH_VARIABLE"])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("environment variable `H5_NO_SUCH_VARIABLE` (--secret-env) is not set"))
        let none = try verify("extend", headers: [], in: directory, secret: [])
        #expect(none.status == 2)
        #expect(none.stderr.contains("--secret-env VAR or --secret-file PATH"))
        let noFile = try verify("extend", headers: [], in: directory, secret: ["--secret-file", "/no/such/file"])
        #expect(noFile.status == 2)
    }

    @Test func missingHeaderAndBadArgumentsAreReported() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try verify("extend", headers: ["x-extend-request-timestamp: 1700000000"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing header `x-extend-request-signature`"))
        let badHeader = try verify("extend", headers: ["no colon"], in: directory)
        #expect(badHeader.status == 2)
        let unknown = try verify("nosuchprovider", headers: [], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown provider `nosuchprovider`"))
        let noBody = try CLIRunner.run(
            ["verify", "--provider", "extend", "--secret-env", "H5_TEST_SECRET", "/no/such/body.json"],
            environment: Self.environment
        )
        #expect(noBody.status == 2)
    }

    /// A provider declared only in YAML (Standard Webhooks) signs its published vector through the CLI.
    @Test func providerDeclaredInYAMLOnly() throws {
        let directory = try folder(body: #"{"test": 2432232314}"#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let provider = directory.appendingPathComponent("schemas/svix")
        try FileManager.default.createDirectory(at: provider, withIntermediateDirectories: true)
        try Data(
            """
            provider: svix
            envelope:
              discriminator: type
              fields:
                type: { type: string, required: true }
            signature:
              header: webhook-signature
              format: { style: versioned-list, separator: " ", versionSeparator: ",", version: v1 }
              timestampHeader: webhook-timestamp
              idHeader: webhook-id
              signedContent: "{id}.{timestamp}.{body}"
              encoding: base64
              secret: { encoding: base64, prefix: whsec_ }
              tolerance: { past: 300, future: 300 }
            """.utf8
        ).write(to: provider.appendingPathComponent("provider.yaml"))
        try Data("event: message.sent\nfields:\n  data: { type: any }\n".utf8)
            .write(to: provider.appendingPathComponent("message.sent.yaml"))
        let result = try CLIRunner.run(
            [
                "sign", "--provider", "svix", "--schemas", directory.appendingPathComponent("schemas").path,
                "--secret-env", "SVIX_SECRET", "--timestamp", "1614265330", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                directory.appendingPathComponent("body.json").path,
            ],
            environment: ["SVIX_SECRET": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek
                webhook-timestamp: 1614265330
                webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=

                """)
    }

    // MARK: check --secret-env

    /// The documented test secrets the example deliveries in Examples/payloads/*/deliveries are signed with.
    static let exampleSecrets = [
        "EXAMPLE_EXTEND_SECRET": "wss_hookschema_example_secret",
        "EXAMPLE_PLEXTERA_SECRET": "plextera_hookschema_example_secret",
    ]
    static let deliveries = ["Examples/payloads/extend/deliveries", "Examples/payloads/plextera/deliveries"]

    @Test func checkVerifiesTheExampleDeliveries() throws {
        // Signed months ago: check does not hold captured deliveries to the timestamp tolerance.
        let result = try CLIRunner.run(
            [
                "check", "--secret-env", "extend=EXAMPLE_EXTEND_SECRET", "--secret-env",
                "plextera=EXAMPLE_PLEXTERA_SECRET",
            ]
                + Self.deliveries,
            environment: Self.exampleSecrets
        )
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 payloads: 2 pass, 0 drift, 0 fail"))
    }

    @Test func checkReportsAWrongSecretAsSignatureInvalid() throws {
        // One secret for every provider: right for Extend, wrong for Plextera.
        let result = try CLIRunner.run(
            ["check", "--format", "json", "--secret-env", "EXAMPLE_EXTEND_SECRET"] + Self.deliveries,
            environment: Self.exampleSecrets
        )
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""payloads": 2, "pass": 1, "drift": 0, "fail": 1"#))
        #expect(
            result.stdout.contains(
                #"{"kind": "signature_invalid", "severity": "error", "#
                    + #""path": "/headers/X-Plextera-Signature", "message": "the plextera signature does not verify: "#
                    + #"no signature matches"#))
    }

    @Test func checkReportsATamperedCapturedDelivery() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = CLIRunner.packageRoot.appendingPathComponent(
            "Examples/payloads/extend/deliveries/extract_run.processed.delivery.json")
        let original = try String(contentsOf: source, encoding: .utf8)
        let tampered = original.replacingOccurrences(of: #"\"credits\": 4"#, with: #"\"credits\": 40"#)
        #expect(tampered != original)
        try Data(tampered.utf8).write(to: directory.appendingPathComponent("tampered.delivery.json"))
        let result = try CLIRunner.run(
            ["check", "--secret-env", "extend=EXAMPLE_EXTEND_SECRET", directory.path],
            environment: Self.exampleSecrets
        )
        #expect(result.status == 1)
        #expect(result.stdout.contains("/headers/x-extend-request-signature: the extend signature does not verify"))
        // Without --secret-env the same delivery passes: only its schema and headers are checked.
        let unsigned = try CLIRunner.run(["check", directory.path])
        #expect(unsigned.status == 0, "\(unsigned.stdout)\(unsigned.stderr)")
    }

    @Test func checkSecretUsageErrors() throws {
        let unset = try CLIRunner.run(["check", "--secret-env", "H5_NO_SUCH_VARIABLE"] + Self.deliveries)
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("environment variable `H5_NO_SUCH_VARIABLE` (--secret-env) is not set"))
        let unknown = try CLIRunner.run(
            ["check", "--secret-env", "stripe=EXAMPLE_EXTEND_SECRET"] + Self.deliveries,
            environment: Self.exampleSecrets
        )
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown provider `stripe`"))
    }
}
