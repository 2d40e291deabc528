import HookSchemaLoader
import HookSchemaModel
import Testing

/// Problems of a provider: its folder, envelope, headers, events and their uniqueness.
@Suite struct ProviderDiagnosticsTests {
    @Test func anEventFileNeedsAProviderFileInItsFolder() {
        expectErrors(
            Fixture(["acme/a.yaml": "1️⃣event: a\npayload: { type: 2️⃣strng }\n"]),
            [
                ExpectedError(
                    "1️⃣",
                    in: "acme/a.yaml",
                    "there is no provider.yaml in `acme/`, which every event file needs (for the envelope and shared "
                        + "types)"
                ),
                ExpectedError("2️⃣", in: "acme/a.yaml", "unknown type `strng`; did you mean `string`?"),
            ]
        )
    }

    @Test func schemaFilesMustBeInAProviderFolder() {
        expectErrors(
            Fixture(["loose.yaml": "1️⃣event: a\n", "acme/provider.yaml": minimalProvider]),
            [
                ExpectedError(
                    "1️⃣",
                    in: "loose.yaml",
                    "a schema file belongs directly in a provider folder (`<provider>/<file>.yaml`), not at "
                        + "`loose.yaml`"
                )
            ]
        )
    }

    @Test func theProviderIdMustBeTheFolderName() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider.replacing("provider: acme", with: "provider: 1️⃣acme-corp"),
                "acme/a.yaml": "event: a\nprovider: 2️⃣other\npayload: any\n",
            ]),
            [
                ExpectedError(
                    "2️⃣", in: "acme/a.yaml", "`provider: other` does not match the folder `acme` this event file is in"),
                ExpectedError(
                    "1️⃣",
                    "`provider: acme-corp` does not match its folder `acme`; the provider id is the folder's name"
                ),
            ]
        )
    }

    @Test func theEnvelopeDiscriminatorMustBeAnEnvelopeStringField() {
        expectErrors(
            .provider(
                """
                provider: acme
                envelope:
                  discriminator: 1️⃣eventTyp
                  fields:
                    eventType: string
                """),
            [
                ExpectedError(
                    "1️⃣", "the discriminator `eventTyp` is not a field of the envelope; did you mean `eventType`?")
            ]
        )
        expectErrors(
            .provider("provider: acme\nenvelope:\n  discriminator: 1️⃣kind\n  fields: { kind: boolean }\n"),
            [ExpectedError("1️⃣", "the discriminator field `kind` must be of type `string` or `integer` (or an integer enum)")]
        )
        expectErrors(
            .provider("1️⃣provider: acme\n2️⃣envlope: {}\n"),
            [
                ExpectedError("1️⃣", "a provider file is missing `envelope`"),
                ExpectedError("2️⃣", "unknown key `envlope` in a provider file; did you mean `envelope`?"),
            ]
        )
    }

    @Test func headerMirrorsMustPointAtAnEnvelopeField() {
        expectErrors(
            .provider(
                minimalProvider + """

                    headers:
                      X-Id: { mirrors: 1️⃣/ID }
                      X-Type: { mirrors: 2️⃣type }
                      X-Data: { mirrors: /data/anything }
                      X-Deep: { mirrors: 3️⃣/id/more }
                      X-Format: { format: 4️⃣date }
                    """),
            [
                ExpectedError("1️⃣", "`mirrors: /ID` names no envelope field; did you mean `id`?"),
                ExpectedError("2️⃣", "`mirrors` must be a JSON pointer to a body member, such as `/eventId`; not `type`"),
                ExpectedError("3️⃣", "`mirrors: /id/more`: `/id` has no member `more`"),
                ExpectedError(
                    "4️⃣",
                    "unknown header format `date` (known: string, datetime, integer)"
                ),
            ]
        )
    }

    @Test func headerNamesAreUniqueIgnoringCase() {
        expectErrors(
            .provider(minimalProvider + "\nheaders:\n  X-Event-Id: {}\n  1️⃣x-event-id: { required: true }\n"),
            [ExpectedError("1️⃣", "duplicate header `x-event-id`")]
        )
    }

    @Test func anEventTypeDeclaredTwiceIsReportedAtBothFiles() throws {
        let fixture = Fixture([
            "acme/provider.yaml": minimalProvider,
            "acme/a.yaml": "event: 1️⃣thing.done\npayload: any\n",
            "acme/b.yaml": "event: 1️⃣thing.done\npayload: any\n",
        ])
        let result = fixture.load()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["duplicate event type `thing.done`: another file already describes it"])
        #expect(errors.first?.location?.description == fixture.location("1️⃣", in: "acme/b.yaml"))
        #expect(errors.first?.note == "`thing.done` is first declared at \(fixture.location("1️⃣", in: "acme/a.yaml"))")
    }

    @Test func payloadAndFieldsFollowTheEnvelope() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider,
                "acme/a.yaml": "1️⃣event: a\n",
                "acme/b.yaml": "event: b\npayload: any\n2️⃣fields: {}\n",
            ]),
            [
                ExpectedError(
                    "1️⃣", in: "acme/a.yaml", "an event file of provider `acme` needs `payload:` (the schema of `data`)"),
                ExpectedError(
                    "2️⃣",
                    in: "acme/b.yaml",
                    "this provider's envelope carries the event in `data`; describe it with `payload:`, not `fields:`"
                ),
            ]
        )
        expectErrors(
            Fixture([
                "acme/provider.yaml": "provider: acme\nenvelope: { discriminator: type, fields: { type: string } }\n",
                "acme/a.yaml": "event: a\n1️⃣payload: any\n",
                "acme/b.yaml": "event: b\nfields:\n  2️⃣type: string\n",
            ]),
            [
                ExpectedError(
                    "1️⃣",
                    in: "acme/a.yaml",
                    "this provider's envelope has no payload member (`envelope.payload`); list the event's members "
                        + "under `fields:`"
                ),
                ExpectedError("2️⃣", in: "acme/b.yaml", "duplicate field `type`: the envelope already has it"),
            ]
        )
    }

    @Test func swiftTypeNamesMustNotCollide() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + "\ntypes:\n  ThingDoneEvent: { type: object }\n",
                "acme/thing.done.yaml": "event: 1️⃣thing.done\npayload: any\n",
                "acme/thing_done.yaml": "event: thing_done\nswiftName: 2️⃣ThingDoneEvent\npayload: any\n",
            ]),
            [
                ExpectedError(
                    "1️⃣", in: "acme/thing.done.yaml",
                    "event `thing.done` and type `ThingDoneEvent` both become the Swift type `ThingDoneEvent`; set a "
                        + "different `swiftName`"),
                ExpectedError(
                    "2️⃣", in: "acme/thing_done.yaml",
                    "event `thing_done` and type `ThingDoneEvent` both become the Swift type `ThingDoneEvent`; set a "
                        + "different `swiftName`"),
            ]
        )
    }

    @Test func aLegacyEventMustNotBeACurrentOne() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + "\nlegacyEvents:\n  1️⃣a: b\n",
                "acme/a.yaml": "event: a\npayload: any\n",
            ]),
            [ExpectedError("1️⃣", "legacy event `a` is also a current event")]
        )
    }

    @Test func anEventFileNamedAfterAnotherEventIsAWarning() throws {
        let result = Fixture.event("other", "event: a\npayload: any\n").load()
        #expect(result.schemaSet != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message == "the file `acme/other.yaml` describes `a`; name it `a.yaml`")
    }
}
