import HookSchemaLoader
import HookSchemaModel
import Testing

/// YAML with `1️⃣`-style markers: the text without them, and the line:column (1-based, columns counted in
/// Unicode scalars, as Yams counts them) where each marker stood.
struct MarkedText {
    var text: String
    var markers: [String: (line: Int, column: Int)] = [:]

    init(_ marked: String) {
        var text = ""
        var line = 1
        var column = 1
        for character in marked {
            if Self.markerNames.contains(String(character)) {
                markers[String(character)] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
    }

    /// `file:line:column` of a marker in a file at `path`.
    func location(_ marker: String, in path: String) -> String {
        guard let place = markers[marker] else { return "\(path): no marker \(marker)" }
        return "\(path):\(place.line):\(place.column)"
    }

    static let markerNames: Set<String> = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]
}

/// Schema files in memory: `[relative path: marked YAML]`, loaded as if from a folder named `Schemas`.
struct Fixture {
    var files: [String: MarkedText]

    init(_ files: [String: String]) {
        self.files = files.mapValues(MarkedText.init)
    }

    var sources: [SchemaSource] {
        files.keys.sorted().map { relativePath in
            SchemaSource(
                path: "Schemas/" + relativePath, relativePath: relativePath, text: files[relativePath]?.text ?? "")
        }
    }

    func load() -> LoadResult {
        SchemaLoader.load(sources: sources)
    }

    /// `Schemas/<file>:line:column` of a marker.
    func location(_ marker: String, in file: String) -> String {
        files[file]?.location(marker, in: "Schemas/" + file) ?? "no file \(file)"
    }

    /// The errors of a load, each as `path:line:column: message`.
    static func errors(_ result: LoadResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            "\(diagnostic.location.map(\.description) ?? "-"): \(diagnostic.message)"
        }
    }
}

/// A minimal valid provider.yaml (payload member `data`), for tests of event files and schemas.
let minimalProvider = """
    provider: acme
    envelope:
      discriminator: type
      payload: data
      fields:
        id: { type: string, required: true }
        type: { type: string, required: true }
    """

/// One expected error: the marker where it points, the file (relative to `Schemas/`) and the message.
struct ExpectedError {
    var marker: String
    var file: String
    var message: String

    init(_ marker: String, in file: String = "acme/provider.yaml", _ message: String) {
        self.marker = marker
        self.file = file
        self.message = message
    }
}

extension Fixture {
    /// A provider folder `acme` holding only this provider.yaml.
    static func provider(_ yaml: String) -> Fixture {
        Fixture(["acme/provider.yaml": yaml])
    }

    /// The minimal provider plus one event file `acme/<name>.yaml`.
    static func event(_ name: String, _ yaml: String) -> Fixture {
        Fixture(["acme/provider.yaml": minimalProvider, "acme/\(name).yaml": yaml])
    }
}

/// Loads `fixture` and expects exactly these errors, in order, at their markers' line:column.
func expectErrors(
    _ fixture: Fixture,
    _ expected: [ExpectedError],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let result = fixture.load()
    let actual = Fixture.errors(result)
    let wanted = expected.map { "\(fixture.location($0.marker, in: $0.file)): \($0.message)" }
    #expect(actual == wanted, sourceLocation: sourceLocation)
    #expect(result.schemaSet == nil, "a load with errors has no schema set", sourceLocation: sourceLocation)
}
