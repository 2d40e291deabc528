import Foundation
import Testing

/// `hookschema infer` end to end on the built binary: the bundled examples and GitHub's own example deliveries (with
/// the header a real delivery carries) in, a provider folder out that lints and passes `check` on the same
/// deliveries; a re-run keeps the user's provider.yaml; bad input gets exit 2 and says what and where.
@Suite(.serialized) struct InferCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-infer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func extendsExamplesInferLintAndPass() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let infer = try CLIRunner.run(["infer", "Examples/payloads/extend", "--provider", "extend", "--output", out.path])
        #expect(infer.status == 0, "\(infer.stderr)")
        #expect(infer.stdout.hasPrefix("inferred 38 events and "))
        #expect(infer.stdout.contains("from 45 deliveries"))
        #expect(infer.stdout.contains("(events named by the body member `eventType`)"))
        let event = try String(contentsOf: out.appendingPathComponent("extend/extract_run.processed.yaml"), encoding: .utf8)
        #expect(event.hasPrefix("# Inferred by hookschema from Examples/payloads/extend: 6 samples.\n"))
        #expect(event.contains("# a union on `object`: extract_run (5), signed_data_url (1)"))
        #expect(try CLIRunner.run(["lint", "--schemas", out.path]).status == 0)
        let check = try CLIRunner.run(["check", "--schemas", out.path, "Examples/payloads/extend"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("45 payloads: 45 pass, 0 drift, 0 fail"))
        // The drift examples differ from what was inferred: check says so, and infer learns nothing by itself.
        let drift = try CLIRunner.run(["check", "--schemas", out.path, "Examples/payloads/extend/drift"])
        #expect(drift.stdout.contains("drift") || drift.status == 1)
    }

    @Test func plexterasCapturedDeliveriesWithHeaders() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let infer = try CLIRunner.run([
            "infer", "Examples/payloads/plextera/deliveries", "Examples/payloads/plextera", "--provider", "plextera",
            "--output", out.path,
        ])
        #expect(infer.status == 0, "\(infer.stderr)")
        // X-Plextera-Event-Id carries ids, not event names: the body's eventType names the events.
        #expect(infer.stdout.contains("(events named by the body member `eventType`)"))
        let provider = try String(contentsOf: out.appendingPathComponent("plextera/provider.yaml"), encoding: .utf8)
        #expect(provider.contains("    occurredAt: { type: datetime, required: true }"))
        let check = try CLIRunner.run(["check", "--schemas", out.path, "Examples/payloads/plextera"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// GitHub's 273 example payloads, each as the delivery GitHub sends (the event in `X-GitHub-Event`).
    @Test func githubsExamplesAreNamedByTheirHeaderAndAction() throws {
        let examples = CLIRunner.packageRoot
            .appendingPathComponent("../shared/corpora/github-webhooks/payload-examples/api.github.com")
            .standardizedFileURL
        try #require(FileManager.default.fileExists(atPath: examples.path), "../shared/corpora is not there")
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let deliveries = out.appendingPathComponent("deliveries")
        try FileManager.default.createDirectory(at: deliveries, withIntermediateDirectories: true)
        var written = 0
        for event in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() {
            let folder = examples.appendingPathComponent(event)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
                let body = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let delivery = try JSONSerialization.data(withJSONObject: [
                    "headers": ["X-GitHub-Event": event], "body": body,
                ])
                try delivery.write(to: deliveries.appendingPathComponent("\(event).\(file).delivery.json"))
                written += 1
            }
        }
        #expect(written == 273)
        let infer = try CLIRunner.run(["infer", deliveries.path, "--provider", "github", "--output", out.path])
        #expect(infer.status == 0, "\(infer.stderr)")
        #expect(infer.stdout.contains("(events named by the header X-GitHub-Event, variants by `action`)"))
        // Deterministic: another process (another hash seed) writes the same bytes.
        let again = out.appendingPathComponent("again")
        #expect(try CLIRunner.run(["infer", deliveries.path, "--provider", "github", "--output", again.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("github").path).sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: again.appendingPathComponent("github").path).sorted()))
        for file in files {
            let first = try Data(contentsOf: out.appendingPathComponent("github/\(file)"))
            let second = try Data(contentsOf: again.appendingPathComponent("github/\(file)"))
            #expect(first == second, "\(file) differs between two runs")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("github/issues.opened.yaml").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("github/push.yaml").path))
        let check = try CLIRunner.run(["check", "--schemas", out.path, deliveries.path])
        #expect(check.status == 0, "\(check.stdout.suffix(2000))")
        #expect(check.stdout.contains("273 payloads: 273 pass"))
    }

    @Test func aReRunKeepsTheUsersProviderFile() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["infer", "Examples/payloads/plextera", "--provider", "plextera", "--output", out.path]
        #expect(try CLIRunner.run(arguments).status == 0)
        let providerFile = out.appendingPathComponent("plextera/provider.yaml")
        var provider = try String(contentsOf: providerFile, encoding: .utf8)
        provider = provider.replacingOccurrences(
            of: "\nenvelope:", with: "\ndedupeKey: { member: /eventId }  # ours\n\nenvelope:")
        try Data(provider.utf8).write(to: providerFile)
        let again = try CLIRunner.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOf: providerFile, encoding: .utf8).contains("dedupeKey: { member: /eventId }  # ours"))
    }

    @Test func minSamplesLeavesOutRareEvents() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let infer = try CLIRunner.run([
            "infer", "Examples/payloads/extend", "--provider", "extend", "--output", out.path, "--min-samples", "2",
        ])
        #expect(infer.status == 0, "\(infer.stderr)")
        #expect(infer.stderr.contains("warning: classifier.created: 1 sample, fewer than --min-samples 2; not written"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("extend/extract_run.processed.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("extend/classifier.created.yaml").path))
    }

    @Test func badInputSaysWhatAndWhere() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let stdin = try CLIRunner.run(["infer", "-", "--provider", "x", "--output", out.path])
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("infer reads its input twice"))

        let missing = try CLIRunner.run(["infer", out.appendingPathComponent("nope").path, "--provider", "x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or directory"))

        // No member names the events: ids only.
        let ids = out.appendingPathComponent("ids.ndjson")
        try Data("{\"id\": \"evt_10001\"}\n{\"id\": \"evt_10002\"}\nnot json\n".utf8).write(to: ids)
        let unnamed = try CLIRunner.run(["infer", ids.path, "--provider", "x", "--output", out.path])
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr.contains("\(ids.path):3: warning: skipped: not JSON: "))
        #expect(unnamed.stderr.contains("give --discriminator MEMBER"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x").path))

        // With the member given, the same file infers (the line that is not JSON is skipped).
        let given = try CLIRunner.run(["infer", ids.path, "--provider", "x", "--output", out.path, "--discriminator", "id"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.hasPrefix("inferred 2 events"))
    }
}
