import Foundation
import Testing

/// `hookschema lint`, run as a user runs it.
@Suite struct LintCommandTests {
    @Test func theBundledSchemasAreValid() throws {
        let result = try CLIRunner.run(["lint"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2 providers, "))
        #expect(result.stdout.hasSuffix(": OK\n"))
    }

    @Test func aValidFolderPrintsASummary() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(
            """
            provider: acme
            envelope:
              discriminator: type
              fields: { type: { type: string, required: true } }
            types:
              Thing: { type: object }
            """, to: directory, "acme/provider.yaml")
        try write("event: a\nfields: { thing: { $ref: Thing } }\n", to: directory, "acme/a.yaml")
        let result = try CLIRunner.run(["lint", "--schemas", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1 provider, 1 event, 1 type: OK\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func errorsGoToStandardErrorWithFileLineAndColumn() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(
            """
            provider: acme
            envelope:
              discriminator: type
              fields:
                type: strng
                id: { type: string, requird: true }
            """, to: directory, "acme/provider.yaml")
        let broken = try CLIRunner.run(["lint", "--schemas", directory.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.isEmpty)
        let file = directory.path + "/acme/provider.yaml"
        #expect(
            broken.stderr == """
                \(file):5:11: error: unknown type `strng`; did you mean `string`?
                \(file):6:25: error: unknown key `requird`; did you mean `required`?
                2 errors in \(directory.path)

                """
        )
    }

    @Test func relativePathsAreShownAsGiven() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write("provider: acme\nenvelope: {}\n", to: directory, "defs/acme/provider.yaml")
        let result = try CLIRunner.run(["lint", "--schemas", "defs"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("defs/acme/provider.yaml:2:11: error: `envelope` is missing `discriminator`"))
    }

    @Test func aMissingFolderIsAnIOError() throws {
        let result = try CLIRunner.run(["lint", "--schemas", "/no/such/folder"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/folder"))
    }

    private func write(_ text: String, to directory: URL, _ path: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
