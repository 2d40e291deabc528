import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaLoader
import HookSchemaModel
import HookSchemaSignatures

/// The options `sign` and `verify` share: which provider's scheme, and where the secrets come from. Secrets are
/// read from an environment variable or a file, never from an argument (arguments end up in shell histories and
/// process listings).
struct SigningOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The provider whose signature scheme to use.", valueName: "name"))
    var provider: String

    @Option(
        name: .customLong("secret-env"),
        help: ArgumentHelp("An environment variable holding the signing secret.", valueName: "var")
    )
    var secretEnvironmentVariable: String?

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp(
            "A file of signing secrets, one per line (several during rotation); blank lines are skipped.",
            valueName: "path"
        )
    )
    var secretFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A schemas folder to take the provider's scheme from (default: the bundled schemas).",
            valueName: "dir"
        )
    )
    var schemas: String?

    func validate() throws {
        guard secretEnvironmentVariable != nil || secretFile != nil else {
            throw ValidationError("give the signing secret with --secret-env VAR or --secret-file PATH")
        }
    }

    /// The secrets: the environment variable's value first, then the file's lines. Exits 2 when a source is
    /// missing, unreadable or empty.
    func secrets(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        var secrets: [String] = []
        if let name = secretEnvironmentVariable {
            guard let value = environment[name] else {
                throw CLIFailure.usage("environment variable `\(name)` (--secret-env) is not set")
            }
            let secret = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else {
                throw CLIFailure.usage("environment variable `\(name)` (--secret-env) is empty")
            }
            secrets.append(secret)
        }
        if let path = secretFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure.usage("cannot read the secret file `\(path)` (--secret-file)")
            }
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !lines.isEmpty else {
                throw CLIFailure.usage("the secret file `\(path)` (--secret-file) holds no secret")
            }
            secrets += lines
        }
        return secrets
    }

    /// The provider's declared signature scheme, from `--schemas` or the bundled schemas.
    func scheme() throws -> SignatureScheme {
        let providers = try loadProviders()
        guard let found = providers.first(where: { $0.name == provider }) else {
            let known = providers.map(\.name).sorted().joined(separator: ", ")
            throw CLIFailure.usage("unknown provider `\(provider)` (known: \(known.isEmpty ? "none" : known))")
        }
        guard let scheme = found.signature else {
            throw CLIFailure.usage("provider `\(provider)` declares no signature scheme")
        }
        return scheme
    }

    private func loadProviders() throws -> [Provider] {
        guard let schemas else {
            return BundledSchemas.schemaSet.providers
        }
        let result: LoadResult
        do {
            result = try SchemaLoader.load(directory: schemas)
        } catch {
            throw CLIFailure.usage("\(error)")
        }
        guard let schemaSet = result.schemaSet else {
            for diagnostic in result.diagnostics {
                StandardStream.error.write(diagnostic.description + "\n")
            }
            throw CLIFailure.usage(
                "the schemas in `\(schemas)` have errors (run `hookschema lint --schemas \(schemas)`)"
            )
        }
        return schemaSet.providers
    }
}

/// Reads a delivery body exactly as stored: the file's bytes, or standard input for `-`.
func readBody(_ path: String) throws -> Data {
    if path == "-" {
        return FileHandle.standardInput.readDataToEndOfFile()
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIFailure.usage("cannot read `\(path)`")
    }
    return data
}

/// A failure a command reports itself: the message goes to standard error, then the process exits with `code`.
struct CLIFailure: Error {
    var message: String
    var code: ExitCode

    static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, code: .usageError) }

    /// Runs `body`, turning a `CLIFailure` into its message on standard error and its exit code.
    @discardableResult
    static func reporting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let failure as CLIFailure {
            StandardStream.error.write("error: \(failure.message)\n")
            throw failure.code
        }
    }
}
