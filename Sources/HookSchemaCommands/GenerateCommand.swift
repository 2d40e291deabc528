import ArgumentParser
import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel

/// `hookschema generate`: renders Swift models for the schemas into an output folder.
public struct GenerateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models for the schemas.",
        discussion: """
            Writes, into <output>/<Provider>Webhooks/, one file per event file (<Provider>+<Event>.swift), one with \
            the named types of provider.yaml (<Provider>Types.swift) and one with the provider enum \
            (<Provider>Event.swift): file names follow from the schema file names alone, which is what lets the \
            build plugin declare them up front. --config reads the options from a hookschema-config.yaml (the \
            plugins pass the target's); options given on the command line override it. A hookschema-config.yaml \
            at the top of the schemas folder is not a schema file. A file is rewritten only when its bytes change; \
            files an earlier run generated that are no longer produced are removed; files hookschema did not write \
            are never touched. With --check nothing is written: exits 1 and lists the files that are out of date. \
            Exit codes: 0 done (or up to date), 1 schema or config errors or out-of-date files (--check), 2 usage or \
            I/O errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schemas folder.", valueName: "dir"))
    var schemas = "Schemas"

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output = "Generated"

    @Flag(name: .long, help: "Write nothing; exit 1 if any generated file is out of date.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("A hookschema-config.yaml with the options.", valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("access-level"),
        help: ArgumentHelp(
            "public, package or internal (default: public; with --config: internal).", valueName: "level"))
    var accessLevel: String?

    @Option(
        name: .customLong("type-prefix"), help: ArgumentHelp("Prefix of generated type names.", valueName: "prefix"))
    var typePrefix: String?

    @Option(
        name: .customLong("import"), help: ArgumentHelp("An extra module to import (repeatable).", valueName: "module"))
    var imports: [String] = []

    @Flag(name: .customLong("no-embed-schema"), help: "Do not embed the schema model (`ExtendEvent.provider`).")
    var noEmbedSchema = false

    @Option(name: .customLong("provider"), help: ArgumentHelp("Only this provider (repeatable).", valueName: "name"))
    var providers: [String] = []

    @Option(name: .customLong("event"), help: ArgumentHelp("Only this event type (repeatable).", valueName: "type"))
    var events: [String] = []

    /// Also writes a Swift file that uses every member and case of the generated API (`SwiftGenerator.apiUsage`):
    /// the Swift proof of `hookschema diff` compiles OLD's with NEW's generated files.
    @Option(name: .customLong("api-usage"), help: .hidden)
    var apiUsage: String?

    public init() {}

    public func validate() throws {
        if let accessLevel, GeneratorOptions.AccessLevel(rawValue: accessLevel) == nil {
            throw ValidationError("--access-level must be public, package or internal, not `\(accessLevel)`")
        }
        for module in imports where !SwiftIdentifier.isValidModuleName(module) {
            throw ValidationError("--import `\(module)` is not a module name")
        }
        if let typePrefix, !typePrefix.isEmpty, !SwiftIdentifier.isValidModuleName(typePrefix) {
            throw ValidationError("--type-prefix `\(typePrefix)` is not a Swift identifier")
        }
    }

    public func run() throws {
        let generatorConfig = try loadConfig()
        let options = options(with: generatorConfig)
        let result = try SchemaLoader.loadPrintingDiagnostics(
            directory: schemas, excluding: configFilesInSchemas())
        guard let schemaSet = result.schemaSet else {
            throw ExitCode.findings
        }
        try checkLayout(schemaSet)
        try checkFilters(schemaSet, options: options, config: generatorConfig)
        let files = SwiftGenerator.generate(schemaSet, options: options)
        try GeneratedFileWriter(outputDirectory: output).update(
            files, check: check, display: output, fixCommand: "swift run hookschema generate")
        if let apiUsage {
            do {
                try AtomicFile.write(Array(SwiftGenerator.apiUsage(schemaSet, options: options).utf8), to: apiUsage)
            } catch {
                StandardStream.error.write("error: cannot write `\(apiUsage)`: \(error)\n")
                throw ExitCode.usageError
            }
        }
    }
}

/// Checks names given on the command line before they reach generated code.
enum SwiftIdentifier {
    /// A plain identifier: a letter or `_`, then letters, digits or `_` (ASCII).
    static func isValidModuleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0 == "_" || $0.properties.isAlphabetic
                    || ("0"..."9").contains($0))
        }
    }
}
