import Foundation
import HookSchemaGenerator
import HookSchemaLoader
import Testing

/// The committed Generated/ must be exactly what the generator makes of Schemas/ today, and so must the provider
/// cookbook's Examples/Cookbook/Generated/ of Examples/providers/.
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

    /// A schemas folder, where its generated code is committed, and the command that writes it.
    struct Reference: Sendable, CustomTestStringConvertible {
        var schemas: String
        var output: String
        var command: String
        var testDescription: String { output }
    }

    static let references = [
        Reference(schemas: "Schemas", output: "Generated", command: "swift run hookschema generate"),
        Reference(
            schemas: "Examples/providers", output: "Examples/Cookbook/Generated",
            command: "swift run hookschema generate --schemas Examples/providers --output Examples/Cookbook/Generated"),
    ]

    /// The generated files with the default options, as `hookschema generate` writes them.
    static func generated(from schemas: String = "Schemas") throws -> [GeneratedFile] {
        let result = try SchemaLoader.load(directory: packageRoot.appendingPathComponent(schemas).path)
        let schemaSet = try #require(result.schemaSet, "\(schemas)/ has errors: \(result.diagnostics)")
        return SwiftGenerator.generate(schemaSet, options: GeneratorOptions())
    }

    @Test(arguments: references) func generatedIsUpToDate(_ reference: Reference) throws {
        let files = try Self.generated(from: reference.schemas)
        let root = Self.packageRoot.appendingPathComponent(reference.output)
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
            Issue.record(
                "recorded new baseline \(reference.output)/ (\(stale.count) files); unset HOOKSCHEMA_RECORD and rerun")
            return
        }
        #expect(
            stale.isEmpty,
            "\(reference.output)/ is out of date; run `\(reference.command)` (\(stale.joined(separator: ", ")))")
    }
}
