import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaLearn
import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation

/// `hookschema learn`: folds the drift `check` reports for some deliveries into the schemas' YAML, in place (or as
/// a unified diff with `--dry-run`). The logic is `HookSchemaLearn`; this is option parsing and output.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Fold the drift that check reports into the schemas (new members, new enum values).",
        discussion: """
            Reads deliveries as check does (PATH is a .json body, an .ndjson or .jsonl file, a *.delivery.json \
            captured delivery, a folder of them, or - for NDJSON on standard input), validates each against the \
            schemas in --schemas (default: Schemas), and edits the YAML so that check reports no drift for them:

              - an undeclared member (unknown_field) becomes an optional member, typed from every value seen there;
              - an unknown value of an open enum (unknown_enum_value) is appended to its values;
              - a required member that was missing (missing_required) becomes optional.

            The edit is made in place, keeping every comment, key order and formatting it does not change: a new \
            member goes last in its fields: mapping, in the style of its siblings (flow when it fits in 120 \
            columns). With --dry-run nothing is written; the edit is printed as a unified diff to review.

            It never learns an error: a wrong type, a const, format or constraint violation, null where it is not \
            allowed, an unknown value of a closed enum or of a union's discriminator, a missing header, an unknown \
            event. Each is listed on standard error as `file: pointer: not learned: message` for a person to \
            decide.

            Exits 0 when everything was learned (or there was nothing to learn), 1 when some findings were not \
            learned, and 2 for usage, I/O or schema errors.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("The schemas folder to edit.", valueName: "dir"))
    var schemas: String = "Schemas"

    @Flag(name: .long, help: "Print the edit as a unified diff instead of writing the files.")
    var dryRun = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The event type of bare bodies, for a provider that names events in a header (as in check).",
            valueName: "type"
        )
    )
    var event: String?

    @Argument(help: ArgumentHelp("Payload files or folders, or - for NDJSON on standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Missing expected argument '<path> ...'") }
    }

    func run() throws {
        let (sources, schemaSet) = try loadSchemas()
        var learner = Learner(sources: sources, schemas: schemaSet)
        var payloads = 0
        var unreadable: [String] = []
        do {
            let limits = ValidationLimits()
            for source in try PayloadSource.expand(paths) {
                try source.forEachPayload(limits: limits) { payload in
                    payloads += 1
                    let label = payload.line.map { "\(source.displayPath):\($0)" } ?? source.displayPath
                    if let finding = payload.unreadable {
                        let pointer = finding.path.isEmpty ? "/" : finding.path
                        unreadable.append("\(label): \(pointer): not learned: \(finding.message)")
                        return
                    }
                    learner.add(
                        LearnDelivery(
                            source: label, body: Array(payload.body), headers: payload.headers, eventType: event))
                }
            }
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }

        let result = learner.result()
        // A safety net: the edited schemas must load, or nothing is written.
        let reloaded = SchemaLoader.load(sources: result.applied(to: sources))
        if reloaded.schemaSet == nil {
            for diagnostic in reloaded.diagnostics {
                StandardStream.error.write(diagnostic.description + "\n")
            }
            StandardStream.error.write("error: the learned edit does not load (a bug in learn); nothing written\n")
            throw ExitCode.usageError
        }
        if dryRun {
            for file in result.files {
                StandardStream.output.write(
                    UnifiedDiff.render(
                        original: file.original, edited: file.edited, oldLabel: "a/\(file.path)",
                        newLabel: "b/\(file.path)"))
            }
        } else {
            for file in result.files {
                do {
                    try AtomicFile.write(Array(file.edited.utf8), to: file.path)
                } catch {
                    StandardStream.error.write("error: cannot write \(file.path): \(error)\n")
                    throw ExitCode.usageError
                }
            }
            let base = schemas.hasSuffix("/") ? String(schemas.dropLast()) : schemas
            for change in result.changes {
                StandardStream.output.write("\(base)/\(change.file):\(change.line): \(change.summary)\n")
            }
        }
        let notLearned = unreadable + result.notLearned.map(\.description)
        for line in notLearned {
            StandardStream.error.write(line + "\n")
        }
        let verb = dryRun ? "would change" : "changed"
        let files = result.files.count
        StandardStream.error.write(
            "\(payloads) payload\(payloads == 1 ? "" : "s"): "
                + "\(result.changes.count) change\(result.changes.count == 1 ? "" : "s") learned "
                + "(\(verb) \(files) file\(files == 1 ? "" : "s")), \(notLearned.count) finding"
                + "\(notLearned.count == 1 ? "" : "s") not learned\n")
        if !notLearned.isEmpty {
            throw ExitCode.findings
        }
    }

    /// The schema files' texts and the model they load to; exits 2 when they cannot be read or have errors.
    private func loadSchemas() throws -> ([SchemaSource], SchemaSet) {
        let sources: [SchemaSource]
        do {
            sources = try SchemaLoader.readSources(directory: schemas)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        let result = SchemaLoader.load(sources: sources)
        guard let schemaSet = result.schemaSet, !sources.isEmpty else {
            for diagnostic in result.diagnostics {
                StandardStream.error.write(diagnostic.description + "\n")
            }
            StandardStream.error.write("error: the schemas in \(schemas) have errors; run `hookschema lint`\n")
            throw ExitCode.usageError
        }
        return (sources, schemaSet)
    }
}
