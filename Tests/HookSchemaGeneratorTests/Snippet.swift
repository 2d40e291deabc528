import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel
import Testing

/// A small provider in YAML, for snippet tests: `types:` (indented under the provider) and event files.
struct Snippet {
    var types: String
    var events: [String: String]
    var envelope = """
        envelope:
          discriminator: type
          payload: data
          fields:
            id: { type: string, required: true }
            type: { type: string, required: true }
        """

    /// File name → the `event:` value, where the two differ (a variant's file `issues.opened.yaml` says
    /// `event: issues`).
    var eventNames: [String: String] = [:]

    init(types: String = "", events: [String: String] = ["thing.happened": "payload: { type: object, fields: {} }"]) {
        self.types = types
        self.events = events
    }

    var sources: [SchemaSource] {
        var provider = "provider: acme\nswiftName: Acme\n" + envelope + "\n"
        if !types.isEmpty {
            provider +=
                "types:\n"
                + types.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }
                .joined(separator: "\n") + "\n"
        }
        var sources = [SchemaSource(path: "acme/provider.yaml", relativePath: "acme/provider.yaml", text: provider)]
        for (event, body) in events.sorted(by: { $0.key < $1.key }) {
            let path = "acme/\(event).yaml"
            let text = "event: \(eventNames[event] ?? event)\n" + body + "\n"
            sources.append(SchemaSource(path: path, relativePath: path, text: text))
        }
        return sources
    }

    func schemaSet(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SchemaSet {
        let result = SchemaLoader.load(sources: sources)
        for diagnostic in result.diagnostics {
            Issue.record("\(diagnostic)", sourceLocation: sourceLocation)
        }
        return try #require(result.schemaSet, sourceLocation: sourceLocation)
    }

    /// The generated files by relative path.
    func generate(
        _ options: GeneratorOptions = GeneratorOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> [String: String] {
        let files = SwiftGenerator.generate(try schemaSet(sourceLocation: sourceLocation), options: options)
        return Dictionary(files.map { ($0.relativePath, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// One generated file, failing the test when it is missing.
    func file(
        _ relativePath: String,
        _ options: GeneratorOptions = GeneratorOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> String {
        let files = try generate(options, sourceLocation: sourceLocation)
        return try #require(
            files[relativePath], "no \(relativePath) among \(files.keys.sorted())", sourceLocation: sourceLocation
        )
    }
}

/// Compares generated text with the expected text, line by line, reporting the first difference.
func expectSource(_ actual: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let index =
        zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
    let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
    Issue.record(
        """
        generated source differs at line \(index + 1):
          expected: \(want)
          actual:   \(got)
        --- actual ---
        \(actual)
        """,
        sourceLocation: sourceLocation
    )
}
