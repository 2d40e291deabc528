import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaImport
import HookSchemaLoader

/// `hookschema import openapi|jsonschema`: a provider's published schemas in, a provider folder in the schema
/// language out. The CLI reads files and writes the folder; `HookSchemaImport` does the rest.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a provider's published JSON Schemas or OpenAPI webhooks as YAML schemas.",
        subcommands: [OpenAPI.self, JSONSchema.self]
    )

    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp("The provider id: the folder written, and the generated names' prefix.", valueName: "name"))
        var provider: String

        @Option(help: ArgumentHelp("The schemas folder to write the provider folder into.", valueName: "dir"))
        var output = "Schemas"

        @Flag(help: "Write nothing; exit 1 when the provider folder is not what the import would write.")
        var check = false

        @Flag(help: "Treat every construct that does not map exactly (a warning) as an error.")
        var strict = false

        @Option(
            help: ArgumentHelp(
                "The body member that names the event, when it cannot be found (no member is a different constant "
                    + "in every event).",
                valueName: "member"))
        var discriminator: String?
    }

    struct OpenAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Import the webhooks of an OpenAPI document (3.0 `x-webhooks` or 3.1 `webhooks`, JSON or YAML).",
            discussion: ImportCommand.discussion
        )

        @OptionGroup var options: Options

        @Argument(help: ArgumentHelp("The OpenAPI document (.json, .yaml).", valueName: "file"))
        var file: String

        func run() throws {
            try ImportRun(options: options, source: file) { importOptions in
                try HookSchemaImport.OpenAPIImport.run(path: file, displayPath: file, options: importOptions)
            }.run()
        }
    }

    struct JSONSchema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jsonschema",
            abstract: "Import JSON Schema files (drafts 07 and 2020-12): a file, or a folder of them.",
            discussion: ImportCommand.discussion
                + "\n\nA folder laid out as <event>/<variant>.schema.json (GitHub's octokit/webhooks) is one event "
                + "per folder, its files the variants of that event; files other files $ref are shared types."
        )

        @OptionGroup var options: Options

        @Argument(help: ArgumentHelp("A JSON Schema file or a folder of them.", valueName: "path"))
        var path: String

        func run() throws {
            try ImportRun(options: options, source: path) { importOptions in
                try HookSchemaImport.JSONSchemaImport.run(path: path, displayPath: path, options: importOptions)
            }.run()
        }
    }

    static let discussion = """
        Writes <output>/<provider>/: one event file per event (named after the event type, a comment naming the \
        source file and pointer), and provider.yaml with the envelope and the named types (shared schemas keep \
        their names). Every construct that does not map exactly is a warning on stderr, `file:pointer: warning: \
        … mapped to …`; with --strict, an error. Re-running after the provider publishes a new version rewrites \
        what the import wrote (the event files and provider.yaml's `types:`) and keeps what you wrote: an existing \
        provider.yaml's envelope, headers, signature and dedupeKey are never overwritten. The result is linted \
        before anything is written. Exit codes: 0 written (or, with --check, up to date), 1 warnings under \
        --strict, schemas that do not lint, or (--check) a stale folder, 2 usage or I/O errors and sources that \
        cannot be imported.
        """
}

/// One import: read what exists, import, lint the result in memory, then check or write.
struct ImportRun {
    let options: ImportCommand.Options
    let source: String
    let importer: (ImportOptions) throws -> ImportedProvider

