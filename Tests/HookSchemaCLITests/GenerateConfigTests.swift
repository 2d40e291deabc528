import Foundation
import Testing

/// `hookschema generate --config`, run the way the build plugin runs it: a target's folder holding the config,
/// provider folders and Swift files, passed by absolute path.
@Suite struct GenerateConfigTests {
    private let fileManager = FileManager.default

    /// A target-like folder: `Target/hookschema-config.yaml`, `Target/acme/…`, and a Swift file.
    private func target(config: String) throws -> (root: URL, target: URL) {
        let root = try CLIRunner.temporaryDirectory()
        let target = root.appendingPathComponent("Target")
        let files = [
            "hookschema-config.yaml": config,
            "Receiver.swift": "import Foundation\n",
            "acme/provider.yaml": """
                provider: acme
                envelope:
                  discriminator: type
                  payload: data
                  fields:
                    id: { type: string, required: true }
                    type: { type: string, required: true }
                types:
                  Money: { type: object, fields: { cents: { type: integer, required: true } } }
                """,
            "acme/order.created.yaml":
                "event: order.created\npayload: { type: object, fields: { total: { $ref: Money } } }\n",
            "acme/order.shipped.yaml": "event: order.shipped\npayload: { type: object, fields: {} }\n",
        ]
        for (path, text) in files {
            let url = target.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (root, target)
    }

    private func generate(_ target: URL, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(
            [
                "generate", "--schemas", target.path, "--output", target.deletingLastPathComponent().path + "/Out",
                "--config", target.appendingPathComponent("hookschema-config.yaml").path,
            ] + extra)
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent("Out/" + path)), as: UTF8.self)
    }

    @Test func theConfigShapesTheOutputAndIsNotASchemaFile() throws {
        let (root, target) = try target(config: "typePrefix: Shop\nimports: [Foundation]\nembedSchema: false\n")
        defer { try? fileManager.removeItem(at: root) }
        let result = try generate(target)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = root.appendingPathComponent("Out/AcmeWebhooks")
        #expect(
            try fileManager.contentsOfDirectory(atPath: folder.path).sorted() == [
                "Acme+OrderCreated.swift", "Acme+OrderShipped.swift", "AcmeEvent.swift", "AcmeTypes.swift",
            ])
        let types = try read(root, "AcmeWebhooks/AcmeTypes.swift")
        // internal by default with a config: no access modifier.
        #expect(types.contains("\nnonisolated struct ShopMoney: Codable, Hashable, Sendable, TapeDecodable {"))
        #expect(types.contains("\nimport HookSchemaRuntime\nimport Foundation\n"))
        #expect(!(try read(root, "AcmeWebhooks/AcmeEvent.swift")).contains("schemaJSON"))
    }

    @Test func theCommandLineOverridesTheConfig() throws {
        let (root, target) = try target(config: "accessLevel: package\nevents: [order.created]\n")
        defer { try? fileManager.removeItem(at: root) }
        let result = try generate(target, ["--access-level", "public", "--event", "order.shipped"])
        #expect(result.status == 0, "\(result.stderr)")
        let shipped = try read(root, "AcmeWebhooks/Acme+OrderShipped.swift")
        #expect(shipped.contains("\npublic nonisolated struct OrderShippedEvent"))
        let created = try read(root, "AcmeWebhooks/Acme+OrderCreated.swift")
        #expect(created.contains("Nothing to generate: the event `order.created` is not selected."))
    }

    @Test func configErrorsPointAtTheConfigFileAndExitOne() throws {
        let (root, target) = try target(config: "accessLevel: public\nembedSchemas: true\n")
        defer { try? fileManager.removeItem(at: root) }
        let result = try generate(target)
        #expect(result.status == 1)
        let config = target.appendingPathComponent("hookschema-config.yaml").path
        #expect(
            result.stderr
                == "\(config):2:1: error: unknown key `embedSchemas` in a hookschema config file; did you mean "
                + "`embedSchema`?\n")
        #expect(!fileManager.fileExists(atPath: root.appendingPathComponent("Out").path))
    }

    @Test func aConfigNamingAnUnknownEventIsAnError() throws {
        let (root, target) = try target(config: "events: [order.shiped]\n")
        defer { try? fileManager.removeItem(at: root) }
        let result = try generate(target)
        #expect(result.status == 1)
        let config = target.appendingPathComponent("hookschema-config.yaml").path
        #expect(
            result.stderr.contains(
                "\(config):1:10: error: `events` lists `order.shiped`, which is not an event type in "))
        #expect(result.stderr.contains("did you mean `order.shipped`?"))
    }

    @Test func aConfigNamingAnUnknownProviderPointsAtTheListedName() throws {
        let (root, target) = try target(config: "accessLevel: public\nproviders:\n  - acme\n  - acmee\n")
        defer { try? fileManager.removeItem(at: root) }
        let result = try generate(target)
        #expect(result.status == 1)
        let config = target.appendingPathComponent("hookschema-config.yaml").path
        #expect(
            result.stderr.contains(
                "\(config):4:5: error: `providers` lists `acmee`, which is not a provider in "), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `acme`?"))
    }

    @Test func schemaErrorsNameTheYAMLFileByItsAbsolutePath() throws {
        let (root, target) = try target(config: "")
        defer { try? fileManager.removeItem(at: root) }
        let event = target.appendingPathComponent("acme/order.shipped.yaml")
        try Data("event: order.shipped\npayload: { type: objct }\n".utf8).write(to: event)
        let result = try generate(target)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(event.path):2:18: error: unknown type `objct`; did you mean `object`?"))
    }

    @Test func schemaFilesThatWouldWriteTheSameFileAreErrors() throws {
        let (root, target) = try target(config: "")
        defer { try? fileManager.removeItem(at: root) }
        try Data("event: order_shipped\nswiftName: OtherEvent\npayload: any\n".utf8)
            .write(to: target.appendingPathComponent("acme/order_shipped.yaml"))
        let result = try generate(target)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(target.path)/acme/order_shipped.yaml:1:1: error: `acme/order_shipped.yaml` and "
                    + "`acme/order.shipped.yaml` would both generate `AcmeWebhooks/Acme+OrderShipped.swift`"))
    }

    @Test func aMissingConfigFileIsAnIOError() throws {
        let (root, target) = try target(config: "")
        defer { try? fileManager.removeItem(at: root) }
        try fileManager.removeItem(at: target.appendingPathComponent("hookschema-config.yaml"))
        let result = try generate(target)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read config file"))
    }
}
