import Foundation
import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation
import Testing

/// The drifted and failing example deliveries (`Examples/payloads/<provider>/drift/` and
/// `Examples/failing/<provider>/`, named `<provider>/drift|fail/<name>` here), each compared with its expected report
/// in `Golden/<provider>/<drift|fail>/<name>.report.json`. To re-record after an intended change,
/// run with `HOOKSCHEMA_RECORD=1`: the baselines are rewritten and the test fails, so CI never passes by recording.
@Suite struct GoldenReportTests {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let examples = packageRoot.appendingPathComponent("Examples/payloads")
    /// The deliveries that fail on purpose, kept apart so that `hookschema check` on `Examples/payloads` passes.
    static let failing = packageRoot.appendingPathComponent("Examples/failing")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let validator: SchemaValidator? = {
        let result = try? SchemaLoader.load(directory: packageRoot.appendingPathComponent("Schemas").path)
        return result?.schemaSet.map { SchemaValidator(schemas: $0) }
    }()

    /// Payload files, sorted: the passing ones below `Examples/payloads` (`<provider>/<name>.json`), or with
    /// `fixtures` the drifted ones (`<provider>/drift/<name>.json`) and the failing ones of `Examples/failing`
    /// (`<provider>/fail/<name>.json`).
    static func payloads(fixtures: Bool) -> [String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: examples.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".json") else { continue }
            let parts = path.split(separator: "/")
            if fixtures ? parts.count == 3 && parts[1] == "drift" : parts.count == 2 { paths.append(path) }
        }
        if fixtures {
            let failingFiles = FileManager.default.enumerator(atPath: failing.path)
            while let path = failingFiles?.nextObject() as? String {
                let parts = path.split(separator: "/")
                guard path.hasSuffix(".json"), parts.count == 2 else { continue }
                paths.append("\(parts[0])/fail/\(parts[1])")
            }
        }
        return paths.sorted()
    }

    /// The file a name of `payloads(fixtures:)` stands for.
    static func fileURL(_ relative: String) -> URL {
        let parts = relative.split(separator: "/")
        guard parts.count == 3, parts[1] == "fail" else { return examples.appendingPathComponent(relative) }
        return failing.appendingPathComponent("\(parts[0])/\(parts[2])")
    }

    /// The report for one example file; a `.delivery.json` is validated with its headers.
    static func report(_ relative: String) throws -> DriftReport {
        let validator = try #require(validator, "the schemas in Schemas/ do not load")
        let data = try Data(contentsOf: fileURL(relative))
        guard relative.hasSuffix(".delivery.json") else {
            return validator.validate(body: data)
        }
        let delivery = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let headers = try #require(delivery["headers"] as? [String: String])
        let body = try #require(delivery["body"] as? String)
        return validator.validate(
            body: Array(body.utf8), headers: headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
    }

    static func goldenURL(_ relative: String) -> URL {
        let name = relative.replacingOccurrences(of: ".delivery.json", with: ".delivery")
            .replacingOccurrences(of: ".json", with: "")
        return golden.appendingPathComponent(name + ".report.json")
    }

    @Test(arguments: payloads(fixtures: true))
    func reportMatchesGolden(_ relative: String) throws {
        let actual = try Self.report(relative).jsonText
        let url = Self.goldenURL(relative)
        if ProcessInfo.processInfo.environment["HOOKSCHEMA_RECORD"] != nil {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded new baseline \(url.path); run again without HOOKSCHEMA_RECORD")
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(
            expected == actual,
            "\(relative): the report differs from \(url.lastPathComponent) (re-record with HOOKSCHEMA_RECORD=1):\n\(actual)"
        )
    }

    @Test(arguments: payloads(fixtures: true))
    func verdictMatchesFolder(_ relative: String) throws {
        let folder = relative.split(separator: "/")[1]
        #expect(try Self.report(relative).verdict == (folder == "drift" ? .drift : .fail))
    }

    @Test(arguments: payloads(fixtures: false))
    func passingExamplePasses(_ relative: String) throws {
        let report = try Self.report(relative)
        #expect(report.findings == [], "\(relative): \(report.jsonText)")
        #expect(report.verdict == .pass)
    }

    @Test func seedPayloadsPass() throws {
        for seed in ["extend/extract_run.failed.seed.json", "plextera/document-insights.extraction.failed.seed.json"] {
            let report = try Self.report(seed)
            #expect(report.verdict == .pass, "\(seed): \(report.jsonText)")
            #expect(report.event == (seed.hasPrefix("extend") ? "extract_run.failed" : "document-insights.extraction.failed"))
        }
    }

    @Test func fixturesCoverEveryFindingKind() throws {
        var kinds: Set<FindingKind> = []
        for relative in Self.payloads(fixtures: true) {
            kinds.formUnion(try Self.report(relative).findings.map(\.kind))
        }
        // `signature_invalid` comes from `check --secret-env`, not the validator (SignVerifyCommandTests).
        let expected = Set(FindingKind.allCases).subtracting([.signatureInvalid])
        #expect(kinds == expected, "missing: \(expected.subtracting(kinds))")
    }

    @Test func everyGoldenFileHasAFixture() throws {
        let expected = Set(Self.payloads(fixtures: true).map { Self.goldenURL($0).standardizedFileURL.path })
        let enumerator = FileManager.default.enumerator(atPath: Self.golden.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".report.json") else { continue }
            let full = Self.golden.appendingPathComponent(path).standardizedFileURL.path
            #expect(expected.contains(full), "\(path) has no fixture in Examples/payloads or Examples/failing")
        }
    }
}