    func run() throws {
        let folder = URL(fileURLWithPath: options.output).appendingPathComponent(options.provider).path
        let providerPath = folder + "/provider.yaml"
        let existing = FileManager.default.contents(atPath: providerPath).map { String(decoding: $0, as: UTF8.self) }
        var importOptions = ImportOptions(provider: options.provider, discriminator: options.discriminator)
        if let existing {
            let envelope = ExistingProvider(text: existing)
            importOptions.existingNaming = envelope.naming
            importOptions.existingEnvelopeFields = envelope.fields
        }
        let provider: ImportedProvider
        do {
            provider = try importer(importOptions)
        } catch {
            StandardStream.error.write("\(error)\n")
            throw ExitCode.usageError
        }
        for warning in provider.warnings {
            StandardStream.error.write(options.strict ? "\(warning)".replacing(": warning: ", with: ": error: ") + "\n"
                : "\(warning)\n")
        }
        if options.strict, !provider.warnings.isEmpty {
            StandardStream.error.write("\(provider.warnings.count) constructs do not map exactly (--strict); nothing written\n")
            throw ExitCode.findings
        }
        let files = ImportWriter.files(provider, source: source, existingProvider: existing)
        try ProviderFolder(path: folder, provider: options.provider, marker: ImportWriter.eventMarker, command: "import")
            .write(files, check: options.check)
        if options.check { return }
        let kept = existing == nil ? "" : "; provider.yaml's envelope, headers and signature kept"
        StandardStream.output.write(
            "imported \(provider.events.count) events and \(provider.types.count) types into \(folder) "
                + "(\(provider.warnings.count) warnings\(kept))\n")
    }
}

/// A provider folder that a command writes whole (`import`, `infer`): the files are linted in memory first (never a
/// half-valid folder), then compared (`--check`) or written atomically; event files an earlier run wrote (they start
/// with `marker`) and this one does not are removed.
struct ProviderFolder {
    let path: String
    let provider: String
    let marker: String
    let command: String
    /// `imported`, `inferred`: for messages.
    var participle: String { command == "infer" ? "inferred" : "imported" }

    /// Lints and writes (or checks) `files`. Throws `ExitCode.findings` when they do not lint or (`check`) the
    /// folder is stale, `ExitCode.usageError` when it cannot be written.
    func write(_ files: [(name: String, contents: String)], check: Bool) throws {
        let folder = path
        let sources = files.map {
            SchemaSource(path: "\(folder)/\($0.name)", relativePath: "\(provider)/\($0.name)", text: $0.contents)
        }
        let result = SchemaLoader.load(sources: sources)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for diagnostic in errors { StandardStream.error.write("\(diagnostic)\n") }
            StandardStream.error.write(
                "error: the \(participle) schemas do not lint (above); nothing written. Please report this with the "
                    + "source document.\n")
            throw ExitCode.findings
        }
        let stale = staleEventFiles(keeping: Set(files.map(\.name)))
        if check {
            var outOfDate = files.filter { file in
                FileManager.default.contents(atPath: "\(folder)/\(file.name)").map { String(decoding: $0, as: UTF8.self) }
                    != file.contents
            }.map(\.name)
            outOfDate += stale.map { "\($0) (no longer \(participle))" }
            if outOfDate.isEmpty {
                StandardStream.output.write("\(folder) is up to date (\(files.count) files)\n")
                return
            }
            for name in outOfDate { StandardStream.error.write("out of date: \(folder)/\(name)\n") }
            StandardStream.error.write(
                "\(folder) is out of date; run the same `hookschema \(command)` without --check\n")
            throw ExitCode.findings
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in files {
                try AtomicFile.write(Array(file.contents.utf8), to: "\(folder)/\(file.name)")
            }
            for name in stale {
                try FileManager.default.removeItem(atPath: "\(folder)/\(name)")
            }
        } catch {
            StandardStream.error.write("error: cannot write \(folder): \(error)\n")
            throw ExitCode.usageError
        }
    }

    /// Event files an earlier run wrote (they start with `marker`) that this one does not.
    private func staleEventFiles(keeping names: Set<String>) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.filter { name in
            guard name.hasSuffix(".yaml"), !names.contains(name),
                let data = FileManager.default.contents(atPath: "\(path)/\(name)")
            else { return false }
            return String(decoding: data.prefix(200), as: UTF8.self).hasPrefix(marker)
        }.sorted()
    }
}
