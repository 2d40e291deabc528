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

    @Test func unionsWithoutADiscriminatorDecodeByShape() throws {
        let snippet = Snippet(
            types: """
                User: { type: object, fields: { login: { type: string, required: true } } }
                Team: { type: object, fields: { slug: { type: string, required: true } } }
                Reviewer:
                  type: union
                  description: Who was asked to review.
                  members:
                    - $ref: User
                    - { $ref: Team, swiftName: group, description: "A team, by its slug." }
                Stamp:
                  type: union
                  members: [integer, datetime, { type: array, items: string }, { type: object, fields: { at: { type: string, required: true } } }]
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "untagged-union")
    }

    @Test func integerEnumsOpenAndClosed() throws {
        let snippet = Snippet(
            types: """
                MessageStatus:
                  type: enum
                  values:
                    - { value: 0, swiftName: success, description: Delivered. }
                    - { value: 1, swiftName: pending }
                    - 2
                Level:
                  type: enum
                  closed: true
                  values: [{ value: 1, swiftName: low }, { value: 2, swiftName: high }]
                """)
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeTypes.swift"), matches: "integer-enum")
    }

    @Test func aHeaderNamedProviderEnumReadsTheHeaderAndTheVariant() throws {
        var snippet = Snippet(
            types: "",
            events: [
                "issues.opened": "variant: opened\nfields: { number: { type: integer, required: true } }",
                "issues": "fields: {}",
                "ping": "fields: { zen: string }",
                "pull_request.closed": "variant: closed\nfields: {}",
            ]
        )
        snippet.envelope = "envelope:\n  eventHeader: X-Acme-Event\n  variant: action\n"
        snippet.eventNames = ["issues.opened": "issues", "pull_request.closed": "pull_request"]
        Golden.expect(try snippet.file("AcmeWebhooks/AcmeEvent.swift"), matches: "header-named-provider-enum")
    }
}
