import ArgumentParser
import HookSchemaCommands
import HookSchemaExport
import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel

/// `hookschema export`: the schemas in other ecosystems' formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the schemas for other ecosystems.",
        subcommands: [ExportJSONSchemaCommand.self]
    )
}

/// `hookschema export jsonschema`: draft 2020-12 JSON Schemas, one per event and one per provider.
struct ExportJSONSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonschema",
        abstract: "Export the schemas as JSON Schema (draft 2020-12).",
        discussion: """
            Writes <output>/<provider>/<eventType>.schema.json for each event and <output>/<provider>.schema.json, \
            which dispatches on the discriminator. --mode tolerant (the default) accepts what the generated types \
            accept: unknown members and unknown values of open enums (a delivery is valid exactly when `hookschema \
            check` reports no error); --mode strict rejects them (valid exactly when `check` reports nothing). The \
            default output folder is JSONSchema/<mode>. A file is rewritten only when its bytes change; files an \
            earlier export wrote that are no longer produced are removed. With --check nothing is written: exits 1 \
            and lists the files that are out of date. Validators must assert `format` (python-jsonschema: \
            format_checker; jsonschema-rs: validate_formats=True). Exit codes: 0 done (or up to date), 1 schema \
            errors or out-of-date files (--check), 2 usage or I/O errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schemas folder.", valueName: "dir"))
    var schemas = "Schemas"

    @Option(name: .long, help: ArgumentHelp("The output folder (default: JSONSchema/<mode>).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("tolerant or strict.", valueName: "mode"))
    var mode = JSONSchemaMode.tolerant.rawValue

    @Flag(name: .long, help: "Write nothing; exit 1 if any exported file is out of date.")
    var check = false

    func validate() throws {
        guard JSONSchemaMode(rawValue: mode) != nil else {
            throw ValidationError("--mode must be tolerant or strict, not `\(mode)`")
        }
    }

    private var selectedMode: JSONSchemaMode { JSONSchemaMode(rawValue: mode) ?? .tolerant }

    /// The folder written to: `--output`, or JSONSchema/<mode>.
    private var outputDirectory: String { output ?? "JSONSchema/\(selectedMode.rawValue)" }

    func run() throws {
        let result = try SchemaLoader.loadPrintingDiagnostics(directory: schemas)
        guard let schemaSet = result.schemaSet else {
            throw ExitCode.findings
        }
        let files = JSONSchemaExporter.export(schemaSet, mode: selectedMode).map {
            GeneratedFile(relativePath: $0.relativePath, contents: $0.contents)
        }
        let writer = GeneratedFileWriter(
            outputDirectory: outputDirectory, fileExtension: "json", isGenerated: { ExportedFile.isGenerated($0) })
        try writer.update(files, check: check, display: outputDirectory, fixCommand: fixCommand)
    }

    /// The command that brings the output folder up to date: this one, without `--check`.
    private var fixCommand: String {
        var command = "swift run hookschema export jsonschema --mode \(selectedMode.rawValue)"
        if schemas != "Schemas" {
            command += " --schemas \(schemas)"
        }
        if let output {
            command += " --output \(output)"
        }
        return command
    }
}
