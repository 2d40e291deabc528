import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation

/// `hookschema check`: validates captured delivery bodies against the schemas and reports every finding, for
/// people (text) and CI (json, junit, github).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate delivery payloads against the schemas and report how they drift.",
        discussion: """
            PATH is a .json file (one delivery body), an .ndjson or .jsonl file (one body per line), a directory \
            (every .json, .ndjson and .jsonl file below it, in sorted order), or - for NDJSON on standard input. \
            A *.delivery.json file is a captured delivery with headers: {"headers": {"Name": "value", …}, \
            "body": "<the raw body as a string>"}; its headers are checked too. Without PATH: Examples/payloads.

            A provider that names its events in a header (GitHub's X-GitHub-Event) needs that header: captured \
            deliveries carry it; for bare bodies, name the event with --event (`--event issues`; the variant, such \
            as GitHub's `action`, is read from the body). Without either, such a body gets one missing_header \
            finding.

            Exits 0 when no payload fails (drift is allowed), 1 when a payload fails (or drifts, with --strict), \
            and 2 for usage, I/O or schema errors.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A schemas folder to load instead of the bundled schemas.", valueName: "dir"))
    var schemas: String?

    @Option(name: .long, help: "Output format: text, json, junit or github.")
    var format: CheckOutputFormat = .text

    @Flag(name: .long, help: "Fail on drift (warnings) too, not only on errors.")
    var strict = false

    @Option(
        name: .customLong("secret-env"),
        help: ArgumentHelp(
            "Verify captured deliveries' signatures with the secret in this environment variable; "
                + "`provider=VAR` for one provider (repeatable).",
            valueName: "var"
        )
    )
    var secretEnvironment: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The event type of bare bodies, for a provider that names events in a header (the value of GitHub's "
                + "X-GitHub-Event, such as `issues`); a captured delivery's own header takes precedence.",
            valueName: "type"
        )
    )
    var event: String?

    @Argument(help: ArgumentHelp("Payload files or folders, or - for NDJSON on standard input.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let validator = SchemaValidator(schemas: try loadSchemas())
        let signatures = try CLIFailure.reporting {
            try DeliverySignatureCheck(specifications: secretEnvironment, schemas: validator.schemas)
        }
        let sources: [PayloadSource]
        do {
            sources = try PayloadSource.expand(paths.isEmpty ? ["Examples/payloads"] : paths)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        let reporter = CheckReporter.make(format, strict: strict)
        var summary = CheckSummary()
        var buffers = ValidationBuffers()
        do {
            for source in sources {
                try source.forEachPayload(limits: validator.limits) { payload in
                    var report = payload.validate(with: validator, eventType: event, reusing: &buffers)
                    signatures.check(payload, report: &report)
                    let result = CheckResult(source: source.displayPath, line: payload.line, report: report)
                    summary.add(report.verdict)
                    try reporter.add(result)
                }
            }
            try reporter.finish(summary)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        if summary.fail > 0 || (strict && summary.drift > 0) {
            throw ExitCode.findings
        }
    }

    /// `--schemas DIR` through the loader (and its cache, `SchemaCache`), else the schemas bundled with the
    /// generated models.
    private func loadSchemas() throws -> SchemaSet {
        guard let schemas else { return BundledSchemas.schemaSet }
        let result: LoadResult
        do {
            result = try SchemaCache.load(directory: schemas)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        guard let schemaSet = result.schemaSet else {
            for diagnostic in result.diagnostics {
                StandardStream.error.write(diagnostic.description + "\n")
            }
            StandardStream.error.write("error: the schemas in \(schemas) have errors; run `hookschema lint`\n")
            throw ExitCode.usageError
        }
        return schemaSet
    }
}

/// `--format`.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case junit
    case github
}

/// The outcome for one payload, as the reporters print it.
struct CheckResult {
    /// The path as given (or found below a given folder), `-` for standard input.
    var source: String
    /// The 1-based line of an NDJSON body; nil for a whole file.
    var line: Int?
    var report: DriftReport

    /// `source` or `source:line`.
    var location: String {
        line.map { "\(source):\($0)" } ?? source
    }
}

/// Payload counts by verdict.
struct CheckSummary {
    var payloads = 0
    var pass = 0
    var drift = 0
    var fail = 0

    mutating func add(_ verdict: Verdict) {
        payloads += 1
        switch verdict {
        case .pass: pass += 1
        case .drift: drift += 1
        case .fail: fail += 1
        }
    }

    /// `12 payloads: 9 pass, 2 drift, 1 fail`.
    var line: String {
        "\(payloads) payload\(payloads == 1 ? "" : "s"): \(pass) pass, \(drift) drift, \(fail) fail"
    }
}
