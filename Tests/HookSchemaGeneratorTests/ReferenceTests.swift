import Foundation
import HookSchemaGenerator
import HookSchemaLoader
import Testing

/// The committed Generated/ must be exactly what the generator makes of Schemas/ today.
@Suite struct ReferenceTests {
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

    /// Generated/ with the default options, as `swift run hookschema generate` writes it.
    static func generatedFromSchemas() throws -> [GeneratedFile] {
        let result = try SchemaLoader.load(directory: packageRoot.appendingPathComponent("Schemas").path)
        let schemaSet = try #require(result.schemaSet, "Schemas/ has errors: \(result.diagnostics)")
        return SwiftGenerator.generate(schemaSet, options: GeneratorOptions())
    }

    @Test func generatedIsUpToDate() throws {
        let files = try Self.generatedFromSchemas()
        let root = Self.packageRoot.appendingPathComponent("Generated")
        var stale: [String] = []
        for file in files {
            let url = root.appendingPathComponent(file.relativePath)
            let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
            if existing != file.contents {
                stale.append(file.relativePath)
                if Golden.isRecording {
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true
                    )
                    try Data(file.contents.utf8).write(to: url)
                }
            }
        }
        let expected = Set(files.map(\.relativePath))
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") && !expected.contains(path) {
                stale.append(path + " (no longer generated)")
            }
        }
        if Golden.isRecording {
            Issue.record("recorded new baseline Generated/ (\(stale.count) files); unset HOOKSCHEMA_RECORD and rerun")
            return
        }
        #expect(
            stale.isEmpty,
            "Generated/ is out of date; run `swift run hookschema generate` (\(stale.joined(separator: ", ")))")
    }
}
