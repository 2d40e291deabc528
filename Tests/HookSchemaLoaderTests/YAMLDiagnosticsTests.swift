import HookSchemaLoader
import HookSchemaModel
import Testing

/// Problems found while reading YAML: reported at the location Yams gives, never a crash.
@Suite struct YAMLDiagnosticsTests {
    @Test func malformedYAMLIsReportedWhereYamsFoundIt() {
        expectErrors(
            .provider(
                """
                provider: acme
                envelope:
                  fields: { a: [1, 2 1️⃣}
                """),
            [ExpectedError("1️⃣", "malformed YAML: did not find expected ',' or ']'")]
        )
    }

    @Test func badIndentationIsMalformedYAML() {
        expectErrors(
            .provider(
                """
                provider: acme
                  bad1️⃣: indent
                """),
            [ExpectedError("1️⃣", "malformed YAML: mapping values are not allowed in this context")]
        )
    }

    @Test func malformedYAMLInOneFileDoesNotHideProblemsInAnother() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider,
                "acme/a.yaml": "event: a\npayload: { type: 1️⃣strng }\n",
                "acme/b.yaml": "event: b\npayload: [\n1️⃣",
            ]),
            [
                ExpectedError("1️⃣", in: "acme/a.yaml", "unknown type `strng`; did you mean `string`?"),
                ExpectedError("1️⃣", in: "acme/b.yaml", "malformed YAML: did not find expected node content"),
            ]
        )
    }

    @Test func aRepeatedKeyIsReportedAtTheRepetitionWithANoteNamingTheFirst() throws {
        let fixture = Fixture.provider(
            """
            provider: acme
            envelope:
              discriminator: type
              fields:
                1️⃣type: string
                id: string
                2️⃣type: string
                3️⃣"id": string
            """)
        expectErrors(
            fixture,
            [ExpectedError("2️⃣", "duplicate field `type`"), ExpectedError("3️⃣", "duplicate field `id`")]
        )
        let diagnostic = try #require(fixture.load().diagnostics.first)
        #expect(diagnostic.note == "`type` is first declared at \(fixture.location("1️⃣", in: "acme/provider.yaml"))")
    }

    @Test func aKeyRepeatedThreeTimesInAFlowMappingIsReportedTwice() {
        expectErrors(
            .provider("provider: acme\nenvelope: {discriminator: t, fields: {t: string, 1️⃣t: string, 2️⃣t: integer}}\n"),
            [ExpectedError("1️⃣", "duplicate field `t`"), ExpectedError("2️⃣", "duplicate field `t`")]
        )
    }

    @Test func aRepeatedSchemaKeyIsReported() {
        expectErrors(
            .event("a", "event: a\npayload:\n  type: string\n  1️⃣type: integer\n"),
            [ExpectedError("1️⃣", in: "acme/a.yaml", "duplicate key `type`")]
        )
    }

    @Test func anEmptyFileIsReported() {
        expectErrors(.provider("1️⃣"), [ExpectedError("1️⃣", "the schema file is empty")])
    }

    @Test func aFileThatIsNotAMappingIsReported() {
        expectErrors(
            .provider("1️⃣- a\n- b\n"),
            [ExpectedError("1️⃣", "a provider file must be a mapping, not a list")]
        )
    }

    @Test func anUndefinedAliasIsReported() {
        expectErrors(
            .provider("provider: acme\nenvelope: 1️⃣*nope\n"),
            [ExpectedError("1️⃣", "malformed YAML: found undefined alias")]
        )
    }
}
