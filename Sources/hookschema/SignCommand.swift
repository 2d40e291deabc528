import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaSignatures

/// `hookschema sign`: signs a body as the provider would and prints the headers a sender adds.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a delivery body with a provider's scheme and print the headers a sender would add.",
        discussion: """
            Prints one `Name: value` line per header. The body is signed byte for byte as stored in FILE (`-` for \
            standard input). With several secrets (a --secret-file with more than one line), schemes whose header \
            carries a list get one signature per secret. The secret is read from --secret-env or --secret-file, \
            never from an argument. Exit codes: 0 signed, 2 usage or I/O errors.
            """
    )

    @OptionGroup var signing: SigningOptions

    @Option(name: .long, help: ArgumentHelp("The unix time to sign (default: now).", valueName: "seconds"))
    var timestamp: Int64?

    @Option(
        name: .long,
        help: ArgumentHelp("The message id, for schemes that sign one (default: a new random id).", valueName: "id")
    )
    var id: String?

    @Argument(help: ArgumentHelp("The body to sign (`-` for standard input).", valueName: "file"))
    var file: String

    func run() throws {
        try CLIFailure.reporting {
            let scheme = try signing.scheme()
            let secrets = try signing.secrets()
            let body = try readBody(file)
            let messageID = scheme.idHeader == nil ? id : (id ?? "msg_" + UUID().uuidString.lowercased())
            do throws(SignatureError) {
                let signer = try SignatureSigner(scheme: scheme, secrets: secrets)
                let headers = try signer.sign(
                    body: body,
                    timestamp: timestamp ?? SignatureVerifier.systemClock(),
                    id: messageID
                )
                StandardStream.output.write(headers.map { "\($0.name): \($0.value)\n" }.joined())
            } catch {
                throw CLIFailure.usage(error.description)
            }
        }
    }
}
