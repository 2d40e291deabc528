import Foundation
import HookSchemaLearn
import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation
import Testing

/// Schema files in memory (`acme/provider.yaml` → text), learned from, and the edited files loaded again.
struct LearnFixture {
    var files: [String: String]

    var sources: [SchemaSource] {
        files.keys.sorted().map { SchemaSource(path: "Schemas/" + $0, relativePath: $0, text: files[$0]!) }
    }

    /// The loaded model; records an issue (with the diagnostics) when the files have errors.
    func schemaSet(_ sources: [SchemaSource]? = nil) -> SchemaSet? {
        let result = SchemaLoader.load(sources: sources ?? self.sources)
        if result.schemaSet == nil {
            Issue.record("the schemas do not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return result.schemaSet
    }

    func learn(_ bodies: [String]) -> LearnResult? {
        guard let schemas = schemaSet() else { return nil }
        let deliveries = bodies.enumerated().map {
            LearnDelivery(source: "d\($0.offset)", body: Array($0.element.utf8))
        }
        return Learner.learn(sources: sources, schemas: schemas, deliveries: deliveries)
    }

    /// The files with the result's edits made.
    func applying(_ result: LearnResult) -> LearnFixture {
        var copy = self
        for file in result.files { copy.files[file.relativePath] = file.edited }
        return copy
    }

    /// Every finding of validating the bodies against these files.
    func findings(_ bodies: [String]) -> [Finding] {
        guard let schemas = schemaSet() else { return [] }
        let validator = SchemaValidator(schemas: schemas)
        return bodies.flatMap { validator.validate(body: Array($0.utf8)).findings }
    }
}

/// The repository's root (where Package.swift is).
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()

/// A small provider with every style `learn` edits: block and flow `fields:`, flow and block enum lists, a `$ref`'d
/// named type, an array's items, comments after values and between entries.
let acme = LearnFixture(files: [
    "acme/provider.yaml": """
    # Acme webhooks: a test provider.
    provider: acme
    envelope:
      discriminator: type
      payload: data
      fields:
        id: { type: string, required: true }  # the event id
        type: { type: string, required: true }

    types:
      # Shared item type, flow style fields.
      Item:
        type: object
        fields: { sku: { type: string, required: true }, qty: { type: integer, required: true } }

      Status:
        type: enum
        values: [OPEN, CLOSED]  # an open set

      Reason:
        type: enum
        values:
          - TIMEOUT # slow
          - { value: CANCELLED, description: By the user. }

      Order:
        type: object
        description: An order.
        fields:
          number: { type: string, required: true }
          status: { $ref: Status, required: true }
          reason: { $ref: Reason }
          items:
            type: array
            items: { $ref: Item }
          placedAt:
            type: datetime
            required: true # always sent, so far
          note:
            type: string
            required: true
            description: >-
              A free-text note.
          # Members end here.

      # Unrelated to Order.
      Other: { type: string }

    """,
    "acme/order.created.yaml": """
    event: order.created  # the discriminator
    payload:
      $ref: Order

    """,
])

/// A delivery of `order.created` whose `data` is `order` (JSON object text).
func orderCreated(_ order: String, extra: String = "") -> String {
    #"{"id": "evt_1", "type": "order.created", "data": \#(order)\#(extra)}"#
}

let validOrder =
    #"{"number": "1", "status": "OPEN", "items": [{"sku": "a", "qty": 1}], "placedAt": "2026-01-01T00:00:00Z", "note": "n"}"#

/// `validOrder` with some members replaced or added (`"status": "PENDING"`), or removed (`"note": null` in `remove`).
func order(_ members: [String: String] = [:], removing removed: Set<String> = []) -> String {
    var order: [(String, String)] = [
        ("number", #""1""#), ("status", #""OPEN""#), ("items", #"[{"sku": "a", "qty": 1}]"#),
        ("placedAt", #""2026-01-01T00:00:00Z""#), ("note", #""n""#),
    ]
    for (name, value) in members.sorted(by: { $0.key < $1.key }) {
        if let index = order.firstIndex(where: { $0.0 == name }) {
            order[index].1 = value
        } else {
            order.append((name, value))
        }
    }
    let members = order.filter { !removed.contains($0.0) }.map { "\"\($0.0)\": \($0.1)" }
    return orderCreated("{" + members.joined(separator: ", ") + "}")
}
