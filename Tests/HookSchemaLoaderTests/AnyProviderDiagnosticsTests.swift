import HookSchemaLoader
import HookSchemaModel
import Testing

/// The keys that let any provider be declared (header-named events, variants, integer discriminators, dedupe keys,
/// unions without a discriminator, integer enums, the new signature keys): what they load to, and a
/// `file:line:column` error for each bad value.
@Suite struct AnyProviderDiagnosticsTests {
    static let hub = """
        provider: hub
        envelope:
          eventHeader: X-Hub-Event
          variant: action
          fields:
            sender: { type: string, required: true }
        dedupeKey: { header: X-Hub-Delivery }

        """

    @Test func headerNamedEventsAndVariantsLoad() throws {
        let result = Fixture([
            "hub/provider.yaml": Self.hub,
            "hub/issues.opened.yaml": "event: issues\nvariant: opened\nfields: { number: { type: integer } }\n",
            "hub/ping.yaml": "event: ping\nfields: { zen: string }\n",
            "hub/orders.create.yaml": "event: orders/create\nfields: {}\n",
        ]).load()
        #expect(Fixture.errors(result).isEmpty)
        let provider = try #require(result.schemaSet?.provider(named: "hub"))
        #expect(provider.eventHeader == "X-Hub-Event" && provider.variantMember == "action")
        #expect(provider.dedupeKey == .header("X-Hub-Delivery"))
        #expect(provider.events.map(\.type) == ["issues.opened", "orders/create", "ping"])
        #expect(provider.events.map(\.selectorValue) == ["issues", "orders/create", "ping"])
        let opened = try #require(provider.event(ofType: "issues.opened"))
        #expect(opened.variant == "opened" && opened.swiftName == "IssuesOpenedEvent")
        // The variant member comes first, a required string const.
        guard case .object(let rules) = opened.body.kind else { Issue.record("not an object"); return }
        #expect(rules.fields.map(\.name) == ["action", "sender", "number"])
        #expect(rules.fields[0].required && rules.fields[0].schema.const == .string("opened"))
        #expect(provider.event(ofType: "ping")?.variant == nil)
    }

    @Test func anEnvelopeNamesEventsOneWay() {
        expectErrors(
            .provider(
                """
                provider: acme
                envelope:
                  eventHeader: X-Acme-Event
                  1️⃣discriminator: type
                  fields: { type: string }
                """),
            [
                ExpectedError(
                    "1️⃣",
                    "an envelope names its events either by a body member (`discriminator`) or by a header "
                        + "(`eventHeader`), not both")
            ])
        expectErrors(
            .provider(
                """
                provider: acme
                envelope:
                  discriminator: type
                  1️⃣variant: action
                  fields: { type: string }
                """),
            [
                ExpectedError(
                    "1️⃣",
                    "`variant` selects an event's variant when the event type travels in a header; it needs "
                        + "`eventHeader`")
            ])
        expectErrors(
            .provider("provider: acme\nenvelope:\n  eventHeader: 1️⃣\"X Acme\"\n"),
            [ExpectedError("1️⃣", "`eventHeader` must be an HTTP header name, not `X Acme`")])
    }

    @Test func aVariantNeedsAProviderWithOne() {
        expectErrors(
            .event("a", "event: a\n1️⃣variant: opened\npayload: any\n"),
            [
                ExpectedError(
                    "1️⃣", in: "acme/a.yaml",
                    "`variant` needs an envelope with `eventHeader` and `variant` (the body member that selects it)")
            ])
    }

    @Test func integerDiscriminators() throws {
        let provider = """
            provider: disc
            envelope:
              discriminator: type
              fields:
                type: { type: integer, required: true }
                id: string

            """
        let result = Fixture([
            "disc/provider.yaml": provider, "disc/1.yaml": "event: 1\nswiftName: Ping\nfields: {}\n",
        ]).load()
        #expect(Fixture.errors(result).isEmpty)
        let loaded = try #require(result.schemaSet?.provider(named: "disc"))
        #expect(loaded.discriminatorIsInteger)
        guard case .object(let rules)? = loaded.events.first?.body.kind else { Issue.record("no event"); return }
        #expect(rules.fields.first?.schema.const == .integer(1))

        let fixture = Fixture([
            "disc/provider.yaml": provider,
            "disc/ping.yaml": "event: 1️⃣ping\nswiftName: Ping\nfields: {}\n",
            "disc/2.yaml": "event: 2️⃣2\nfields: {}\n",
        ])
        expectErrors(
            fixture,
            [
                ExpectedError(
                    "2️⃣", in: "disc/2.yaml",
                    "an event named by an integer (`event: 2`) needs a `swiftName` for its Swift type"),
                ExpectedError(
                    "1️⃣", in: "disc/ping.yaml", "the discriminator `type` is an integer; `event` must be one, not `ping`"),
            ])
    }

