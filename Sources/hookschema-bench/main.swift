import Foundation
import HookSchemaLoader
import HookSchemaValidation

// hookschema-bench: generates a corpus of realistic deliveries and measures the library validator and
// `hookschema check --format json` on it, single-threaded. Build and run in release mode:
//
//   swift build -c release && .build/release/hookschema-bench [--count N] [--schemas DIR] [--examples DIR]
//       [--corpus FILE] [--cli PATH] [--rounds R] [--reuse yes]

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
var best = Double.infinity
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    var checksum = 0
    for body in corpus {
        checksum &+= validator.validate(body: body).findings.count
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    precondition(checksum == findings)
    best = min(best, seconds)
}
print("library validator:        \(format(Double(count) / best)) payloads/s, \(format(Double(totalBytes) / best / 1_000_000)) MB/s (best of \(rounds))")

// CLI
if FileManager.default.isExecutableFile(atPath: cliPath) {
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
} else {
    print("hookschema check: skipped (no executable at \(cliPath); pass --cli PATH)")
}
