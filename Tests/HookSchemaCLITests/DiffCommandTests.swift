import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// `hookschema diff` end to end on the built binary: GitHub's real schema history (../shared/corpora: the schemas
/// just before `repository.custom_properties` became required, and now), every output format parsed back, the exit
/// codes, and `--base` in a fresh git repository.
@Suite(.serialized) struct DiffCommandTests {
    static let corpora = CLIRunner.packageRoot.appendingPathComponent("../shared/corpora").standardizedFileURL

    /// The two GitHub imports, made once: (old, new, the folder holding both).
    static let github: (old: String, new: String, root: URL)? = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-diff-\(UUID().uuidString)")
        var folders: [String] = []
        for (name, corpus) in [("old", "github-webhooks-before-custom-properties"), ("new", "github-webhooks")] {
            let source = corpora.appendingPathComponent(corpus + "/payload-schemas/api.github.com").path
            let output = root.appendingPathComponent(name).path
            guard
                let result = try? CLIRunner.run(
                    ["import", "jsonschema", source, "--provider", "github", "--output", output]),
                result.status == 0
            else { return nil }
            folders.append(output)
        }
        return (folders[0], folders[1], root)
    }()

    func githubPair() throws -> (old: String, new: String) {
        let pair = try #require(Self.github, "importing ../shared/corpora's two GitHub versions failed")
        return (pair.old, pair.new)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func githubCustomPropertiesListsEveryEventThatHoldsARepository() throws {
        let (old, new) = try githubPair()
        let result = try CLIRunner.run(["diff", old, new, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let document = try json(result.stdout)
        #expect(document["version"] as? Int == 1)
        let findings = try #require(document["findings"] as? [[String: Any]])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["changes"] as? Int == findings.count)

        // The change itself: on the shared Repository type, required, so breaking on the wire, additive in Swift.
        let repository = try #require(
            findings.first { $0["scope"] as? String == "type" && $0["name"] as? String == "Repository" })
        #expect(repository["kind"] as? String == "member-added")
        #expect(repository["pointer"] as? String == "/custom_properties")
        #expect(repository["wire"] as? String == "breaking")
        #expect(repository["swift"] as? String == "additive")
        #expect((repository["file"] as? String)?.hasSuffix("/github/provider.yaml") == true)
        #expect((repository["line"] as? Int ?? 0) > 0)
        var listed = Set(repository["events"] as? [String] ?? [])
        // Events whose import flattened a repository inline (an `allOf` narrowing it) get their own finding.
        for finding in findings where (finding["pointer"] as? String)?.hasSuffix("/custom_properties") == true {
            if finding["scope"] as? String == "event", let name = finding["name"] as? String {
                #expect(finding["kind"] as? String == "member-added")
                #expect(finding["wire"] as? String == "breaking")
                listed.insert(name)
            }
        }
        // Ground truth from the source: every event (in both versions) whose schema names common/repository.
        let oldEvents = try eventFiles(in: "github-webhooks-before-custom-properties")
        let newEvents = try eventFiles(in: "github-webhooks")
        var holders: Set<String> = []
        for (event, text) in newEvents where oldEvents[event] != nil && text.contains("repository.schema.json") {
            holders.insert(event)
        }
        #expect(holders.count > 100)
        #expect(holders.subtracting(listed).isEmpty, "not listed: \(holders.subtracting(listed).sorted())")
        let folders = Set(listed.map { $0.split(separator: ".").first.map(String.init) ?? $0 })
        #expect(folders.count >= 50)  // "~50 events" in the corpus README counts event folders

        // The new events are listed as added.
        let added = findings.filter { $0["kind"] as? String == "event-added" }.compactMap { $0["name"] as? String }
        #expect(Set(added) == Set(newEvents.keys).subtracting(oldEvents.keys))
    }

    /// `<event>.<action>` (or `<event>`) → the schema's text, for a GitHub corpus.
    func eventFiles(in corpus: String) throws -> [String: String] {
        let root = Self.corpora.appendingPathComponent(corpus + "/payload-schemas/api.github.com")
        var files: [String: String] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: root.path) where folder != "common" {
            let directory = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where file.hasSuffix(".schema.json") {
                let action = String(file.dropLast(".schema.json".count))
                let name = action == "event" ? folder : folder + "." + action
                files[name] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            }
        }
        return files
    }

    @Test func everyFormatParsesBack() throws {
        let (old, new) = try githubPair()
        let reference = try json(try CLIRunner.run(["diff", old, new, "--format", "json"]).stdout)
        let findings = try #require(reference["findings"] as? [[String: Any]])
        let failing = findings.filter { $0["fails"] as? Bool == true }.count
        #expect(failing > 0)

        let text = try CLIRunner.run(["diff", old, new])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("github: \(findings.count) changes\n"))
        #expect(text.stdout.contains("  type Repository\n    held by "))

        // JUnit: parsed with Foundation's XML parser; a failure per finding that reaches --fail-on.
        let junit = try CLIRunner.run(["diff", old, new, "--format", "junit"])
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(junit.stdout.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(counter.failures == failing)
        #expect(counter.suites == 1)
        #expect(counter.attributes["testsuites"]?["failures"] == String(failing))

        // GitHub workflow commands: one per finding, properties and message decoded back.
        let github = try CLIRunner.run(["diff", old, new, "--format", "github"])
        let commands = github.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(commands.count == findings.count)
        #expect(commands.filter { $0.hasPrefix("::error ") }.count == failing)
        for (command, finding) in zip(commands, findings) {
            let body = command.drop { $0 != " " }.dropFirst()
            let parts = body.split(separator: "::", maxSplits: 1)
            #expect(parts.count == 2)
            var properties: [String: String] = [:]
            for pair in parts[0].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                properties[String(keyValue[0])] = decode(String(keyValue[1]))
            }
            #expect(properties["file"] == finding["file"] as? String)
            #expect(properties["line"] == (finding["line"] as? Int).map(String.init))
            #expect(properties["col"] == (finding["column"] as? Int).map(String.init))
            #expect(decode(String(parts[1])).hasSuffix(finding["message"] as? String ?? "?"))
        }

        // SARIF 2.1.0: a result per finding, each with its rule and location.
        let sarif = try json(try CLIRunner.run(["diff", old, new, "--format", "sarif"]).stdout)
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == findings.count)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for (result, finding) in zip(results, findings) {
            #expect(result["ruleId"] as? String == finding["kind"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding["kind"] as? String)
        }

        let markdown = try CLIRunner.run(["diff", old, new, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("### hookschema diff\n"))
        #expect(markdown.stdout.contains("| `/custom_properties` "))
    }

    private func decode(_ text: String) -> String {
        text.replacing("%2C", with: ",").replacing("%3A", with: ":").replacing("%0A", with: "\n")
            .replacing("%0D", with: "\r").replacing("%25", with: "%")
    }

    @Test func exitCodes() throws {
        let (old, new) = try githubPair()
        #expect(try CLIRunner.run(["diff", old, new, "--fail-on", "none"]).status == 0)
        let same = try CLIRunner.run(["diff", new, new, "--fail-on", "any"])
        #expect(same.status == 0)
        #expect(same.stdout == "no changes\n")
        let format = try CLIRunner.run(["diff", old, new, "--format", "yaml"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("unknown --format `yaml`"))
        #expect(try CLIRunner.run(["diff", old]).status == 2)
        #expect(try CLIRunner.run(["diff", old, "/nonexistent/schemas"]).status == 2)

        // A schema error on either side: exit 2 with the file:line:column.
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.createDirectory(
            at: broken.appendingPathComponent("shop"), withIntermediateDirectories: true)
        try "provider: shop\nenvelope:\n  discriminator: type\n  fields:\n    type: { type: strng }\n".write(
            to: broken.appendingPathComponent("shop/provider.yaml"), atomically: true, encoding: .utf8)
        let schemaError = try CLIRunner.run(["diff", new, broken.path])
        #expect(schemaError.status == 2)
        #expect(schemaError.stderr.contains("shop/provider.yaml:5:"), "\(schemaError.stderr)")
    }

    @Test func baseComparesAGitRevisionWithTheWorkingTree() throws {
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repository) }
        let folder = repository.appendingPathComponent("Schemas/shop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let provider = """
            provider: shop
            envelope:
              discriminator: type
              fields:
                type: { type: string, required: true }
                status: { type: enum, values: [open, paid], required: true }
            """
        try provider.write(to: folder.appendingPathComponent("provider.yaml"), atomically: true, encoding: .utf8)
        try "event: order.created\n".write(
            to: folder.appendingPathComponent("order.created.yaml"), atomically: true, encoding: .utf8)
        for arguments in [
            ["init", "-q"], ["add", "."],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "schemas"],
        ] {
            #expect(try git(arguments, in: repository) == 0)
        }
        try provider.replacing("[open, paid]", with: "[open, paid, refunded]").write(
            to: folder.appendingPathComponent("provider.yaml"), atomically: true, encoding: .utf8)

        let result = try CLIRunner.run(["diff", "--base", "HEAD", "--format", "json"], in: repository)
        #expect(result.status == 1, "\(result.stderr)")  // an enum value is source-breaking (exhaustive switches)
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["kind"] as? String == "enum-value-added")
        #expect(findings.first?["wire"] as? String == "drift")
        #expect(findings.first?["file"] as? String == "Schemas/shop/provider.yaml")
        #expect(findings.first?["line"] as? Int == 6)

        // From a subfolder, with --schemas relative to it, and a revision that does not exist.
        let again = try CLIRunner.run(
            ["diff", "--base", "HEAD", "--schemas", "shop/..", "--fail-on", "none"],
            in: repository.appendingPathComponent("Schemas"))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("enum-value-added /status"))
        let missing = try CLIRunner.run(["diff", "--base", "no-such-ref"], in: repository)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-ref"))
        let both = try CLIRunner.run(["diff", "a", "b", "--base", "HEAD"], in: repository)
        #expect(both.status == 2)

        // A schemas folder added since the base revision: every provider in it is new.
        let added = repository.appendingPathComponent("More/shop")
        try FileManager.default.createDirectory(at: added, withIntermediateDirectories: true)
        try provider.write(to: added.appendingPathComponent("provider.yaml"), atomically: true, encoding: .utf8)
        let new = try CLIRunner.run(["diff", "--base", "HEAD", "--schemas", "More", "--format", "json"], in: repository)
        #expect(new.status == 0, "\(new.stderr)")  // a provider added is additive and safe
        let kinds = try #require(try json(new.stdout)["findings"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds == ["provider-added"])
    }

    private func git(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Counts a JUnit document's suites and failures, and keeps each element's attributes.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var suites = 0
    var failures = 0
    var attributes: [String: [String: String]] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch elementName {
        case "testsuite": suites += 1
        case "failure": failures += 1
        default: break
        }
        if attributes[elementName] == nil {
            attributes[elementName] = attributeDict
        }
    }
}
