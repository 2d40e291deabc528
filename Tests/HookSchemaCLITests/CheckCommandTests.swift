import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `hookschema check` end to end, on the built binary.
@Suite struct CheckCommandTests {
    let seed = "Examples/payloads/extend/extract_run.failed.seed.json"
    let drifted = "Examples/payloads/extend/drift/extract_run.failed.unknown-reason.json"
    let failing = "Examples/failing/extend/extract_run.failed.missing-status.json"

    @Test func passingPayloadExitsZero() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", seed])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1 payload: 1 pass, 0 drift, 0 fail\n")
    }

    @Test func driftExitsZeroUnlessStrict() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", drifted])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\(drifted): warning: /payload/failureReason: "))
        let strict = try CLIRunner.run(["check", "--schemas", "Schemas", "--strict", drifted])
        #expect(strict.status == 1)
    }

    @Test func failureExitsOne() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", seed, failing])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(failing): error: /payload/status: the required member \"status\" is missing\n"))
        #expect(result.stdout.hasSuffix("2 payloads: 1 pass, 0 drift, 1 fail\n"))
    }

    @Test func defaultRunChecksTheExamplesAndPasses() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Examples/payloads/extend/drift/"))
        #expect(result.stdout.range(of: #"\d+ payloads: \d+ pass, 3 drift, 0 fail\n$"#, options: .regularExpression) != nil)
        let failing = try CLIRunner.run(["check", "--schemas", "Schemas", "Examples/failing"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("Examples/failing/plextera/"))
        #expect(failing.stdout.range(of: #"\d+ payloads: 0 pass, 0 drift, \d+ fail\n$"#, options: .regularExpression) != nil)
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        #expect(try CLIRunner.run(["check", "--schemas", "Schemas", "no/such/file.json"]).status == 2)
        #expect(try CLIRunner.run(["check", "--schemas", "no-such-folder", seed]).status == 2)
        #expect(try CLIRunner.run(["check", "--format", "yaml", seed]).status == 2)
    }

    @Test func jsonFormatIsOneDocument() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "json", seed, drifted, failing])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["payloads": 3, "pass": 1, "drift": 1, "fail": 1])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.map { $0["source"] as? String } == [seed, drifted, failing])
        #expect(results[0]["line"] is NSNull)
        #expect(results[1]["provider"] as? String == "extend")
        #expect(results[1]["event"] as? String == "extract_run.failed")
        #expect(results[1]["verdict"] as? String == "drift")
        let finding = try #require((results[1]["findings"] as? [[String: Any]])?.first)
        #expect(finding["kind"] as? String == "unknown_enum_value")
        #expect(finding["severity"] as? String == "warning")
        #expect(finding["path"] as? String == "/payload/failureReason")
        #expect(finding["actual"] as? String == "DOCUMENT_TOO_LARGE")
        #expect((finding["expected"] as? [String])?.contains("ABORTED") == true)
        #expect(result.stdout.hasPrefix("{\n  \"summary\": {\"payloads\": 3, \"pass\": 1, \"drift\": 1, \"fail\": 1},\n"))
    }

    @Test func ndjsonFromStandardInputWithLineNumbers() throws {
        let body = try String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent(seed).path, encoding: .utf8)
        let line = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(body.utf8)))
        var input = line + Data("\n\n{\"eventType\": \"extract_run.failed\"\n[1]\r\n".utf8)
        input += line
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "json", "-"], stdin: input)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.map { $0["line"] as? Int } == [1, 3, 4, 5])
        #expect(results.map { $0["source"] as? String } == ["-", "-", "-", "-"])
        #expect(results.map { $0["verdict"] as? String } == ["pass", "fail", "fail", "pass"])
    }

    @Test func folderAndNDJSONFile() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(seed))
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: body))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        try body.write(to: folder.appendingPathComponent("b/one.json"))
        try (compact + Data("\n".utf8) + compact).write(to: folder.appendingPathComponent("a.ndjson"))
        try Data("not a payload".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "json", folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.map { ($0["source"] as? String)?.replacingOccurrences(of: folder.path, with: "") } == ["/a.ndjson", "/a.ndjson", "/b/one.json"])
    }

    @Test func badBodiesAreFindingsNotCrashes() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bodies: [String: Data] = [
            "empty.json": Data(),
            "malformed.json": Data("{\"eventType\": }".utf8),
            "truncated.json": Data("{\"eventType\": \"extract_run.failed\", \"payload\": {\"id\": \"exr_1".utf8),
            "deep.json": Data(repeating: UInt8(ascii: "["), count: 100_000) + Data(repeating: UInt8(ascii: "]"), count: 100_000),
            "latin1.json": Data("{\"eventType\": \"extract_run.f".utf8) + Data([0xE9]) + Data("iled\"}".utf8),
        ]
        for (name, data) in bodies {
            try data.write(to: folder.appendingPathComponent(name))
            let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "json", folder.appendingPathComponent(name).path])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(name)")
            let findings = (document["results"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]
            #expect(findings?.first?["kind"] as? String == "malformed_json", "\(name)")
        }
    }

    @Test func junitIsValidXML() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "junit", seed, drifted, failing])
        #expect(result.status == 1)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let suites = try #require(document.rootElement())
        #expect(suites.name == "testsuites")
        #expect(suites.attribute(forName: "tests")?.stringValue == "3")
        #expect(suites.attribute(forName: "failures")?.stringValue == "1")
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 3)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 1)
        #expect(failures.first?.stringValue?.contains("missing_required at /payload/status") == true)
        let strict = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "junit", "--strict", seed, drifted])
        #expect(try XMLDocument(data: Data(strict.stdout.utf8)).nodes(forXPath: "//failure").count == 1)
    }

    @Test func githubWorkflowCommands() throws {
        let result = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "github", drifted, failing])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("::warning file=\(drifted),title=unknown_enum_value at /payload/failureReason::/payload/failureReason: \"DOCUMENT_TOO_LARGE\" is not one of the known values"))
        #expect(lines.contains { $0.hasPrefix("::error file=\(failing),title=missing_required at /payload/status::") })
        let stdin = try CLIRunner.run(["check", "--schemas", "Schemas", "--format", "github", "-"], stdin: Data("\n[]\n".utf8))
        #expect(stdin.stdout.hasPrefix("::error file=-,line=2,title=type_mismatch at (body)::"))
    }

    /// `check --schemas DIR` caches the loaded schemas (SchemaCache): the second run reads the entry and prints the
    /// same; an edited schema makes a new entry rather than reading a stale one.
    @Test func theSchemaCacheGivesTheSameResultAndNeverAStaleOne() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemas = folder.appendingPathComponent("Schemas")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("Schemas"), to: schemas)
        let payload = CLIRunner.packageRoot.appendingPathComponent(drifted).path
        let environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let clean = ["check", "--schemas", schemas.path, payload]
        let first = try CLIRunner.run(clean, environment: environment)
        let second = try CLIRunner.run(clean, environment: environment)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout && second.stderr.isEmpty)
        let entries = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("cache/hookschema").path)
        #expect(entries.filter { $0.hasPrefix("schemas-") }.count == 1)
        #expect(second.stdout.contains("DOCUMENT_TOO_LARGE\" is not one of the known values"))

        // The drifted value becomes a known one: the next run must see the edit.
        let types = schemas.appendingPathComponent("extend/provider.yaml")
        var text = try String(contentsOf: types, encoding: .utf8)
        let anchor = "      - { value: ABORTED, description: The run was aborted by the user. }"
        let range = try #require(text.range(of: anchor), "ExtractFailureReason's first value")
        text.replaceSubrange(range, with: "      - { value: DOCUMENT_TOO_LARGE }\n" + anchor)
        try Data(text.utf8).write(to: types)
        let edited = try CLIRunner.run(clean, environment: environment)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(!edited.stdout.contains("DOCUMENT_TOO_LARGE"), "\(edited.stdout)")
    }
}
