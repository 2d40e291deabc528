import Testing

@Suite struct HelpTests {
    @Test func rootHelpListsTheCommands() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: hookschema"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let result = try CLIRunner.run(["no-such-command"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-command"))
    }
}
