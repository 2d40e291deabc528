import Foundation
import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel
import HookSchemaRuntime
import Testing

@Suite struct GeneratorBehaviourTests {
    static let richSnippet = Snippet(
        types: """
            Thing:
              type: object
              fields:
                status: { $ref: Status, required: true }
                steps: { type: array, items: { $ref: Step } }
            Status: { type: enum, values: [A, B] }
            Step:
              type: union
              discriminator: kind
              mapping: { X: StepX }
            StepX:
              type: object
              fields: { kind: { type: string, required: true } }
            Unused: { type: object, fields: { n: { type: integer } } }
            """,
        events: [
            "thing.created": "payload: { $ref: Thing }",
            "thing.deleted": "payload: { type: object, fields: { at: { type: datetime, required: true } } }",
        ]
    )

    @Test func optionsShapeTheOutput() throws {
        let options = GeneratorOptions(
            accessLevel: .internal, typePrefix: "My", extraImports: ["Vapor", "HookSchemaRuntime"],
            embedSchema: false
        )
        let files = try Self.richSnippet.generate(options)
        #expect(files["AcmeWebhooks/MyAcmeEvent+Schema.swift"] == nil)
        Golden.expect(files["AcmeWebhooks/MyAcmeEvent.swift"] ?? "", matches: "options-provider-enum")
        let thing = try #require(files["AcmeWebhooks/MyThing.swift"])
        #expect(thing.contains("\nimport HookSchemaRuntime\nimport Vapor\n"))
        #expect(thing.contains("\nnonisolated struct MyThing: Codable, Hashable, Sendable {"))
        #expect(thing.contains("    var status: MyStatus\n"))
        #expect(thing.contains("    var steps: [MyStep]?\n"))
        #expect(!thing.contains("public"))
        let package = try Self.richSnippet.generate(GeneratorOptions(accessLevel: .package))
        #expect(package["AcmeWebhooks/Thing.swift"]?.contains("package nonisolated struct Thing") == true)
    }

    @Test func anEventFilterKeepsOnlyTheTypesItUses() throws {
        let files = try Self.richSnippet.generate(GeneratorOptions(events: ["thing.created"]))
        #expect(
            files.keys.sorted() == [
                "AcmeWebhooks/AcmeEvent+Schema.swift", "AcmeWebhooks/AcmeEvent.swift", "AcmeWebhooks/Status.swift",
                "AcmeWebhooks/Step.swift", "AcmeWebhooks/StepX.swift", "AcmeWebhooks/Thing.swift",
                "AcmeWebhooks/ThingCreatedEvent.swift",
            ])
        #expect(try Self.richSnippet.generate(GeneratorOptions(providers: ["other"])).isEmpty)
        #expect(try Self.richSnippet.generate(GeneratorOptions(events: ["other.event"])).isEmpty)
    }

    @Test func outputIsDeterministicWhateverTheFileOrder() throws {
        let sources = Self.richSnippet.sources
        let first = SwiftGenerator.generate(
            try #require(SchemaLoader.load(sources: sources).schemaSet),
            options: GeneratorOptions())
        let second = SwiftGenerator.generate(
            try #require(SchemaLoader.load(sources: sources.reversed()).schemaSet),
            options: GeneratorOptions())
        #expect(first == second)
        #expect(first.map(\.relativePath) == first.map(\.relativePath).sorted())
    }

    @Test func everyFileStartsWithTheHeader() throws {
        for (path, text) in try Self.richSnippet.generate() {
            #expect(GeneratedFile.isGenerated(text), "\(path)")
            #expect(text.hasSuffix("}\n"), "\(path)")
            #expect(!text.contains("\n\n\n"), "\(path)")
            #expect(!text.contains(" \n"), "\(path)")
        }
        #expect(!GeneratedFile.isGenerated("// Hand-written.\n"))
    }

    @Test func theEmbeddedSchemaDecodesToTheModel() throws {
        let schemaSet = try Self.richSnippet.schemaSet()
        let files = try Self.richSnippet.generate()
        let text = try #require(files["AcmeWebhooks/AcmeEvent+Schema.swift"])
        let start = try #require(text.range(of: "= #\""))
        let end = try #require(text.range(of: "\"#\n", options: .backwards))
        let json = String(text[start.upperBound..<end.lowerBound])
        #expect(EmbeddedSchema.provider(json: json) == schemaSet.provider(named: "acme"))
    }
}
