import Foundation
import HookSchemaLearn
import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation
import Testing

/// `learn` on the bundled schemas (`Schemas/`) and the drifted examples (`Examples/payloads/*/drift/`): the edit is
/// exactly the new members and enum values (the golden diff `Golden/bundled-drift.diff`), every line of the schemas
/// survives, and `check` finds no drift in the same deliveries afterwards.
///
/// After an intended change, regenerate the golden diff with
/// `swift run hookschema learn --dry-run Examples/payloads/extend/drift Examples/payloads/plextera/drift > Tests/HookSchemaLearnTests/Golden/bundled-drift.diff`
/// (or run this suite with `HOOKSCHEMA_RECORD=1`: it rewrites the file and fails).
@Suite struct BundledDriftTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/bundled-drift.diff")

    /// The schemas as `learn --schemas Schemas` reads them from the package root (paths `Schemas/<provider>/…`).
    static func sources() throws -> [SchemaSource] {
        try SchemaLoader.readSources(directory: packageRoot.appendingPathComponent("Schemas").path).map {
            SchemaSource(path: "Schemas/" + $0.relativePath, relativePath: $0.relativePath, text: $0.text)
        }
    }

    /// `Examples/payloads/<provider>/drift/*.json`, sorted, labelled by their path from the package root.
    static func driftDeliveries() throws -> [LearnDelivery] {
        let examples = packageRoot.appendingPathComponent("Examples/payloads")
        var paths: [String] = []
        for provider in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() {
            let folder = examples.appendingPathComponent(provider).appendingPathComponent("drift")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            paths += files.filter { $0.hasSuffix(".json") }.sorted().map { "Examples/payloads/\(provider)/drift/\($0)" }
        }
        return try paths.map { path in
            LearnDelivery(source: path, body: Array(try Data(contentsOf: packageRoot.appendingPathComponent(path))))
        }
    }

    static func learn() throws -> (LearnResult, [SchemaSource], [LearnDelivery]) {
        let sources = try sources()
        let schemas = try #require(SchemaLoader.load(sources: sources).schemaSet)
        let deliveries = try driftDeliveries()
        #expect(deliveries.count >= 3)
        return (Learner.learn(sources: sources, schemas: schemas, deliveries: deliveries), sources, deliveries)
    }

    @Test func theEditIsTheGoldenDiff() throws {
        let (result, _, _) = try Self.learn()
        #expect(result.notLearned.isEmpty, "\(result.notLearned)")
        let diff = result.files.map {
            UnifiedDiff.render(
                original: $0.original, edited: $0.edited, oldLabel: "a/\($0.path)", newLabel: "b/\($0.path)")
        }.joined()
        if ProcessInfo.processInfo.environment["HOOKSCHEMA_RECORD"] != nil {
            try diff.write(to: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("recorded new baseline \(Self.golden.path); run again without HOOKSCHEMA_RECORD")
            return
        }
        let expected = try? String(contentsOf: Self.golden, encoding: .utf8)
        #expect(
            diff == expected,
            """
            Golden/bundled-drift.diff is out of date; run `swift run hookschema learn --dry-run \
            Examples/payloads/extend/drift Examples/payloads/plextera/drift > \
            Tests/HookSchemaLearnTests/Golden/bundled-drift.diff` (or this test with HOOKSCHEMA_RECORD=1). Now:
            \(diff)
            """)
    }

    @Test func onlyAddsLinesSoEveryCommentSurvives() throws {
        let (result, _, _) = try Self.learn()
        #expect(!result.files.isEmpty)
        for file in result.files {
            // The original's lines, in order, are a subsequence of the edited file's: nothing removed or rewritten.
            var edited = file.edited.split(separator: "\n", omittingEmptySubsequences: false)[...]
            for line in file.original.split(separator: "\n", omittingEmptySubsequences: false) {
                guard let index = edited.firstIndex(of: line) else {
                    Issue.record("\(file.relativePath): the line `\(line)` was lost")
                    break
                }
                edited = edited[(index + 1)...]
            }
            let comments = file.original.split(separator: "\n").filter {
                $0.trimmingPrefix(while: \.isWhitespace).hasPrefix("#")
            }
            #expect(comments.allSatisfy { file.edited.contains($0) })
        }
    }

    @Test func checkFindsNoDriftAfterwardsAndASecondLearnNothing() throws {
        let (result, sources, deliveries) = try Self.learn()
        let edited = sources.map { source in
            SchemaSource(
                path: source.path, relativePath: source.relativePath,
                text: result.files.first { $0.relativePath == source.relativePath }?.edited ?? source.text)
        }
        let loaded = SchemaLoader.load(sources: edited)
        let schemas = try #require(loaded.schemaSet, "\(loaded.diagnostics)")
        let validator = SchemaValidator(schemas: schemas)
        for delivery in deliveries {
            #expect(validator.validate(body: delivery.body).findings.isEmpty, "\(delivery.source)")
        }
        let second = Learner.learn(sources: edited, schemas: schemas, deliveries: deliveries)
        #expect(second.files.isEmpty)
        #expect(second.notLearned.isEmpty)
    }

    /// `Examples/failing/`: every error is left for a person; only the drift among them is learned.
    @Test func failingExamplesAreNotLearned() throws {
        let sources = try Self.sources()
        let schemas = try #require(SchemaLoader.load(sources: sources).schemaSet)
        let folder = packageRoot.appendingPathComponent("Examples/failing/extend")
        let deliveries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") && !$0.contains("missing-status") }
            .map { LearnDelivery(source: $0, body: Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
        let result = Learner.learn(sources: sources, schemas: schemas, deliveries: deliveries)
        #expect(result.files.isEmpty)
        #expect(Set(result.notLearned.map(\.source)) == Set(deliveries.map(\.source)))
        #expect(result.notLearned.allSatisfy { $0.finding.severity == .error && $0.finding.kind != .missingRequired })
    }
}
