import Foundation
import Testing

/// Schemas/README.md is the language reference: every key the loader accepts is documented there (the build
/// plugin's `hookschema-config.yaml` keys in Documentation/Plugins.md). The keys are read from the loader's own
/// `rejectUnknownKeys(allowed: […])` lists and `keys` tables, so a key added to the loader without a word in the
/// reference fails here.
@Suite struct LanguageReferenceTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// Every key of the loader's lists, by the file that declares it.
    static func loaderKeys() throws -> [(key: String, file: String)] {
        let folder = root.appendingPathComponent("Sources/HookSchemaLoader")
        let lists = try NSRegularExpression(
            pattern: #"(?:allowed:\s*|[kK]eys(?::\s*\[String\])?\s*=\s*)\[([^\]]*)\]"#)
        let literal = try NSRegularExpression(pattern: #""([^"]+)""#)
        var found: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let whole = NSRange(text.startIndex..., in: text)
            for match in lists.matches(in: text, range: whole) {
                let list = NSString(string: text).substring(with: match.range(at: 1))
                for key in literal.matches(in: list, range: NSRange(location: 0, length: (list as NSString).length)) {
                    found.append((NSString(string: list).substring(with: key.range(at: 1)), name))
                }
            }
        }
        return found
    }

    @Test func everyKeyTheLoaderAcceptsIsDocumented() throws {
        let keys = try Self.loaderKeys()
        #expect(keys.count > 40, "the loader's key lists were not found (\(keys.count) keys)")
        let language = try String(contentsOf: Self.root.appendingPathComponent("Schemas/README.md"), encoding: .utf8)
        let plugins = try String(
            contentsOf: Self.root.appendingPathComponent("Documentation/Plugins.md"), encoding: .utf8)
        for (key, file) in keys {
            let isConfig = file == "GeneratorConfig.swift"
            let reference = isConfig ? plugins : language
            let documented = reference.contains("`\(key)`") || reference.contains("\(key):")
            let place = isConfig ? "Documentation/Plugins.md" : "Schemas/README.md"
            #expect(documented, "`\(key)` (Sources/HookSchemaLoader/\(file)) is not documented in \(place)")
        }
    }
}
