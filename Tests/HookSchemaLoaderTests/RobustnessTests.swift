import Foundation
import HookSchemaLoader
import HookSchemaModel
import Testing

/// Damaged input never crashes the loader, and every error it reports has a location inside the damaged file.
@Suite struct RobustnessTests {
    static let schemasFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("Schemas").path
            }
        }
        return "Schemas"
    }()

    @Test func theBundledSchemasLoadWithoutDiagnostics() throws {
        let result = try SchemaLoader.load(directory: Self.schemasFolder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(result.schemaSet?.providers.map(\.name) == ["extend", "plextera"])
    }

    @Test func everyLineRemovedOrTruncatedGivesLocatedDiagnostics() throws {
        let sources = try Self.readSources()
        #expect(sources.count > 2)
        for source in sources {
            // The damaged file with the rest of its provider folder.
            let folder = source.relativePath.split(separator: "/").first ?? ""
            let siblings = sources.filter { $0.relativePath.hasPrefix(folder + "/") }
            guard let index = siblings.firstIndex(where: { $0.relativePath == source.relativePath }) else { continue }
            let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
            let lineCount = lines.count
            // About ten damage points per file, spread over it.
            for removed in stride(from: 0, to: lines.count, by: max(1, lines.count / 10)) {
                var damaged = lines
                damaged.remove(at: removed)
                check(siblings, replacing: index, with: damaged.joined(separator: "\n"), lineCount: lineCount)
                var truncated = Array(lines.prefix(removed + 1))
                truncated[removed] = truncated[removed].prefix(truncated[removed].count / 2)
                check(siblings, replacing: index, with: truncated.joined(separator: "\n"), lineCount: lineCount)
            }
        }
    }

    @Test func controlCharactersAndOddInputAreReported() {
        let texts = [
            "provider: a\u{1}b\n", "\u{FEFF}provider: 1\n", "a: [\n", "? [a, b]\n: c\n", "---\na: 1\n---\nb: 2\n",
        ]
        for text in texts {
            let result = SchemaLoader.load(sources: [
                SchemaSource(path: "x/acme/provider.yaml", relativePath: "acme/provider.yaml", text: text)
            ])
            #expect(result.diagnostics.hasErrors, "\(text.debugDescription)")
            #expect(result.diagnostics.allSatisfy { $0.location != nil }, "\(text.debugDescription)")
        }
    }

    private func check(_ sources: [SchemaSource], replacing index: Int, with text: String, lineCount: Int) {
        var damaged = sources
        damaged[index].text = text
        let result = SchemaLoader.load(sources: damaged)
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            guard let location = diagnostic.location else {
                Issue.record("no location: \(diagnostic)")
                continue
            }
            #expect(location.line >= 1 && location.line <= lineCount + 1, "\(diagnostic)")
            #expect(location.column >= 1, "\(diagnostic)")
        }
    }

    static func readSources() throws -> [SchemaSource] {
        let root = URL(fileURLWithPath: schemasFolder)
        var sources: [SchemaSource] = []
        for provider in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(provider)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in files.sorted() where file.hasSuffix(".yaml") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                sources.append(
                    SchemaSource(path: "Schemas/\(provider)/\(file)", relativePath: "\(provider)/\(file)", text: text)
                )
            }
        }
        return sources
    }
}
