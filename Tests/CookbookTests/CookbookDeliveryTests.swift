import DiscordWebhooks
import Foundation
import GitHubWebhooks
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaSignatures
import HookSchemaValidation
import PaddleWebhooks
import ShopifyWebhooks
import SlackWebhooks
import StandardWebhooksV1aWebhooks
import StandardWebhooksWebhooks
import StripeWebhooks
import SvixWebhooks
import Testing

/// The cookbook's providers, compiled from Examples/Cookbook/Generated: every example delivery of
/// Examples/providers/<name>/deliveries (signed by the providers' own libraries, Tests/Cookbook/make_deliveries.py)
/// decodes in one pass to the event its headers and body name, with no error finding, to the value `JSONDecoder`
/// gives, and its signature verifies with the provider's test secret (Examples/providers/README.md).
@Suite struct CookbookDeliveryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var folder: String
        /// The secret, or for Ed25519 the public key, the examples were signed with.
        var secret: String
        var check: @Sendable (Delivery) throws -> Outcome
        var testDescription: String { folder }
    }

    struct Delivery: Sendable {
        var file: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Outcome {
        var report: DriftReport
        var eventType: String?
        var matchesJSONDecoder: Bool
        var scheme: SignatureScheme?
    }

    static func decode<Event: WebhookEventUnion>(_ type: Event.Type) -> @Sendable (Delivery) throws -> Outcome {
        { delivery in
            let (value, report) = Event.decode(validating: delivery.body, headers: delivery.headers)
            let headerValue = Event.eventHeader.flatMap { delivery.header($0) }
            let decoded = try Event(jsonData: Data(delivery.body), eventType: headerValue)
            return Outcome(
                report: report, eventType: value?.eventType, matchesJSONDecoder: value == decoded,
                scheme: Event.provider.signature)
        }
    }

    static let cases = [
        Case(
            folder: "discord", secret: "34aca56e374b9b22e363cfa29c645cf10bf9c5559dada06e0ca4a9dab5ba8aa7",
            check: decode(DiscordEvent.self)),
        Case(folder: "github", secret: "It's a Secret to Everybody", check: decode(GitHubEvent.self)),
        Case(
            folder: "paddle", secret: "pdl_ntfset_01hkschm0example0000000000000_TESTONLYhookschemaExampleKey",
            check: decode(PaddleEvent.self)),
        Case(folder: "shopify", secret: "hookschema_example_shopify_client_secret", check: decode(ShopifyEvent.self)),
        Case(folder: "slack", secret: "cd450fac21b9befdfbadd08c8971b43e", check: decode(SlackEvent.self)),
        Case(
            folder: "standardwebhooks", secret: "whsec_PRKn+N5WaeW5XxZKYT2aiSjzFPfGuV3M",
            check: decode(StandardWebhooksEvent.self)),
        Case(
            folder: "standardwebhooksv1a", secret: "whpk_/Gh5K4Ma0YzNaRJ3HkmVU0Cy3AoxK4kzOnoiDhWCFAE=",
            check: decode(StandardWebhooksV1aEvent.self)),
        Case(folder: "stripe", secret: "whsec_fc655230ef00605665984a524bd731a3", check: decode(StripeEvent.self)),
        Case(folder: "svix", secret: "whsec_X0NXF3CqPEUTcXmmh/Jn2iT7rsmI7WcZ", check: decode(SvixEvent.self)),
    ]

    /// A secret of the scheme's form that is not the one the examples were signed with.
    static func wrongSecret(_ scheme: SignatureScheme) -> String {
        switch scheme.secret {
        case .utf8: return "a wrong secret"
        case .hex: return String(repeating: "ab", count: 32)
        case .base64(let prefix):
            let key = scheme.algorithm.isAsymmetric
                ? "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=" : "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA=="
            return (prefix ?? "") + key
        }
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

    static func deliveries(of folder: String) throws -> [Delivery] {
        let directory = packageRoot.appendingPathComponent("Examples/providers/\(folder)/deliveries")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".delivery.json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let headers = try #require(object["headers"] as? [String: String])
            let body = try #require(object["body"] as? String)
            return Delivery(
                file: name, headers: headers.map { (name: $0.key, value: $0.value) }.sorted { $0.name < $1.name },
                body: Array(body.utf8))
        }
    }

    @Test(arguments: cases) func examplesDecodeValidateAndVerify(_ provider: Case) throws {
        let deliveries = try Self.deliveries(of: provider.folder)
        #expect(!deliveries.isEmpty, "no deliveries in Examples/providers/\(provider.folder)/deliveries")
        for delivery in deliveries {
            let outcome = try provider.check(delivery)
            let errors = outcome.report.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(delivery.file): \(errors)")
            #expect(outcome.eventType != nil && outcome.eventType == outcome.report.event, "\(delivery.file)")
            // The file is named after its event (`issues.opened.delivery.json`, `orders.create…` for `orders/create`).
            let stem = String(delivery.file.dropLast(".delivery.json".count))
            let event = outcome.report.event?.replacingOccurrences(of: "/", with: ".")
            #expect(event == stem || outcome.report.provider == "discord", "\(delivery.file): \(event ?? "nil")")
            #expect(outcome.matchesJSONDecoder, "\(delivery.file): the one-pass value differs from JSONDecoder's")
            // Slack's url_verification handshake is the one example without an event id.
            #expect(
                outcome.report.dedupeKey != nil || delivery.file.hasPrefix("url_verification"),
                "\(delivery.file): no dedupe key")

            // Captured deliveries are old: verify without the timestamp window.
            var scheme = try #require(outcome.scheme)
            scheme.tolerancePast = nil
            scheme.toleranceFuture = nil
            // A rotation: a wrong (well-formed) secret first, then the right one.
            let verifier = try SignatureVerifier(scheme: scheme, secrets: [Self.wrongSecret(scheme), provider.secret])
            #expect(throws: Never.self, "\(delivery.file)") {
                try verifier.verify(body: delivery.body, headers: delivery.headers)
            }
            var tampered = delivery.body
            tampered[tampered.count / 2] ^= 0x01
            #expect(throws: SignatureError.self, "\(delivery.file): a changed body verified") {
                try verifier.verify(body: tampered, headers: delivery.headers)
            }
        }
    }

    /// GitHub's own example payloads (octokit/webhooks, ../shared/corpora) of the events the cookbook declares:
    /// with the event named, each is its event with no error finding, and decodes as `JSONDecoder` decodes it.
    @Test func githubCorpusExamplesOfTheDeclaredEvents() throws {
        let corpus = Self.packageRoot.appendingPathComponent(
            "../shared/corpora/github-webhooks/payload-examples/api.github.com")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            Issue.record("../shared/corpora/github-webhooks is not beside the project")
            return
        }
        var checked = 0
        for (folder, prefix, event) in [("issues", "opened", "issues.opened"), ("ping", "", "ping")] {
            let directory = corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasPrefix(prefix) && name.hasSuffix(".json") {
                let body = try Data(contentsOf: directory.appendingPathComponent(name))
                let (value, report) = GitHubEvent.decode(validating: body, eventType: folder)
                #expect(report.event == event, "\(folder)/\(name)")
                #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(folder)/\(name): \(report.findings)")
                #expect(value == (try GitHubEvent(jsonData: body, eventType: folder)), "\(folder)/\(name)")
                checked += 1
            }
        }
        #expect(checked >= 7)
        // The same body without its header is one clear finding, never a guess.
        let body = try Data(contentsOf: corpus.appendingPathComponent("issues/opened.payload.json"))
        let (value, report) = GitHubEvent.decode(validating: body)
        #expect(value == nil)
        #expect(report.findings.map(\.kind) == [.missingHeader])
        #expect(report.findings.first?.path == "/headers/X-GitHub-Event")
        #expect(throws: DecodingError.self) { try GitHubEvent(jsonData: body) }
    }
}