    @Test func dedupeKeys() {
        for (yaml, message) in [
            ("{ member: 1️⃣id }", "`member` is a JSON pointer into the body, such as `/id` or `/data/eventId`; not `id`"),
            ("1️⃣{ header: X-A, member: /a }", "`dedupeKey` names either a `header` or a body `member`, not both"),
            ("1️⃣{}", "`dedupeKey` needs a `header` or a body `member` (a JSON pointer)"),
            ("1️⃣{ member: /nowhere }", "`dedupeKey` names the body member `/nowhere`, which no event declares"),
        ] {
            expectErrors(
                Fixture([
                    "acme/provider.yaml": minimalProvider + "\ndedupeKey: \(yaml)\n",
                    "acme/a.yaml": "event: a\npayload: any\n",
                ]),
                [ExpectedError("1️⃣", message)])
        }
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + "\ndedupeKey: 1️⃣{ 2️⃣column: id }\n",
                "acme/a.yaml": "event: a\npayload: any\n",
            ]),
            [
                ExpectedError("1️⃣", "`dedupeKey` needs a `header` or a body `member` (a JSON pointer)"),
                ExpectedError("2️⃣", "unknown key `column` in `dedupeKey`"),
            ])
        let result = Fixture([
            "acme/provider.yaml": minimalProvider + "\ndedupeKey: { member: /id }\n",
            "acme/a.yaml": "event: a\npayload: any\n",
        ]).load()
        #expect(result.schemaSet?.provider(named: "acme")?.dedupeKey == .member("/id"))
    }

    @Test func untaggedUnions() throws {
        let types = """
            types:
              User: { type: object, fields: { login: { type: string, required: true }, id: integer } }
              Team: { type: object, fields: { slug: { type: string, required: true } } }
              Reviewer:
                type: union
                members:
                  - $ref: User
                  - { $ref: Team, swiftName: group }
              Stamp: { type: union, members: [integer, datetime] }

            """
        let result = Fixture([
            "acme/provider.yaml": minimalProvider + "\n" + types, "acme/a.yaml": "event: a\npayload: any\n",
        ]).load()
        #expect(Fixture.errors(result).isEmpty)
        let reviewer = try #require(result.schemaSet?.provider(named: "acme")?.type(named: "Reviewer"))
        #expect(
            reviewer.schema.kind
                == .untaggedUnion(
                    UntaggedUnionRules(members: [
                        UntaggedUnionMember(schema: Schema(.ref("User"))),
                        UntaggedUnionMember(schema: Schema(.ref("Team")), swiftName: "group"),
                    ])))

        let bad = """
            types:
              User: { type: object, fields: { login: { type: string, required: true } } }
              Admin: { type: object, fields: { login: { type: string, required: true }, level: { type: integer, required: true } } }
              A: { type: union, members: [string, 1️⃣datetime] }
              B:
                type: union
                members:
                  - $ref: User
                  - 2️⃣$ref: Admin
              C: { type: union, members: 3️⃣string }
              D: { type: union, 4️⃣discriminator: kind, members: [string] }
              E: { type: union, members: [{ type: string, 5️⃣required: true }] }
              F: { type: union, members: [6️⃣{ type: union, members: [string] }] }

            """
        expectErrors(
            Fixture(["acme/provider.yaml": minimalProvider + "\n" + bad, "acme/a.yaml": "event: a\npayload: any\n"]),
            [
                ExpectedError(
                    "1️⃣",
                    "union member 2 can never be chosen: every value of its shape (string) matches member 1 first; "
                        + "put the more specific member first"),
                ExpectedError(
                    "2️⃣",
                    "union member 2 can never be chosen: every value of its shape (object with `login`, `level`) "
                        + "matches member 1 first; put the more specific member first"),
                ExpectedError("3️⃣", "`members` of a union must be a list of schemas, not the string `string`"),
                ExpectedError(
                    "4️⃣",
                    "`discriminator` belongs to a union with a discriminator; a union with `members` has none (the "
                        + "first member whose shape matches is chosen)"),
                ExpectedError("5️⃣", "`required` does not apply to a union member"),
                ExpectedError(
                    "6️⃣", "a union's member cannot be another union without a discriminator; list its members here"),
            ])
    }

    @Test func integerEnumsAndCaseNames() throws {
        let types = """
            types:
              Status:
                type: enum
                values:
                  - { value: 0, swiftName: success }
                  - { value: 1, swiftName: pending }
                  - 7
              Mixed: { type: enum, values: [ON, 1] }
              Bad: { type: enum, values: [{ value: a, swiftName: 1️⃣"not a name" }] }

            """
        let fixture = Fixture([
            "acme/provider.yaml": minimalProvider + "\n" + types, "acme/a.yaml": "event: a\npayload: any\n",
        ])
        expectErrors(fixture, [ExpectedError("1️⃣", "`swiftName` must be a Swift identifier, not `not a name`")])
        let good = Fixture([
            "acme/provider.yaml": minimalProvider + "\n" + types.replacing(
                "  Bad: { type: enum, values: [{ value: a, swiftName: 1️⃣\"not a name\" }] }\n", with: ""),
            "acme/a.yaml": "event: a\npayload: any\n",
        ]).load()
        let provider = try #require(good.schemaSet?.provider(named: "acme"))
        #expect(
            provider.type(named: "Status")?.schema.kind
                == .enumeration(
                    EnumRules(
                        values: [EnumValue("0", swiftName: "success"), EnumValue("1", swiftName: "pending"), EnumValue("7")],
                        integer: true)))
        // One value that is not an integer makes every value a string, as written.
        #expect(
            provider.type(named: "Mixed")?.schema.kind
                == .enumeration(EnumRules(values: [EnumValue("ON"), EnumValue("1")])))
    }

    @Test func signatureKeysOfTheNewSchemes() throws {
        let signature = { (body: String) in
            minimalProvider + "\nsignature:\n" + body
        }
        let result = Fixture.provider(
            signature(
                """
                  algorithm: ed25519
                  header: webhook-signature
                  format: { style: versioned-list, separator: " ", versionSeparator: ",", version: v1a }
                  timestampHeader: webhook-timestamp
                  idHeader: webhook-id
                  signedContent: "{id}.{timestamp}.{body}"
                  encoding: base64
                  secret: { encoding: base64, prefix: whpk_, signingPrefix: whsk_ }

                """)
        ).load()
        #expect(Fixture.errors(result).isEmpty)
        let scheme = try #require(result.schemaSet?.provider(named: "acme")?.signature)
        #expect(scheme.algorithm == .ed25519 && scheme.secret == .base64(prefix: "whpk_"))
        #expect(scheme.signingKeyPrefix == "whsk_")

        let github = Fixture.provider(
            signature(
                """
                  algorithm: hmac-sha1
                  header: X-Hub-Signature
                  format: { style: plain, prefix: "sha1=" }
                  signedContent: "{body}"
                  encoding: hex
                  secret: hex

                """)
        ).load()
        #expect(github.schemaSet?.provider(named: "acme")?.signature?.signaturePrefix == "sha1=")
        #expect(github.schemaSet?.provider(named: "acme")?.signature?.secret == .hex)

        expectErrors(
            .provider(
                signature(
                    """
                      algorithm: ed25519
                      header: Sig
                      format: { style: plain, prefix: 1️⃣"" }
                      signedContent: "{body}"
                      encoding: hex
                      secret: 2️⃣utf8

                    """)),
            [
                ExpectedError("1️⃣", "`prefix` must not be empty"),
                ExpectedError(
                    "2️⃣", "an Ed25519 key is written as `hex` or `base64` (with its prefix); `utf8` applies to HMAC secrets"),
            ])
        expectErrors(
            .provider(
                signature(
                    """
                      header: Sig
                      format: { style: key-value, separator: ",", timestamp: t, signature: v1, 1️⃣prefix: x }
                      signedContent: "{body}"
                      encoding: hex
                      secret: { encoding: base64, 2️⃣signingPrefix: whsk_ }

                    """)),
            [
                ExpectedError("1️⃣", "unknown key `prefix` in a key-value `format`"),
                ExpectedError(
                    "2️⃣",
                    "`signingPrefix` is the prefix of an Ed25519 private key; an HMAC scheme signs and verifies with "
                        + "one secret"),
            ])
    }
}
