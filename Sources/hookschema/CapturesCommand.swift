import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaReceiver

#if SQLite
    import HookSchemaReceiverSQLite
#endif
#if PostgreSQL
    import HookSchemaReceiverPostgres
#endif

/// `hookschema captures`: what a receiver captured.
struct CapturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "captures",
        abstract: "Work with the deliveries a receiver captured.",
        subcommands: [CapturesExportCommand.self]
    )
}

/// `hookschema captures export`: captured deliveries out as files `hookschema check` reads.
struct CapturesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write captured deliveries as .delivery.json files or NDJSON, for `hookschema check`.",
        discussion: """
            Reads the receiver's store (a SQLite file, or postgres://… with a build that has the PostgreSQL \
            trait) and writes each capture, oldest first: with --format delivery, one \
            `<id>-<provider>-<event>.delivery.json` per capture in the --output folder (headers and the raw body, \
            so `check` also checks the headers); with --format ndjson, one body per line to --output (`-`: standard \
            output). A body that is not UTF-8 text cannot be written as a delivery file and is reported and \
            skipped. Exit codes: 0 written, 1 some captures skipped, 2 usage or store errors.
            """
    )

    @Option(help: ArgumentHelp("The receiver's store: a SQLite file, or postgres://user@host/db.", valueName: "url"))
    var databaseURL: String = "hookschema-captures.sqlite"

    @Option(
        help: ArgumentHelp("delivery (one .delivery.json per capture) or ndjson (bodies only).", valueName: "format"))
    var format: String = "delivery"

    @Option(help: ArgumentHelp("The folder (delivery) or file (ndjson; `-` for standard output).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Only this provider's captures.", valueName: "name"))
    var provider: String?

    @Option(
        help: ArgumentHelp(
            "Only captures with this outcome (accepted, quarantined, unreadable, handler_failed).",
            valueName: "outcome"))
    var outcome: String?

    func run() async throws {
        guard ["delivery", "ndjson"].contains(format) else {
            throw CLIFailure.usage("--format is delivery or ndjson, not `\(format)`").reported()
        }
        if let outcome, CaptureOutcome(rawValue: outcome) == nil {
            let known = CaptureOutcome.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIFailure.usage("unknown --outcome `\(outcome)` (known: \(known))").reported()
        }
        let store = try await Self.openStore(databaseURL)
        let sink: CaptureSink
        do {
            sink = try CaptureSink(format: format, output: output ?? (format == "ndjson" ? "-" : "captures"))
        } catch let failure as CLIFailure {
            throw failure.reported()
        }
        var written = 0
        var skipped = 0
        var last: Int64 = 0
        do {
            while true {
                let page = try await store.captures(after: last, limit: 500)
                guard let end = page.last?.id else { break }
                last = end
                for capture in page
                where (provider == nil || capture.provider == provider)
                    && (outcome == nil || capture.outcome.rawValue == outcome)
                {
                    do {
                        try sink.write(capture)
                        written += 1
                    } catch let failure as CaptureExport.Failure {
                        StandardStream.error.write("warning: \(failure.description)\n")
                        skipped += 1
                    }
                }
            }
        } catch let failure as CLIFailure {
            throw failure.reported()
        } catch {
            throw CLIFailure.usage("cannot read the captures: \(error)").reported()
        }
        try sink.finish()
        let destination = sink.destination == "-" ? "standard output" : sink.destination
        StandardStream.error.write(
            "exported \(written) capture\(written == 1 ? "" : "s") to \(destination)"
                + (skipped > 0 ? "; \(skipped) skipped\n" : "\n"))
        if skipped > 0 { throw ExitCode(1) }
    }

    /// The store a `--database-url` names, if this build has its trait.
    static func openStore(_ url: String) async throws -> any ReceiverStore {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            #if PostgreSQL
                do {
                    return try PostgresReceiverStore(url: url)
                } catch {
                    throw CLIFailure.usage("\(error)").reported()
                }
            #else
                throw CLIFailure.usage(
                    "this hookschema was built without the PostgreSQL trait: "
                        + "`swift run --traits Receiver hookschema …`"
                ).reported()
            #endif
        }
        #if SQLite
            var path = url
            for prefix in ["sqlite://", "sqlite:"] where path.hasPrefix(prefix) {
                path = String(path.dropFirst(prefix.count))
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIFailure.usage("no capture database at `\(path)` (--database-url)").reported()
            }
            do {
                return try await SQLiteReceiverStore(path: path)
            } catch {
                throw CLIFailure.usage("\(error)").reported()
            }
        #else
            throw CLIFailure.usage(
                "this hookschema was built without the SQLite trait: "
                    + "`swift run --traits Receiver hookschema …`"
            ).reported()
        #endif
    }
}

/// Where exported captures go: a folder of delivery files, or an NDJSON stream.
private final class CaptureSink {
    let format: String
    let destination: String
    private let handle: FileHandle?

    init(format: String, output: String) throws {
        self.format = format
        self.destination = output
        let fileManager = FileManager.default
        if format == "delivery" {
            do {
                try fileManager.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure.usage("cannot create the folder `\(output)`: \(error.localizedDescription)")
            }
            handle = nil
        } else if output == "-" {
            handle = FileHandle.standardOutput
        } else {
            guard fileManager.createFile(atPath: output, contents: nil),
                let opened = FileHandle(forWritingAtPath: output)
            else {
                throw CLIFailure.usage("cannot write `\(output)`")
            }
            handle = opened
        }
    }

    func write(_ capture: CaptureRecord) throws {
        if let handle {
            handle.write(Data(CaptureExport.ndjsonLine(capture)))
            return
        }
        let text = try CaptureExport.deliveryJSON(capture)
        let path = (destination as NSString).appendingPathComponent(CaptureExport.fileName(capture))
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CLIFailure.usage("cannot write `\(path)`")
        }
    }

    func finish() throws {
        if let handle, destination != "-" { try handle.close() }
    }
}

extension CLIFailure {
    /// Prints the message on standard error and gives the exit code to throw (for async commands, which cannot use
    /// the synchronous `reporting`).
    func reported() -> ExitCode {
        StandardStream.error.write("error: \(message)\n")
        return code
    }
}
