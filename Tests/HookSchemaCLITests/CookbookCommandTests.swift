import Foundation
import Testing

/// `check`, `sign` and `verify` on the provider cookbook (Examples/providers), end to end on the built binary: the
/// header-named events of GitHub, `--event` for bare bodies, and signatures of every cookbook scheme.
@Suite struct CookbookCommandTests {
    let schemas = ["--schemas", "Examples/providers"]
    let githubDelivery = "Examples/providers/github/deliveries/issues.opened.delivery.json"

    /// The body of a captured delivery, written to a temporary file.
    func bareBody(of delivery: String) throws -> URL {
        let data = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(delivery))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let body = try #require(object["body"] as? String)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: url)
        return url
    }

    @Test func everyCookbookDeliveryChecksWithItsSignature() throws {
        let secrets = [
            "GITHUB": "It's a Secret to Everybody", "STRIPE": "whsec_fc655230ef00605665984a524bd731a3",
            "SLACK": "cd450fac21b9befdfbadd08c8971b43e", "SHOPIFY": "hookschema_example_shopify_client_secret",
            "SW": "whsec_PRKn+N5WaeW5XxZKYT2aiSjzFPfGuV3M", "SWV1A": "whpk_/Gh5K4Ma0YzNaRJ3HkmVU0Cy3AoxK4kzOnoiDhWCFAE=",
            "SVIX": "whsec_X0NXF3CqPEUTcXmmh/Jn2iT7rsmI7WcZ",
            "PADDLE": "pdl_ntfset_01hkschm0example0000000000000_TESTONLYhookschemaExampleKey",
            "DISCORD": "34aca56e374b9b22e363cfa29c645cf10bf9c5559dada06e0ca4a9dab5ba8aa7",
        ]
        let flags = [
            ("github", "GITHUB"), ("stripe", "STRIPE"), ("slack", "SLACK"), ("shopify", "SHOPIFY"),
            ("standardwebhooks", "SW"), ("standardwebhooksv1a", "SWV1A"), ("svix", "SVIX"), ("paddle", "PADDLE"),
            ("discord", "DISCORD"),
        ].flatMap { ["--secret-env", "\($0.0)=\($0.1)"] }
        let result = try CLIRunner.run(
            ["check"] + schemas + flags + ["--strict", "--format", "json", "Examples/providers"], environment: secrets)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(#""summary": {"payloads": 13, "pass": 13, "drift": 0, "fail": 0}"#))
        #expect(result.stdout.contains(#""provider": "github", "event": "issues.opened", "dedupeKey": "#))
        // A wrong secret for one provider fails its deliveries, with the reason at the signature header.
        var wrong = secrets
        wrong["GITHUB"] = "not the secret"
        let failing = try CLIRunner.run(
            ["check"] + schemas + ["--secret-env", "github=GITHUB", "Examples/providers/github"], environment: wrong)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("error: /headers/X-Hub-Signature-256: the github signature does not verify"))
    }

    @Test func aGitHubBodyWithoutItsHeadersNeedsEvent() throws {
        let captured = try CLIRunner.run(["check"] + schemas + [githubDelivery])
        #expect(captured.status == 0, "\(captured.stdout)")
        let body = try bareBody(of: githubDelivery)
        defer { try? FileManager.default.removeItem(at: body) }
        let bare = try CLIRunner.run(["check"] + schemas + [body.path])
        #expect(bare.status == 1)
        #expect(
            bare.stdout.contains(
                "error: /headers/X-GitHub-Event: github names the event in the header X-GitHub-Event; the body alone "
                    + "does not say which event it is"))
        #expect(bare.stdout.hasSuffix("1 payload: 0 pass, 0 drift, 1 fail\n"))
        let named = try CLIRunner.run(["check"] + schemas + ["--event", "issues", "--format", "json", body.path])
        #expect(named.status == 0, "\(named.stdout)")
        #expect(named.stdout.contains(#""provider": "github", "event": "issues.opened", "verdict": "pass""#))
        let unknown = try CLIRunner.run(["check"] + schemas + ["--event", "deployment", body.path])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("error: unknown_event") || unknown.stdout.contains("is not a known github"))
    }

    @Test func checkHelpDocumentsEvent() throws {
        let help = try CLIRunner.run(["check", "--help"])
        #expect(help.stdout.contains("--event <type>"))
        #expect(help.stdout.contains("X-GitHub-Event"))
    }

    /// A delivery carrying the signature of a provider whose secret was given is verified by it, even when its
    /// body was matched to another provider that describes the same event type.
    @Test func aSignatureForWhichASecretWasGivenIsNeverSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = CLIRunner.packageRoot.appendingPathComponent("Examples/providers")
        for provider in ["standardwebhooks", "standardwebhooksv1a"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(provider), withIntermediateDirectories: true)
            // Each provider's own provider.yaml, and both with Standard Webhooks' contact.created event.
            for source in ["\(provider)/provider.yaml", "standardwebhooks/contact.created.yaml"] {
                let name = source.split(separator: "/").last.map(String.init) ?? source
                try FileManager.default.copyItem(
                    at: root.appendingPathComponent(source), to: folder.appendingPathComponent("\(provider)/\(name)"))
            }
        }
        // A v1a delivery whose body is changed to a contact.created event: matched to `standardwebhooks` first.
        let original = try Data(contentsOf: root.appendingPathComponent(
            "standardwebhooksv1a/deliveries/invoice.paid.delivery.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        object["body"] = (object["body"] as? String)?.replacingOccurrences(of: "invoice.paid", with: "contact.created")
        let delivery = folder.appendingPathComponent("tampered.delivery.json")
        try JSONSerialization.data(withJSONObject: object).write(to: delivery)
        let result = try CLIRunner.run(
            ["check", "--schemas", folder.path, "--secret-env", "standardwebhooksv1a=KEY", delivery.path],
            environment: ["KEY": "whpk_/Gh5K4Ma0YzNaRJ3HkmVU0Cy3AoxK4kzOnoiDhWCFAE="])
        #expect(result.status == 1)
        #expect(result.stdout.contains("the standardwebhooksv1a signature does not verify"), "\(result.stdout)")
    }

    @Test func signAndVerifyAnEd25519Scheme() throws {
        let body = try bareBody(of: "Examples/providers/discord/deliveries/ping.delivery.json")
        defer { try? FileManager.default.removeItem(at: body) }
        let keys = [
            "PRIVATE": "939d20db6209348be49f810a0968eca34b12431a09f524862c84f2d16ceae5e5",
            "PUBLIC": "34aca56e374b9b22e363cfa29c645cf10bf9c5559dada06e0ca4a9dab5ba8aa7",
        ]
        let signed = try CLIRunner.run(
            ["sign"] + schemas + ["--provider", "discord", "--secret-env", "PRIVATE", body.path], environment: keys)
        #expect(signed.status == 0, "\(signed.stderr)")
        let headers = signed.stdout.split(separator: "\n").flatMap { ["--header", String($0)] }
        #expect(headers.count == 4)
        let verified = try CLIRunner.run(
            ["verify"] + schemas + ["--provider", "discord", "--secret-env", "PUBLIC"] + headers + [body.path],
            environment: keys)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        // The private key where the public one belongs verifies nothing.
        let swapped = try CLIRunner.run(
            ["verify"] + schemas + ["--provider", "discord", "--secret-env", "PRIVATE"] + headers + [body.path],
            environment: keys)
        #expect(swapped.status == 1)
    }
}
