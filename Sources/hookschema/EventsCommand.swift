import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaLoader
import HookSchemaModel

/// `hookschema events`: writes the Markdown list of supported events (`Schemas/EVENTS.md`) from the schemas, or
/// with `--check` reports that the committed list is out of date.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Write the Markdown list of supported events (default: <schemas>/EVENTS.md).",
        discussion: """
            One table per provider: event type, generated Swift type, payload type and the first sentence of the \
            description, then the legacy event names and their replacements. `--output -` prints to standard \
            output. With --check nothing is written: exits 1 when the file differs from what would be written. \
            Exit codes: 0 done (or up to date), 1 schema errors or an out-of-date file (--check), 2 usage or I/O \
            errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schemas folder.", valueName: "dir"))
    var schemas = "Schemas"

    @Option(
        name: .long, help: ArgumentHelp("The file to write, or - (default: <schemas>/EVENTS.md).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Write nothing; exit 1 if the file is out of date.")
    var check = false

    private var outputPath: String { output ?? (schemas.hasSuffix("/") ? schemas : schemas + "/") + "EVENTS.md" }

    func run() throws {
        let result = try SchemaLoader.loadPrintingDiagnostics(directory: schemas)
        guard let schemaSet = result.schemaSet else {
            throw ExitCode.findings
        }
        let markdown = EventCatalog.markdown(schemaSet)
        if outputPath == "-" {
            StandardStream.output.write(markdown)
            return
        }
        let url = URL(fileURLWithPath: outputPath)
        let current = try? String(contentsOf: url, encoding: .utf8)
        if check {
            guard current == markdown else {
                let state = current == nil ? "missing" : "out of date"
                StandardStream.error.write("\(outputPath) is \(state); run `\(fixCommand)`\n")
                throw ExitCode.findings
            }
            StandardStream.output.write("\(outputPath) is up to date\n")
            return
        }
        guard current != markdown else {
            StandardStream.output.write("\(outputPath) is up to date\n")
            return
        }
        do {
            try Data(markdown.utf8).write(to: url, options: .atomic)
        } catch {
            StandardStream.error.write("error: cannot write \(outputPath): \(error.localizedDescription)\n")
            throw ExitCode.usageError
        }
        StandardStream.output.write("wrote \(outputPath)\n")
    }

    /// This command without `--check`.
    private var fixCommand: String {
        var command = EventCatalog.command
        if schemas != "Schemas" {
            command += " --schemas \(schemas)"
        }
        if let output {
            command += " --output \(output)"
        }
        return command
    }
}
