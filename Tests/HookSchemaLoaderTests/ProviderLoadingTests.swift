import HookSchemaLoader
import HookSchemaModel
import Testing

/// Valid provider files and event files load into the expected model.
@Suite struct ProviderLoadingTests {
    static let provider = """
        provider: plextera
        description: Plextera webhooks.
        envelope:
          discriminator: eventType
          payload: data
          fields:
            eventId:    { type: string, required: true, description: Stable across retries. }
            eventType:  { type: string, required: true }
            occurredAt: { type: datetime, required: true }
        headers:
          X-Plextera-Event-Id: { required: true, description: Event id., mirrors: /eventId }
          X-Plextera-Event-Occurred-At: { required: true, format: datetime, mirrors: /occurredAt }
          X-Plextera-Delivery: {}
        signature:
          header: X-Plextera-Signature
          format: { style: key-value, separator: ",", timestamp: t, signature: v1 }
          signedContent: "{timestamp}.{body}"
          encoding: hex
          secret: utf8
          tolerance: { past: 300 }
        types:
          RunError:
            type: object
            description: Why it failed.
            fields:
              code: { type: string, required: true }
              message: string
        legacyEvents:
          document-insights.job.failed: document-insights.extraction.failed
        """

    static let failedEvent = """
        event: document-insights.extraction.failed
        description: Failed.
        payload:
          type: object
          fields:
            error: { $ref: RunError, required: true }
        """

    @Test func loadsAProviderWithAnEvent() throws {
        let result = Fixture([
            "plextera/provider.yaml": Self.provider,
            "plextera/document-insights.extraction.failed.yaml": Self.failedEvent,
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let provider = try #require(result.schemaSet?.provider(named: "plextera"))
        #expect(provider.swiftName == "Plextera")
        #expect(provider.description == "Plextera webhooks.")
        #expect(provider.discriminator == "eventType")
        #expect(provider.payloadField == "data")
        #expect(
            provider.headers == [
                Header(name: "X-Plextera-Event-Id", required: true, description: "Event id.", mirrors: "/eventId"),
                Header(name: "X-Plextera-Event-Occurred-At", required: true, format: .datetime, mirrors: "/occurredAt"),
                Header(name: "X-Plextera-Delivery"),
            ]
        )
        #expect(
            provider.signature
                == SignatureScheme(
                    signatureHeader: "X-Plextera-Signature",
                    format: .keyValue(pairSeparator: ",", timestampKey: "t", signatureKey: "v1"),
                    signedContent: "{timestamp}.{body}",
                    encoding: .hex,
                    secret: .utf8,
                    tolerancePast: 300,
                    toleranceFuture: nil
                )
        )
        #expect(
            provider.types == [
                NamedType(
                    name: "RunError",
                    schema: Schema(
                        .object(
                            ObjectRules(fields: [
                                Field(name: "code", schema: Schema(.string(StringRules())), required: true),
                                Field(name: "message", schema: Schema(.string(StringRules())), required: false),
                            ])
                        ),
                        description: "Why it failed."
                    ),
                    source: "plextera/provider.yaml"
                )
            ]
        )
        #expect(
            provider.legacyEvents == [
                LegacyEvent(type: "document-insights.job.failed", replacedBy: "document-insights.extraction.failed")
            ]
        )
        let event = try #require(provider.event(ofType: "document-insights.extraction.failed"))
        #expect(event.swiftName == "DocumentInsightsExtractionFailedEvent")
        #expect(event.description == "Failed.")
        #expect(event.source == "plextera/document-insights.extraction.failed.yaml")
        let payload = Schema(
            .object(ObjectRules(fields: [Field(name: "error", schema: Schema(.ref("RunError")), required: true)]))
        )
        let body = Schema(
            .object(
                ObjectRules(fields: [
                    Field(
                        name: "eventId",
                        schema: Schema(.string(StringRules()), description: "Stable across retries."),
                        required: true
                    ),
                    Field(
                        name: "eventType",
                        schema: Schema(
                            .string(StringRules()),
                            const: .string("document-insights.extraction.failed")
                        ),
                        required: true
                    ),
                    Field(name: "occurredAt", schema: Schema(.string(StringRules(format: .datetime))), required: true),
                    Field(name: "data", schema: payload, required: true),
                ])
            )
        )
        #expect(event.body == body)
    }

    @Test func eventsWithoutAPayloadMemberListTheirOwnFields() throws {
        let result = Fixture([
            "shop/provider.yaml": """
            provider: shop
            swiftName: ShopHooks
            envelope:
              discriminator: topic
              fields:
                topic: { type: string }
            """,
            "shop/order.created.yaml": """
            event: order.created
            swiftName: OrderCreated
            deprecated: true
            fields:
              orderId: { type: integer, required: true, minimum: 1 }
            """,
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let provider = try #require(result.schemaSet?.provider(named: "shop"))
        #expect(provider.swiftName == "ShopHooks")
        #expect(provider.payloadField == nil)
        let event = try #require(provider.events.first)
        #expect(event.swiftName == "OrderCreated")
        #expect(event.deprecated)
        #expect(
            event.body.kind
                == .object(
                    ObjectRules(fields: [
                        Field(
                            name: "topic", schema: Schema(.string(StringRules()), const: .string("order.created")),
                            required: true),
                        Field(name: "orderId", schema: Schema(.integer(NumberRules(minimum: 1))), required: true),
                    ])
                )
        )
    }

    @Test func aPayloadMemberListedInTheEnvelopeKeepsItsPosition() throws {
        let result = Fixture([
            "acme/provider.yaml": """
            provider: acme
            envelope:
              discriminator: type
              payload: data
              fields:
                type: { type: string, required: true }
                data: { type: object, required: true, description: The event's object., swiftName: object }
                sentAt: datetime
            """,
            "acme/thing.done.yaml": """
            event: thing.done
            payload: { type: object }
            """,
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let event = try #require(result.schemaSet?.providers.first?.events.first)
        guard case .object(let rules) = event.body.kind else {
            Issue.record("the body is not an object")
            return
        }
        #expect(rules.fields.map(\.name) == ["type", "data", "sentAt"])
        #expect(
            rules.fields[1]
                == Field(
                    name: "data",
                    schema: Schema(.object(ObjectRules(fields: [])), description: "The event's object."),
                    required: true,
                    swiftName: "object"
                )
        )
    }

    @Test func providersAndEventsAreSorted() throws {
        let result = Fixture([
            "zeta/provider.yaml": minimalProvider.replacing("provider: acme", with: "provider: zeta"),
            "acme/provider.yaml": minimalProvider,
            "acme/b.yaml": "event: b\npayload: any\n",
            "acme/a.yaml": "event: a\npayload: any\n",
        ]).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.schemaSet?.providers.map(\.name) == ["acme", "zeta"])
        #expect(result.schemaSet?.providers.first?.events.map(\.type) == ["a", "b"])
    }
}
