import Foundation
import HookSchemaLoader
import HookSchemaModel
import Testing

@testable import HookSchemaImport

/// OpenAPI documents end to end, 3.0 (`x-webhooks`, `nullable`) and 3.1 (`webhooks`): events, the discriminator
/// found or given, one schema serving several events, and the result loading as the schema language.
@Suite struct OpenAPIImportTests {
    func write(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hookschema-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The import, written and loaded back by the loader (which must accept it).
    func load(_ imported: ImportedProvider) throws -> Provider {
        let sources = ImportWriter.files(imported, source: "test", existingProvider: nil).map {
            SchemaSource(path: "\(imported.name)/\($0.name)", relativePath: "\(imported.name)/\($0.name)", text: $0.contents)
        }
        let result = SchemaLoader.load(sources: sources)
        return try #require(result.schemaSet?.provider(named: imported.name), "\(result.diagnostics)")
    }

    static let openAPI30 = """
        openapi: 3.0.3
        info: { title: Acme webhooks, version: "1" }
        paths: {}
        x-webhooks:
          order.created:
            post:
              description: An order was created.
              requestBody:
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/OrderCreated" }
        components:
          schemas:
            Order:
              type: object
              required: [id]
              properties:
                id: { type: string }
                note: { type: string, nullable: true }
            OrderCreated:
              type: object
              required: [type, data]
              properties:
                type: { type: string, enum: [order.created] }
                data:
                  nullable: true
                  allOf: [{ $ref: "#/components/schemas/Order" }]
        """

    @Test func anOpenAPI30DocumentWithXWebhooks() throws {
        let path = try write(Self.openAPI30, "acme.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let imported = try OpenAPIImport.run(path: path, displayPath: "acme.yaml", options: ImportOptions(provider: "acme"))
        #expect(imported.naming == .member("type"))
        #expect(imported.events.map(\.type) == ["order.created"])
        #expect(imported.events[0].description == "An order was created.")
        #expect(imported.events[0].source == SourcePlace(file: "acme.yaml", pointer: "/components/schemas/OrderCreated"))
        let provider = try load(imported)
        #expect(provider.description == "Acme webhooks")
        let event = try #require(provider.event(ofType: "order.created"))
        guard case .object(let rules) = event.body.kind else { Issue.record("not an object"); return }
        #expect(rules.fields.map(\.name) == ["type", "data"])
        #expect(rules.fields[0].schema.const == .string("order.created"))
        #expect(rules.fields[1].schema == Schema(.ref("Order"), nullable: true) && rules.fields[1].required)
        #expect(provider.type(named: "Order") != nil)
        #expect(provider.type(named: "OrderCreated") == nil, "an event's body is its event file, not a named type")
    }

    @Test func oneSchemaForSeveralEventsFindsItsEnumMember() throws {
        let document = """
            {"openapi": "3.1.0", "info": {"title": "Pay", "version": "1"},
             "webhooks": {
               "AUTHORISATION": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Notification"}}}}}},
               "REFUND": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Notification"}}}}}}},
             "components": {"schemas": {"Notification": {"type": "object", "required": ["eventCode", "amount"],
               "properties": {"eventCode": {"type": "string", "enum": ["AUTHORISATION", "REFUND", "CAPTURE"]},
                              "amount": {"type": "integer"}}}}}}
            """
        let path = try write(document, "pay.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let imported = try OpenAPIImport.run(path: path, displayPath: "pay.json", options: ImportOptions(provider: "pay"))
        #expect(imported.naming == .member("eventCode"))
        #expect(imported.events.map(\.type) == ["AUTHORISATION", "REFUND"])
        let provider = try load(imported)
        guard case .object(let rules)? = provider.event(ofType: "REFUND")?.body.kind else {
            Issue.record("no REFUND")
            return
        }
        #expect(rules.fields.first?.schema.const == .string("REFUND"))
    }

    @Test func withoutAMemberThatNamesEventsTheDiscriminatorMustBeGiven() throws {
        let document = """
            {"openapi": "3.1.0", "info": {"title": "X", "version": "1"},
             "webhooks": {"a": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"kind": {"type": "string"}}}}}}}},
                          "b": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"kind": {"type": "string"}}}}}}}}}}
            """
        let path = try write(document, "x.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ImportError.self) {
            try OpenAPIImport.run(path: path, displayPath: "x.json", options: ImportOptions(provider: "x"))
        }
        let given = try OpenAPIImport.run(
            path: path, displayPath: "x.json", options: ImportOptions(provider: "x", discriminator: "kind"))
        #expect(given.events.map(\.type) == ["a", "b"])
        #expect(try load(given).events.count == 2)
    }
}
