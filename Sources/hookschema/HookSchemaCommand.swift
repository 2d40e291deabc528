import ArgumentParser
import Foundation

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
        subcommands: [
            LintCommand.self, GenerateCommand.self, CheckCommand.self, SignCommand.self, VerifyCommand.self,
            ExportCommand.self, EventsCommand.self,
        ]
    )

    /// Parses and runs a subcommand, mapping argument-parser's usage errors (its exit code 64) to 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                StandardStream.error.write(message.hasSuffix("\n") ? message : message + "\n")
                self.exit(withError: ExitCode.usageError)
            }
            self.exit(withError: error)
        }
    }
}

extension ExitCode {
    /// A payload failed, a schema has errors, a file is out of date, a signature did not verify.
    static let findings = ExitCode(1)
    /// Usage, I/O or schema-loading errors.
    static let usageError = ExitCode(2)
}

/// Writes to standard output and standard error.
enum StandardStream {
    case output
    case error

    func write(_ text: String) {
        let handle = self == .output ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}
