import Foundation
import HookSchemaExport
import HookSchemaLoader
import Testing

/// The committed JSONSchema/<mode>/ folders must be exactly what the exporter makes of Schemas/ today.
@Suite struct ExportedSchemasTests {
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

    static func exported(_ mode: JSONSchemaMode) throws -> [ExportedFile] {
        let result = try SchemaLoader.load(directory: packageRoot.appendingPathComponent("Schemas").path)
        let schemaSet = try #require(result.schemaSet, "Schemas/ has errors: \(result.diagnostics)")
        return JSONSchemaExporter.export(schemaSet, mode: mode)
    }

    @Test(arguments: JSONSchemaMode.allCases) func committedSchemasAreUpToDate(mode: JSONSchemaMode) throws {
        let files = try Self.exported(mode)
        let root = Self.packageRoot.appendingPathComponent("JSONSchema/\(mode.rawValue)")
        var stale: [String] = []
        for file in files {
            let url = root.appendingPathComponent(file.relativePath)
            let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
            if existing != file.contents {
                stale.append(file.relativePath)
            }
        }
        let expected = Set(files.map(\.relativePath))
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") && !expected.contains(path) {
                stale.append(path + " (no longer exported)")
            }
        }
        #expect(
            stale.isEmpty,
            """
            JSONSchema/\(mode.rawValue) is out of date; run `swift run hookschema export jsonschema --mode \
            \(mode.rawValue)` (\(stale.joined(separator: ", ")))
            """)
    }

    @Test func exportIsDeterministicAndEveryFileIsValidJSON() throws {
        for mode in JSONSchemaMode.allCases {
            let first = try Self.exported(mode)
            let second = try Self.exported(mode)
            #expect(first == second)
            for file in first {
                #expect(file.contents.hasSuffix("}\n"))
                let parsed = try JSONSerialization.jsonObject(with: Data(file.contents.utf8))
                #expect(parsed is [String: Any], "\(file.relativePath) is not a JSON object")
            }
        }
    }

    @Test func strictDiffersFromTolerantOnlyWhereTheModesDo() throws {
        let tolerant = try Self.exported(.tolerant)
        let strict = try Self.exported(.strict)
        #expect(tolerant.map(\.relativePath) == strict.map(\.relativePath))
        let tolerantText = tolerant.map(\.contents).joined()
        let strictText = strict.map(\.contents).joined()
        #expect(!tolerantText.contains("\"additionalProperties\": false"))
        #expect(strictText.contains("\"additionalProperties\": false"))
        #expect(tolerantText.contains("\"anyOf\""))
        #expect(!strictText.contains("\"anyOf\""))
    }
}
