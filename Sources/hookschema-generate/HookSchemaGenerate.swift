import ArgumentParser
import HookSchemaCommands

/// `hookschema-generate`: the generator alone, `hookschema generate` with the same options and exit codes.
///
/// The build plugin (`HookSchemaPlugin`) and the command plugin (`generate-webhook-code`) run this executable
/// rather than `hookschema`, so that a package using them builds only the schema loader and the generator for the
/// host: not swift-crypto, the validator or the bundled provider models that the full command line links.
@main
struct HookSchemaGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hookschema-generate",
        abstract: GenerateCommand.configuration.abstract,
        discussion: GenerateCommand.configuration.discussion,
        version: HookSchemaVersion.current
    )

    @OptionGroup var generate: GenerateCommand

    static func main() async {
        await runMappingExitCodes()
    }

    func run() throws {
        try generate.run()
    }
}
