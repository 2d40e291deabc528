import Foundation
import Testing

/// `hookschema import` end to end on the built binary, on the real catalogs in ../shared/corpora: each imports,
/// lints, and re-imports to the same bytes; `--check` notices a stale folder; a re-import keeps the user's part of
/// provider.yaml; GitHub imports with the cookbook's provider.yaml.
@Suite(.serialized) struct ImportCommandTests {
    static let corpora = CLIRunner.packageRoot.appendingPathComponent("../shared/corpora").standardizedFileURL

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func corpus(_ path: String) throws -> String {
        let url = Self.corpora.appendingPathComponent(path)
        try #require(FileManager.default.fileExists(atPath: url.path), "../shared/corpora/\(path) is not there")
        return url.path
    }

    @Test func svixImportsLintsAndIsStableUnderCheck() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["import", "openapi", try corpus("svix/lib-openapi.json"), "--provider", "svix", "--output", out.path]
        let first = try CLIRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("imported 14 events and "))
        // Every warning names its file and pointer.
        for line in first.stderr.split(separator: "\n") {
            #expect(line.contains("lib-openapi.json:/") && line.contains(": warning: "), "\(line)")
        }
        let lint = try CLIRunner.run(["lint", "--schemas", out.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let event = try String(contentsOf: out.appendingPathComponent("svix/message.attempt.exhausted.yaml"), encoding: .utf8)
        #expect(event.hasPrefix("# Imported by hookschema from "))
        #expect(event.contains("#/components/schemas/MessageAttemptExhaustedEvent."))
        #expect(event.contains("\nevent: message.attempt.exhausted\n"))

        let check = try CLIRunner.run(arguments + ["--check"])
        #expect(check.status == 0, "\(check.stderr)")
        // A hand-edited event file is stale: --check says so and writes nothing.
        let edited = out.appendingPathComponent("svix/endpoint.created.yaml")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "# edited\n").utf8).write(to: edited)
        let stale = try CLIRunner.run(arguments + ["--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("out of date: \(out.path)/svix/endpoint.created.yaml"))
        #expect(try String(contentsOf: edited, encoding: .utf8).hasSuffix("# edited\n"))
    }

    @Test func aReImportKeepsTheUsersSignatureBlock() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["import", "openapi", try corpus("svix/lib-openapi.json"), "--provider", "svix", "--output", out.path]
        #expect(try CLIRunner.run(arguments).status == 0)
        let providerFile = out.appendingPathComponent("svix/provider.yaml")
        var provider = try String(contentsOf: providerFile, encoding: .utf8)
        // The user adds the signature scheme and dedupe key (from the cookbook) above the imported types.
        let signature = """
            # Svix signs with Standard Webhooks' scheme (our note).
            dedupeKey: { header: svix-id }
            signature:
              header: svix-signature
              format: { style: versioned-list, separator: " ", versionSeparator: ",", version: v1 }
              timestampHeader: svix-timestamp
              idHeader: svix-id
              signedContent: "{id}.{timestamp}.{body}"
              encoding: base64
              secret: { encoding: base64, prefix: whsec_ }
              tolerance: { past: 300, future: 300 }

            """
        let typesStart = try #require(provider.range(of: "# Written by `hookschema import`"))
        provider.insert(contentsOf: signature, at: typesStart.lowerBound)
        try Data(provider.utf8).write(to: providerFile)
        let again = try CLIRunner.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("provider.yaml's envelope, headers and signature kept"))
        let rewritten = try String(contentsOf: providerFile, encoding: .utf8)
        #expect(rewritten.contains(signature), "\(rewritten.prefix(2000))")
        #expect(rewritten.components(separatedBy: "\ntypes:\n").count == 2)
        #expect(try CLIRunner.run(arguments + ["--check"]).status == 0)
        #expect(try CLIRunner.run(["lint", "--schemas", out.path]).status == 0)
    }

    @Test func githubImportsWithTheCookbooksProviderFile() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out.appendingPathComponent("github"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("Examples/providers/github/provider.yaml"),
            to: out.appendingPathComponent("github/provider.yaml"))
        let schemas = try corpus("github-webhooks/payload-schemas/api.github.com")
        let result = try CLIRunner.run(["import", "jsonschema", schemas, "--provider", "github", "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("imported 224 events and "))
        // The cookbook's envelope names events by X-GitHub-Event: no placeholder header.
        #expect(!result.stderr.contains("X-Event-Type"))
        let provider = try String(contentsOf: out.appendingPathComponent("github/provider.yaml"), encoding: .utf8)
        #expect(provider.contains("eventHeader: X-GitHub-Event") && provider.contains("X-Hub-Signature-256"))
        let opened = try String(contentsOf: out.appendingPathComponent("github/issues.opened.yaml"), encoding: .utf8)
        #expect(opened.contains("\nevent: issues\nvariant: opened\n"))
        #expect(try CLIRunner.run(["lint", "--schemas", out.path]).status == 0)
        // GitHub's own example checks against the import, named by --event (or its delivery's header).
        let example = try corpus("github-webhooks/payload-examples/api.github.com/issues/opened.payload.json")
        let check = try CLIRunner.run(["check", "--schemas", out.path, "--event", "issues", example])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func resendImportsFromYAML() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(
            ["import", "openapi", try corpus("resend/resend.yaml"), "--provider", "resend", "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("imported 17 events and "))
        #expect(try CLIRunner.run(["lint", "--schemas", out.path]).status == 0)
    }

    @Test func badSourcesAreErrorsAndStrictWritesNothing() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let notOpenAPI = out.appendingPathComponent("x.json")
        try Data(#"{"openapi": "3.1.0", "info": {}, "webhooks": {}}"#.utf8).write(to: notOpenAPI)
        let invalid = try CLIRunner.run(["import", "openapi", notOpenAPI.path, "--provider", "x", "--output", out.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("x.json: error: not a valid OpenAPI 3.1.0 document: "), "\(invalid.stderr)")
        let strict = try CLIRunner.run(
            ["import", "openapi", try corpus("svix/lib-openapi.json"), "--provider", "svix", "--output", out.path,
             "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains(": error: ") && strict.stderr.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("svix").path))
    }
}
