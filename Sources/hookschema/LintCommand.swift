import ArgumentParser
import HookSchemaCommands
import HookSchemaLoader
import HookSchemaModel

/// `hookschema lint`: loads the schemas and reports every problem as `file:line:column: error: message`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the schemas and report every problem with its file, line and column.",
        discussion: """
            Exits 0 when the schemas are valid (printing a one-line summary), 1 when there are errors (printed to \
            standard error, one per line, as file:line:column: error: message), and 2 when the schemas folder \
            cannot be read.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schemas folder.", valueName: "dir"))
    var schemas = "Schemas"

    func run() throws {
        let result = try SchemaLoader.loadPrintingDiagnostics(directory: schemas)
        guard let schemaSet = result.schemaSet else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            StandardStream.error.write("\(Self.counted(errors, "error")) in \(schemas)\n")
            throw ExitCode.findings
        }
        StandardStream.output.write(Self.summary(schemaSet) + ": OK\n")
    }

    /// "2 providers, 10 events, 14 types".
    static func summary(_ schemaSet: SchemaSet) -> String {
        let events = schemaSet.providers.reduce(0) { $0 + $1.events.count }
        let types = schemaSet.providers.reduce(0) { $0 + $1.types.count }
        return [
            counted(schemaSet.providers.count, "provider"), counted(events, "event"), counted(types, "type"),
        ].joined(separator: ", ")
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
