import Foundation
import HookSchemaGenerator
import HookSchemaImport
import HookSchemaLoader
import Testing

/// Type-checks generated code with the compiler, as a consumer target with `.defaultIsolation(MainActor.self)`
/// and strict concurrency would, with warnings as errors.
@Suite struct CompileTests {
    /// The folder holding the built HookSchemaRuntime module (beside the test bundle).
    static var modulesFolder: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("Modules")
            if FileManager.default.fileExists(
                atPath: candidate.appendingPathComponent("HookSchemaRuntime.swiftmodule").path)
            {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static var swiftc: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/swiftc" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private func typecheck(_ files: [GeneratedFile], isolation: String?) throws -> (status: Int32, output: String) {
        let modules = try #require(Self.modulesFolder, "HookSchemaRuntime.swiftmodule not found near the test bundle")
        let swiftc = try #require(Self.swiftc, "swiftc not found on PATH")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hookschema-compile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.relativePath.replacingOccurrences(of: "/", with: "_"))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        var arguments = [
            "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-I", modules.path,
            "-module-name", "Consumer",
        ]
        if let isolation {
            arguments += ["-default-isolation", isolation]
        }
        process.arguments = arguments + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(arguments: ["MainActor", "nonisolated"])
    func bundledSchemasCompileWarningFree(isolation: String) throws {
        let result = try typecheck(try ReferenceTests.generated(), isolation: isolation)
        #expect(result.status == 0, "\(result.output)")
    }

    /// Every provider of the cookbook (Examples/providers), each as a module of its own.
    @Test(arguments: ["MainActor", "nonisolated"])
    func cookbookCompilesWarningFree(isolation: String) throws {
        let files = try ReferenceTests.generated(from: "Examples/providers")
        let byProvider = Dictionary(grouping: files) { $0.relativePath.split(separator: "/").first.map(String.init) ?? "" }
        #expect(byProvider.count >= 9)
        for (folder, group) in byProvider.sorted(by: { $0.key < $1.key }) {
            let result = try typecheck(group, isolation: isolation)
            #expect(result.status == 0, "\(folder): \(result.output)")
        }
    }

    /// The three real catalogs (../shared/corpora), imported as `hookschema import` writes them, generate code
    /// that compiles warning-free (issue 14: GitHub's 224 events, Svix's 14, Resend's 17).
    @Test(arguments: ["svix", "resend", "github"])
    func importedCatalogsCompileWarningFree(_ catalog: String) throws {
        let corpora = ReferenceTests.packageRoot.appendingPathComponent("../shared/corpora").standardizedFileURL.path
        let options = ImportOptions(provider: catalog)
        let imported: ImportedProvider
        switch catalog {
        case "svix":
            imported = try OpenAPIImport.run(
                path: corpora + "/svix/lib-openapi.json", displayPath: "svix/lib-openapi.json", options: options)
        case "resend":
            imported = try OpenAPIImport.run(
                path: corpora + "/resend/resend.yaml", displayPath: "resend/resend.yaml", options: options)
        default:
            imported = try JSONSchemaImport.run(
                path: corpora + "/github-webhooks/payload-schemas/api.github.com", displayPath: "api.github.com",
                options: options)
        }
        let sources = ImportWriter.files(imported, source: catalog, existingProvider: nil).map {
            SchemaSource(path: "\(catalog)/\($0.name)", relativePath: "\(catalog)/\($0.name)", text: $0.contents)
        }
        let loaded = SchemaLoader.load(sources: sources)
        let schemaSet = try #require(loaded.schemaSet, "\(loaded.diagnostics.prefix(5))")
        let result = try typecheck(SwiftGenerator.generate(schemaSet, options: GeneratorOptions()), isolation: nil)
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test func everySnippetFeatureCompilesWarningFreeUnderMainActorIsolation() throws {
        var files = try GeneratorBehaviourTests.richSnippet.generate().map {
            GeneratedFile(relativePath: $0.key, contents: $0.value)
        }
        let features = Snippet(
            types: """
                Thing:
                  type: object
                  fields:
                    default: { type: string }
                    oldName: { type: string, deprecated: true }
                    always: { type: string, required: true, nullable: true }
                    maybe: { type: datetime, nullable: true }
                    at: { type: datetime, required: true, nullable: true }
                    history: { type: array, items: { type: datetime, nullable: true } }
                    data: { type: object, fields: { type: { type: enum, values: [UNKNOWN, x], required: true } } }
                    edits: { type: map, nullable: true, values: { type: any } }
                    mode: { type: enum, closed: true, values: [a] }
                Nothing: { type: object, fields: {} }
                Node: { type: object, fields: { next: { $ref: Node }, up: { $ref: Pair, nullable: true } } }
                Pair: { type: object, fields: { node: { $ref: Node, required: true, nullable: true } } }
                Rows: { type: array, items: { type: object, fields: { n: { type: integer } } } }
                Reviewer: { type: union, members: [{ $ref: Nothing }, integer, { type: datetime, nullable: true }] }
                Inline: { type: union, members: [{ type: object, fields: { a: { type: enum, values: [x] } } }, string] }
                Level: { type: enum, values: [{ value: 1, swiftName: low }, 2] }
                Closed: { type: enum, closed: true, values: [{ value: 1, swiftName: one }] }
                """)
        // The same provider folder as richSnippet, so the same file names: kept apart by a folder of their own.
        files += SwiftGenerator.generate(try features.schemaSet(), options: GeneratorOptions(typePrefix: "F")).map {
            GeneratedFile(relativePath: "F" + $0.relativePath, contents: $0.contents)
        }
        let result = try typecheck(files, isolation: "MainActor")
        #expect(result.status == 0, "\(result.output)")
    }
}
