import ArgumentParser
import Foundation

// What the two executables share: `hookschema` (every subcommand) and `hookschema-generate` (the generator alone,
// which the build and command plugins run, so that a package using the plugins builds no more than the loader and
// the generator for the host: no swift-crypto, no validator, no bundled models).

extension ExitCode {
    /// A payload failed, a schema has errors, a file is out of date, a signature did not verify.
    public static let findings = ExitCode(1)
    /// Usage, I/O or schema-loading errors.
    public static let usageError = ExitCode(2)
}

/// Writes to standard output and standard error.
public enum StandardStream: Sendable {
    case output
    case error

    public func write(_ text: String) {
        let handle = self == .output ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}

extension ParsableCommand {
    /// Parses the command line with `Self` as the root command and runs the chosen (sub)command, mapping
    /// argument-parser's usage errors (its exit code 64) to 2: exit codes are 0 success, 1 findings, 2 usage or I/O.
    public static func runMappingExitCodes() async {
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
