import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaDiff
import HookSchemaLoader
import HookSchemaModel

/// `hookschema diff OLD NEW` / `hookschema diff --base GITREF`: what a schema change does to a receiver, on the wire
/// and in Swift. The CLI reads both sides (a folder, or the schemas folder at a git revision) and prints the
/// report; `HookSchemaDiff` compares.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what a schema change does to a receiver: on the wire and to the generated Swift.",
        discussion: """
            OLD and NEW are schema folders; with --base, OLD is the schemas folder (--schemas) at a git revision and \
            NEW the working tree's. Every change is one finding with its kind, the event or type and JSON pointer, \
            the file:line:column, and two verdicts: wire (breaking, drift, safe: for a receiver still validating \
            with OLD that gets NEW's traffic, and for deliveries captured under OLD checked against NEW) and swift \
            (source-breaking, additive, none: for app code written against OLD's generated types). Exits 0 when no \
            finding reaches --fail-on, 1 when one does, 2 for usage or schema errors.
            """
    )

    @Argument(help: ArgumentHelp("The old schemas folder.", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The new schemas folder.", valueName: "new"))
    var new: String?

    @Option(help: ArgumentHelp("Compare the schemas folder at this git revision with the working tree.", valueName: "gitref"))
    var base: String?

    @Option(help: ArgumentHelp("The schemas folder, with --base.", valueName: "dir"))
    var schemas = "Schemas"

    @Option(help: ArgumentHelp("text, json, markdown, junit, github or sarif.", valueName: "format"))
    var format: String = "text"

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("breaking (the default), drift, any or none: what makes the exit status 1.", valueName: "level"))
    var failOn: String = "breaking"

    func validate() throws {
        guard DiffFormat(rawValue: format) != nil else {
            throw ValidationError(
                "unknown --format `\(format)`; use one of \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FailLevel(rawValue: failOn) != nil else {
            throw ValidationError(
                "unknown --fail-on `\(failOn)`; use one of \(FailLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch (old, new, base) {
        case (_?, _?, nil), (nil, nil, _?): break
        case (_?, _?, _?): throw ValidationError("give either OLD and NEW, or --base, not both")
        case (_?, nil, _): throw ValidationError("missing the NEW schemas folder (or use --base GITREF)")
        default: throw ValidationError("give the OLD and NEW schemas folders, or --base GITREF")
        }
    }

    func run() throws {
        let oldSide: Side
        let newSide: Side
        if let base {
            let snapshot = try GitSnapshot(revision: base, schemas: schemas)
            defer { snapshot.remove() }
            if let directory = snapshot.directory {
                oldSide = try Side.load(directory: directory, displayedAs: schemas, label: "\(base):\(schemas)")
            } else {
                // The folder is new since the base revision: everything in it is added.
                oldSide = Side(schemaSet: SchemaSet(providers: []), sources: SchemaSourceMap())
            }
            newSide = try Side.load(directory: schemas, displayedAs: schemas, label: schemas)
        } else {
            oldSide = try Side.load(directory: old!, displayedAs: old!, label: old!)
            newSide = try Side.load(directory: new!, displayedAs: new!, label: new!)
        }
        let report = SchemaDiff.compare(
            old: oldSide.schemaSet, new: newSide.schemaSet, oldSources: oldSide.sources, newSources: newSide.sources)
        let level = FailLevel(rawValue: failOn)!
        StandardStream.output.write(report.rendered(as: DiffFormat(rawValue: format)!, failOn: level))
        if report.reaches(level) {
            throw ExitCode.findings
        }
    }

    /// One side of the comparison, loaded.
    struct Side {
        var schemaSet: SchemaSet
        var sources: SchemaSourceMap

        /// Loads `directory`, naming its files `displayedAs/<relative path>` in diagnostics and locations (so the
        /// base revision's files are named as in the working tree). Schema errors exit 2.
        static func load(directory: String, displayedAs display: String, label: String) throws -> Side {
            let sources: [SchemaSource]
            do {
                let base = display.hasSuffix("/") ? String(display.dropLast()) : display
                sources = try SchemaLoader.readSources(directory: directory)
                    .filter { !GeneratorConfig.fileNames.contains($0.relativePath) }
                    .map { SchemaSource(path: base + "/" + $0.relativePath, relativePath: $0.relativePath, text: $0.text) }
            } catch {
                StandardStream.error.write("error: \(error)\n")
                throw ExitCode.usageError
            }
            guard !sources.isEmpty else {
                StandardStream.error.write("error: no schema files (*.yaml) in `\(label)`\n")
                throw ExitCode.usageError
            }
            let result = SchemaLoader.load(sources: sources)
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                StandardStream.error.write(diagnostic.description + "\n")
            }
            guard let schemaSet = result.schemaSet else {
                StandardStream.error.write("error: the schemas in `\(label)` have errors\n")
                throw ExitCode.usageError
            }
            return Side(schemaSet: schemaSet, sources: SchemaSourceMap(sources: sources))
        }
    }
}

/// The schemas folder at a git revision, extracted into a temporary folder with `git archive`: nothing is fetched
/// and the working tree is not touched.
struct GitSnapshot {
    /// The extracted schemas folder; nil when the revision has no such folder (it was added since).
    let directory: String?
    private let root: URL

    init(revision: String, schemas: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
            StandardStream.error.write("error: cannot read schemas folder `\(schemas)`: no such directory\n")
            throw ExitCode.usageError
        }
        let prefix = try Self.git(["rev-parse", "--show-prefix"], in: schemas, what: "find the git repository")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let top = try Self.git(["rev-parse", "--show-toplevel"], in: schemas, what: "find the git repository")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Self.git(
            ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top,
            what: "find the revision `\(revision)`")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-diff-\(UUID().uuidString)")
        let object = revision + ":" + (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix)
        guard (try? Self.git(["cat-file", "-e", object], in: top, what: "", quiet: true)) != nil else {
            directory = nil
            return
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let archive = root.appendingPathComponent("base.tar")
        let path = prefix.isEmpty ? "." : prefix
        do {
            _ = try Self.git(
                ["archive", "--format=tar", "--output", archive.path, revision, "--", path], in: top,
                what: "read `\(prefix.isEmpty ? "." : prefix)` at `\(revision)`")
            _ = try Self.run("/usr/bin/env", ["tar", "-x", "-f", archive.path, "-C", root.path], in: top, what: "unpack it")
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
        directory = prefix.isEmpty ? root.path : root.appendingPathComponent(prefix).path
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    private static func git(_ arguments: [String], in directory: String, what: String, quiet: Bool = false) throws
        -> String
    {
        try run("/usr/bin/env", ["git"] + arguments, in: directory, what: what, quiet: quiet)
    }

    private static func run(
        _ tool: String, _ arguments: [String], in directory: String, what: String, quiet: Bool = false
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            StandardStream.error.write("error: --base: cannot run `\(arguments.first ?? tool)`: \(error)\n")
            throw ExitCode.usageError
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if quiet { throw ExitCode.usageError }
            let detail = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            StandardStream.error.write("error: --base: cannot \(what)\(detail.isEmpty ? "" : ": " + detail)\n")
            throw ExitCode.usageError
        }
        return String(decoding: data, as: UTF8.self)
    }
}
