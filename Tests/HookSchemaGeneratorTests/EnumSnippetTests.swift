import HookSchemaGenerator
import Testing

@Suite struct EnumSnippetTests {
    @Test func openEnumsKeepUnknownValues() throws {
        let snippet = Snippet(
            types: """
                Status:
                  type: enum
                  description: Where a run is.
                  values:
                    - PENDING
                    - { value: FAILED_TO_PROCESS_FILE, description: The file could not be read. }
                    - UNKNOWN
                    - { value: default, deprecated: true }
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "open-enum")
    }

    @Test func closedEnumsRejectUnknownValues() throws {
        let snippet = Snippet(
            types: """
                Mode:
                  type: enum
                  closed: true
                  values: [json, url, SIGNED_URL]
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "closed-enum")
    }

    @Test func unionsDecodeByDiscriminator() throws {
        let snippet = Snippet(
            types: """
                StepRun:
                  type: union
                  description: One step of a workflow run.
                  discriminator: stepType
                  mapping:
                    PARSE: ParseStep
                    EXTRACT: ExtractStep
                ParseStep:
                  type: object
                  fields:
                    stepType: { type: string, const: PARSE, required: true }
                ExtractStep:
                  type: object
                  fields:
                    stepType: { type: string, const: EXTRACT, required: true }
                ClosedStep:
                  type: union
                  closed: true
                  discriminator: stepType
                  mapping:
                    PARSE: ParseStep
                """)
        // ClosedStep, ExtractStep, ParseStep and StepRun, in name order, in the one types file.
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "union")
    }

    @Test func theProviderEnumCoversEveryEvent() throws {
        let snippet = Snippet(
            types: "",
            events: [
                "thing.created": "payload: { type: object, fields: { name: { type: string } } }",
                "thing.deleted": "description: A thing was deleted.\npayload: { type: object, fields: {} }",
            ]
        )
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeEvent.swift"), matches: "provider-enum")
        Golden.expect(try snippet.file("AcmeWebhooks/Acme+ThingDeleted.swift"), matches: "event")
    }
}
