import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaModel
import HookSchemaSignatures

/// `hookschema verify`: checks a delivery's signature with the provider's declared scheme.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a delivery's signature with a provider's scheme.",
        discussion: """
            FILE holds the raw body exactly as received (`-` for standard input); give the delivery's headers with \
            --header 'Name: value' (repeatable; names match in any case). Several secrets (a --secret-file with \
            more than one line) are tried in turn, for rotation. The secret is read from --secret-env or \
            --secret-file, never from an argument. Exit codes: 0 the signature is valid, 1 it is not (the reason \
            is printed), 2 usage or I/O errors.
            """
    )

    @OptionGroup var signing: SigningOptions

    @Option(
        name: .customLong("header"),
        help: ArgumentHelp("A delivery header, `Name: value` (repeatable).", valueName: "header")
    )
    var headerLines: [String] = []

    @Argument(help: ArgumentHelp("The raw body (`-` for standard input).", valueName: "file"))
    var file: String

    func validate() throws {
        for line in headerLines where Self.parseHeader(line) == nil {
            throw ValidationError("--header `\(line)` is not `Name: value`")
        }
    }

    /// `Name: value` → (name, value); nil when there is no colon or the name is empty.
    static func parseHeader(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return (name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    func run() throws {
        try CLIFailure.reporting {
            let scheme = try signing.scheme()
            let secrets = try signing.secrets()
            let body = try readBody(file)
            let verifier: SignatureVerifier
            do throws(SignatureError) {
                verifier = try SignatureVerifier(scheme: scheme, secrets: secrets)
            } catch {
                throw CLIFailure.usage(error.description)
            }
            do throws(SignatureError) {
                let verified = try verifier.verify(body: body, headers: headerLines.compactMap(Self.parseHeader))
                StandardStream.output.write("OK: \(Self.summary(verified, secrets: secrets.count))\n")
            } catch {
                throw CLIFailure(message: "signature rejected: \(error.description)", code: .findings)
            }
        }
    }

    /// "signature valid (timestamp 1700000000, secret 2 of 2)".
    static func summary(_ verified: VerifiedSignature, secrets: Int) -> String {
        var details: [String] = []
        if let timestamp = verified.timestamp { details.append("timestamp \(timestamp)") }
        if let id = verified.id { details.append("id \(id)") }
        if secrets > 1 { details.append("secret \(verified.secretIndex + 1) of \(secrets)") }
        return "signature valid" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }
}
