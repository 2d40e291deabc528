import ExtendWebhooks
import Foundation
import HookSchemaLoader
import HookSchemaValidation
import PlexteraWebhooks

// hookschema-bench: generates a corpus of realistic deliveries and measures the library validator and
// `hookschema check --format json` on it, single-threaded. Build and run in release mode:
//
//   swift build -c release && .build/release/hookschema-bench [--count N] [--schemas DIR] [--examples DIR]
//       [--corpus FILE] [--cli PATH] [--rounds R] [--reuse yes] [--corpus-only yes]
//       [--measure validator,cli,jsondecoder,typed]
//
// Each measurement also prints a machine-readable line, `result <name> <payloads> <bytes> <seconds>` (best round),
// which Benchmarks/compare.sh reads.

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("usage: hookschema-bench [--count N] [--schemas DIR] [--examples DIR] [--corpus FILE] [--cli PATH] [--rounds R]\n".utf8))
        exit(2)
    }
    options[String(name.dropFirst(2))] = value
}
let requestedCount = Int(options["count"] ?? "") ?? 20_000
let rounds = Int(options["rounds"] ?? "") ?? 5
let measured = Set((options["measure"] ?? "validator,cli").split(separator: ",").map(String.init))
let schemasFolder = options["schemas"] ?? "Schemas"
let examplesFolder = options["examples"] ?? "Examples/payloads"
let corpusPath = options["corpus"] ?? FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-bench.ndjson").path
let executableFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let cliPath = options["cli"] ?? executableFolder.appendingPathComponent("hookschema").path

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}

func format(_ value: Double) -> String {
    String(format: "%.1f", value)
}

// Corpus
let loaded = (try? SchemaLoader.load(directory: schemasFolder)) ?? LoadResult(schemaSet: nil, diagnostics: [])
guard let schemaSet = loaded.schemaSet else { fail("cannot load the schemas in \(schemasFolder)") }
// --reuse yes: measure an existing corpus file instead of generating one (for profiling the validator alone).
var corpus: [[UInt8]] = []
var file = Data()
if options["reuse"] == "yes", let existing = FileManager.default.contents(atPath: corpusPath) {
    file = existing
    corpus = existing.split(separator: UInt8(ascii: "\n")).map { [UInt8]($0) }
} else {
    var generator: CorpusGenerator
    do {
        generator = try CorpusGenerator(examplesFolder: examplesFolder, seed: 42)
        corpus = try generator.generate(count: requestedCount)
    } catch {
        fail("\(error)")
    }
    for line in corpus {
        file.append(contentsOf: line)
        file.append(UInt8(ascii: "\n"))
    }
    do {
        try file.write(to: URL(fileURLWithPath: corpusPath))
    } catch {
        fail("cannot write \(corpusPath): \(error)")
    }
}
guard !corpus.isEmpty else { fail("the corpus is empty") }
let count = corpus.count
let totalBytes = corpus.reduce(0) { $0 + $1.count }
let sizes = corpus.map(\.count).sorted()
print("corpus: \(count) deliveries, \(format(Double(totalBytes) / 1_048_576)) MiB, sizes \(sizes.first ?? 0)–\(sizes.last ?? 0) B (median \(sizes[sizes.count / 2]) B), \(corpusPath)")
if options["corpus-only"] == "yes" { exit(0) }

/// The best of `rounds` timings of `body`, which returns a checksum that must not change between rounds.
func best(of rounds: Int, _ body: () -> Int) -> Double {
    var best = Double.infinity
    var first: Int?
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        let checksum = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(first == nil || first == checksum, "a measured run changed its result")
        first = checksum
        best = min(best, seconds)
    }
    return best
}

func result(_ name: String, _ label: String, seconds: Double, bytes: Int) {
    print("\(label) \(format(Double(count) / seconds)) payloads/s, \(format(Double(bytes) / seconds / 1_000_000)) MB/s (best of \(rounds))")
    print("result \(name) \(count) \(bytes) \(seconds)")
}

// Library validator
let validator = SchemaValidator(schemas: schemaSet)
var verdicts: [Verdict: Int] = [:]
var findings = 0
for body in corpus {
    let report = validator.validate(body: body)
    verdicts[report.verdict, default: 0] += 1
    findings += report.findings.count
}
print("verdicts: \(verdicts[.pass] ?? 0) pass, \(verdicts[.drift] ?? 0) drift, \(verdicts[.fail] ?? 0) fail; \(findings) findings")
if measured.contains("validator") {
    let seconds = best(of: rounds) {
        var checksum = 0
        for body in corpus {
            checksum &+= validator.validate(body: body).findings.count
        }
        return checksum
    }
    result("validator", "library validator:       ", seconds: seconds, bytes: totalBytes)
}

// Foundation JSONDecoder on the generated types, and the one-pass typed decoder (value and report).
if measured.contains("jsondecoder") || measured.contains("typed") {
    measureTypedDecoding(corpus: corpus, validator: validator)
}

// CLI
if !measured.contains("cli") {
} else if FileManager.default.isExecutableFile(atPath: cliPath) {
    var bestCLI = Double.infinity
    for _ in 0..<max(1, rounds / 2) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cliPath)
        process.arguments = ["check", "--schemas", schemasFolder, "--format", "json", corpusPath]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try process.run()
        } catch {
            fail("cannot run \(cliPath): \(error)")
        }
        process.waitUntilExit()
        bestCLI = min(bestCLI, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        guard process.terminationStatus <= 1 else { fail("hookschema check exited \(process.terminationStatus)") }
    }
    print("hookschema check --format json: \(format(Double(count) / bestCLI)) payloads/s, \(format(Double(file.count) / bestCLI / 1_000_000)) MB/s (whole process, best of \(max(1, rounds / 2)))")
    print("result cli \(count) \(file.count) \(bestCLI)")
} else {
    print("hookschema check: skipped (no executable at \(cliPath); pass --cli PATH)")
}
