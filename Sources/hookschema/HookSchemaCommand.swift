import ArgumentParser

@main
struct HookSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hookschema",
        abstract: "Typed Swift models, validators and drift checks for webhook deliveries, from YAML schemas.",
        subcommands: []
    )
}
