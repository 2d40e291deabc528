import Foundation
import Testing

/// `hookschema learn` end to end, with the built binary: drift → `check` → `learn --dry-run` → `learn` → `check`.
@Suite struct LearnCommandTests {
    let drift = ["Examples/payloads/extend/drift", "Examples/payloads/plextera/drift"]

    /// A copy of the bundled schemas in a temporary folder (removed by the caller).
    func copyOfSchemas() throws -> (folder: URL, schemas: String) {
        let folder = try CLIRunner.temporaryDirectory()
        let schemas = folder.appendingPathComponent("Schemas")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("Schemas"), to: schemas)
        return (folder, schemas.path)
    }

    func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    @Test func dryRunPrintsTheGoldenDiffAndWritesNothing() throws {
        let (folder, schemas) = try copyOfSchemas()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try contents(of: schemas)
        let result = try CLIRunner.run(["learn", "--dry-run"] + drift)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(
            contentsOf: CLIRunner.packageRoot.appendingPathComponent(
                "Tests/HookSchemaLearnTests/Golden/bundled-drift.diff"),
            encoding: .utf8)
        #expect(result.stdout == golden)
        #expect(result.stderr.contains("3 payloads: 5 changes learned (would change 2 files), 0 findings not learned"))
        let copy = try CLIRunner.run(["learn", "--dry-run", "--schemas", schemas] + drift)
        #expect(copy.status == 0)
        #expect(copy.stdout.contains("+++ b/\(schemas)/extend/provider.yaml"))
        #expect(try contents(of: schemas) == before)
    }

    @Test func learnEditsInPlaceAndCheckThenReportsNoDrift() throws {
        let (folder, schemas) = try copyOfSchemas()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["HOOKSCHEMA_CACHE": "0"]
        let drifting = try CLIRunner.run(["check", "--schemas", schemas] + drift, environment: environment)
        #expect(drifting.stdout.contains("3 payloads: 0 pass, 3 drift, 0 fail"))

        let learned = try CLIRunner.run(["learn", "--schemas", schemas] + drift)
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(
            learned.stdout.contains("\(schemas)/plextera/provider.yaml:96: ExtractionStatus: new enum value `EXPIRED`"))
        #expect(learned.stdout.split(separator: "\n").count == 5)

        let lint = try CLIRunner.run(["lint", "--schemas", schemas])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let clean = try CLIRunner.run(["check", "--schemas", schemas, "--strict"] + drift, environment: environment)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("3 payloads: 3 pass, 0 drift, 0 fail"))

        let again = try CLIRunner.run(["learn", "--dry-run", "--schemas", schemas] + drift)
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("0 changes learned"))
    }

    @Test func errorsAreListedAndExitOne() throws {
        let (folder, schemas) = try copyOfSchemas()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "Examples/failing/extend/extract_run.processed.credits-as-string.json"
        let result = try CLIRunner.run(["learn", "--schemas", schemas, path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "\(path): /payload/usage/credits: not learned: expected a number, found string \"4\"\n"))
        #expect(result.stderr.contains("1 payload: 0 changes learned (changed 0 files), 1 finding not learned"))
    }

    @Test func usageAndSchemaErrorsExitTwo() throws {
        #expect(try CLIRunner.run(["learn"]).status == 2)
        #expect(try CLIRunner.run(["learn", "--schemas", "/no/such/folder", drift[0]]).status == 2)
        #expect(try CLIRunner.run(["learn", "no-such-file.json"]).status == 2)
    }

    @Test func helpSaysWhatItLearnsAndWhatItNeverDoes() throws {
        let result = try CLIRunner.run(["learn", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unknown_enum_value"))
        #expect(result.stdout.contains("It never learns an error"))
        #expect(result.stdout.contains("--dry-run"))
    }

    @Test func readsNDJSONFromStandardInput() throws {
        let (folder, schemas) = try copyOfSchemas()
        defer { try? FileManager.default.removeItem(at: folder) }
        let drifted = try String(
            contentsOf: CLIRunner.packageRoot.appendingPathComponent(
                "Examples/payloads/plextera/drift/document-insights.extraction.failed.new-status.json"),
            encoding: .utf8
        ).replacingOccurrences(of: "\n", with: " ")
        let wrongType = drifted.replacingOccurrences(of: #""apiVersion": "v1""#, with: #""apiVersion": 1"#)
        #expect(wrongType != drifted)
        let input = drifted + "\n\n" + wrongType + "\n"
        let result = try CLIRunner.run(["learn", "--dry-run", "--schemas", schemas, "-"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("+      - EXPIRED\n"))
        #expect(result.stdout.contains("+      retryable: { type: boolean }\n"))
        #expect(result.stderr.contains("-:3: /apiVersion: not learned: expected a string, found integer 1\n"))
        #expect(result.stderr.contains("2 payloads: 2 changes learned (would change 1 file), 1 finding not learned"))
    }
}
