import ArgumentParser
import HookSchemaCommands

/// The `hookschema` command line.
///
/// Exit codes, the same for every subcommand (users' CI scripts depend on them):
/// - 0: success (for `check`: no payload failed);
/// - 1: the subject was checked and found wanting (schema diagnostics, failing payloads, stale files, a bad
///   signature);
/// - 2: usage, I/O or schema-loading errors that stopped the command from doing its job.
@main
struct HookSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hookschema",
        abstract: "Typed Swift models, validators and drift checks for webhook deliveries, from YAML schemas.",
        version: HookSchemaVersion.current,
        subcommands: [
            LintCommand.self, GenerateCommand.self, CheckCommand.self, SignCommand.self, VerifyCommand.self,
            ExportCommand.self, EventsCommand.self, ImportCommand.self, DiffCommand.self,
            InferCommand.self, LearnCommand.self, CapturesCommand.self, ReplayCommand.self,
        ]
    )

    /// Parses and runs a subcommand, mapping argument-parser's usage errors (its exit code 64) to 2.
    static func main() async {
        await runMappingExitCodes()
    }
}
