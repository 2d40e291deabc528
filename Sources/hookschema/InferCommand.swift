import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaImport
import HookSchemaInfer
import HookSchemaValidation

/// `hookschema infer`: captured deliveries in, a provider folder in the schema language out. The CLI reads the
/// deliveries (twice: see `ProviderInference`) and writes the folder; `HookSchemaInfer` does the rest.
struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Infer a provider's schemas from captured deliveries.",
        discussion: """
            Reads deliveries (.json bodies, .ndjson/.jsonl streams, .delivery.json captures with headers, or folders \
            of them) and writes <output>/<provider>/: provider.yaml (the envelope: the members every event has, and \
            the named types: object shapes found in several places) and one event file per event type found.

            How events are named: --discriminator MEMBER, or else found: a captured header whose name says event or \
            topic, not an id (X-GitHub-Event; a body member such as `action` then names the variant), or the top-level \
            string member whose values best split the samples' shapes (eventType, type). Per member: required when \
            every sample had it, nullable when a null was seen, the narrowest type (integer before number; datetime, \
            date, uuid, email or uri when every value is one; email and uri need 3 strings), an enum when at least 10 \
            strings took fewer distinct name-like values than the square root of their number, a const when one \
            name-like value was seen 3 times or more, a map when the member names look like data, a union when a \
            member's value tells apart objects of different shapes (object: extract_run | signed_data_url). Each \
            decision it was unsure of is a YAML comment saying how many samples it saw. Review the result: it says \
            what the samples showed, not what the provider promises.

            Running it again rewrites what it wrote and keeps an existing provider.yaml's envelope, headers, signature \
            and dedupeKey. The result is linted before anything is written. Exit codes: 0 written, 1 the result does \
            not lint, 2 usage or I/O errors, or no way to name the events.
            """
    )

    @Argument(
        help: ArgumentHelp("Delivery files or folders (.json, .ndjson, .jsonl, .delivery.json).", valueName: "path"))
    var paths: [String]

    @Option(
        help: ArgumentHelp("The provider id: the folder written, and the generated names' prefix.", valueName: "name"))
    var provider: String

    @Option(help: ArgumentHelp("The body member that names the event (found when not given).", valueName: "member"))
    var discriminator: String?

    @Option(help: ArgumentHelp("The schemas folder to write the provider folder into.", valueName: "dir"))
    var output = "Schemas"

    @Option(
        help: ArgumentHelp(
            "Write only events with at least this many samples (the others are listed).", valueName: "n"))
    var minSamples = 1

    func validate() throws {
        if paths.contains("-") {
            throw ValidationError("infer reads its input twice: give files or folders, not standard input (-)")
        }
        if minSamples < 1 { throw ValidationError("--min-samples takes a whole number of at least 1") }
    }

    func run() throws {
        let sources: [PayloadSource]
        do {
            sources = try PayloadSource.expand(paths)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        var inference = ProviderInference(provider: provider, discriminator: discriminator)
        var skipped = 0
        // Pass 1: how events are named, and which members are tags.
        try forEach(sources) { payload, place in
            do {
                try inference.survey(body: payload.body, headers: payload.headers)
            } catch {
                skipped += 1
                StandardStream.error.write("\(place): warning: skipped: not JSON: \(error)\n")
            }
        }
        do {
            try inference.finishSurvey()
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        // Pass 2: every delivery into its event.
        try forEach(sources) { payload, place in
            guard let named = try? inference.fold(body: payload.body, headers: payload.headers) else { return }
            if !named {
                StandardStream.error.write(
                    "\(place): warning: skipped: names no event (\(inference.namingDescription))\n")
            }
        }
        var result = inference.result(source: paths.joined(separator: ", "))
        let few = result.provider.events.filter { (result.samples[$0.type] ?? 0) < minSamples }
        if !few.isEmpty {
            for event in few {
                StandardStream.error.write(
                    "warning: \(event.type): \(event.heading ?? "no samples"), fewer than --min-samples \(minSamples); "
                        + "not written\n")
            }
            let names = Set(few.map(\.type))
            result.provider.events.removeAll { names.contains($0.type) }
        }
        let folder = URL(fileURLWithPath: output).appendingPathComponent(provider).path
        let existing = FileManager.default.contents(atPath: folder + "/provider.yaml").map {
            String(decoding: $0, as: UTF8.self)
        }
        let files = ImportWriter.files(
            result.provider, source: "\(inference.samples) deliveries", existingProvider: existing,
            origin: .infer(notes: result.notes))
        try ProviderFolder(path: folder, provider: provider, marker: ImportWriter.inferMarker, command: "infer")
            .write(files, check: false)
        StandardStream.output.write(
            "inferred \(result.provider.events.count) events and \(result.provider.types.count) types from "
                + "\(inference.samples - skipped) deliveries into \(folder) (events named by "
                + "\(inference.namingDescription))\n")
    }

    /// Calls `body` with every readable payload of `sources` and where it is (`file` or `file:line`).
    private func forEach(_ sources: [PayloadSource], _ body: (PayloadSource.Payload, String) throws -> Void) throws {
        let limits = ValidationLimits()
        for source in sources {
            do {
                try source.forEachPayload(limits: limits) { payload in
                    let place = payload.line.map { "\(source.displayPath):\($0)" } ?? source.displayPath
                    if let unreadable = payload.unreadable {
                        StandardStream.error.write("\(place): warning: skipped: \(unreadable.message)\n")
                        return
                    }
                    try body(payload, place)
                }
            } catch let error as PayloadSource.InputError {
                StandardStream.error.write("error: \(error)\n")
                throw ExitCode.usageError
            }
        }
    }
}
