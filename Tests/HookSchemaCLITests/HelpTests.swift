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

/// `--version` says the version CHANGELOG.md's latest release names.
@Suite struct VersionTests {
    @Test func versionMatchesTheChangelog() throws {
        let changelog = try String(
            contentsOf: CLIRunner.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let heading = try #require(
            changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") })
        let released = heading.dropFirst(4).prefix { $0 != "]" }
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(released)\n", "CHANGELOG.md's latest release is \(released); update HookSchemaVersion")
    }
}
