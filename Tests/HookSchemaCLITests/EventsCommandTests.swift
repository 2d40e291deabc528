import Foundation
import Testing

/// `hookschema events`: the committed Schemas/EVENTS.md is what the schemas produce, and a stale file is caught.
@Suite struct EventsCommandTests {
    @Test func theCommittedEventListIsUpToDate() throws {
        let result = try CLIRunner.run(["events", "--check"])
        #expect(result.status == 0, "Schemas/EVENTS.md is stale; run `swift run hookschema events`. \(result.stderr)")
        #expect(result.stdout == "Schemas/EVENTS.md is up to date\n")
    }

    @Test func everyEventOfBothCatalogsIsListed() throws {
        let result = try CLIRunner.run(["events", "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("43 events: Extend (38), Plextera (5)."))
        #expect(result.stdout.contains("| `workflow_run.step_run.processed` | `WorkflowRunStepRunProcessedEvent` |"))
        #expect(result.stdout.contains("| `workflow.run.failed` | `PlexteraWorkflowRunFailedEvent` | object |"))
        #expect(result.stdout.contains("| `parser_run.failed` | parse_run.failed |"))
    }

    @Test func aStaleListFailsNamingTheFixThenIsRewritten() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemas = directory.appendingPathComponent("acme")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        let provider = """
            provider: acme
            envelope:
              discriminator: type
              fields: { type: { type: string, required: true } }
            """
        try Data(provider.utf8).write(to: schemas.appendingPathComponent("provider.yaml"))
        let event = "event: a.b\ndescription: When A. More text.\n"
        try Data(event.utf8).write(to: schemas.appendingPathComponent("a.b.yaml"))

        let missing = try CLIRunner.run(["events", "--schemas", directory.path, "--check"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("EVENTS.md is missing; run `swift run hookschema events --schemas"))

        let written = try CLIRunner.run(["events", "--schemas", directory.path])
        #expect(written.status == 0, "\(written.stderr)")
        let file = directory.appendingPathComponent("EVENTS.md")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.contains("| `a.b` | `ABEvent` | — | When A. |"))
        #expect(try CLIRunner.run(["events", "--schemas", directory.path, "--check"]).status == 0)

        try Data("event: a.c\n".utf8).write(to: schemas.appendingPathComponent("a.c.yaml"))
        let stale = try CLIRunner.run(["events", "--schemas", directory.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("is out of date; run `swift run hookschema events --schemas \(directory.path)`"))
    }

    @Test func schemaErrorsExitOne() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemas = directory.appendingPathComponent("acme")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        try Data("provider: acme\nenvelop: {}\n".utf8).write(to: schemas.appendingPathComponent("provider.yaml"))
        let result = try CLIRunner.run(["events", "--schemas", directory.path, "--output", "-"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("provider.yaml"))
    }
}
