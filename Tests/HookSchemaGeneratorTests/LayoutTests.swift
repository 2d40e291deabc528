import Foundation
import HookSchemaGenerator
import HookSchemaModel
import Testing

/// The build plugin declares `GeneratedLayout.outputs(forSchemaFiles:)` before the generator runs; the generator
/// must write exactly those files, or the build fails (a declared output missing) or ignores one (not declared).
@Suite struct LayoutTests {
    @Test func theGeneratorWritesExactlyTheFilesThePluginDeclaresForTheBundledSchemas() throws {
        let root = ReferenceTests.packageRoot.appendingPathComponent("Schemas")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var schemaFiles: [String] = []
        while let path = enumerator.nextObject() as? String {
            if GeneratedLayout.isSchemaFileName(path) {
                schemaFiles.append(path)
            }
        }
        #expect(schemaFiles.count > 2)
        let declared = GeneratedLayout.outputs(forSchemaFiles: schemaFiles)
        let generated = try ReferenceTests.generated().map(\.relativePath)
        #expect(generated == declared)
    }
}
