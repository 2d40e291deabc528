import HookSchemaLearn
import HookSchemaModel
import HookSchemaValidation
import Testing

/// A provider without a payload member (each event lists its own `fields:`), with the places `learn` reaches through
/// an untagged union's `members:`, a map's `values`, flow mappings that span lines with comments, an object written
/// without `fields:`, and an event with no fields of its own.
let hooky = LearnFixture(files: [
    "hooky/provider.yaml": """
    provider: hooky
    envelope:
      discriminator: kind
      fields:
        kind: { type: string, required: true }

    types:
      Actor:
        type: union
        members:
          - { type: string }
          - $ref: Bot
      Bot:
        type: object
        fields: {
            id: { type: string, required: true },   # the bot's id
            name: { type: string }  # trailing
          }
      Labels:
        type: map
        values:
          type: object
          fields:
            color: { type: string, required: true }
      Plain: { type: object }

    """,
    "hooky/thing.made.yaml": """
    event: thing.made
    fields:
      actor: { $ref: Actor, required: true }
      labels: { $ref: Labels }
      plain: { $ref: Plain }
      level: { type: enum, values: [1, 2] }
      code: { type: enum, values: ["10", A] }
      contact:
        type: object
        fields:
          email: { type: string }
          phone: { type: string }
        atLeastOne: [email, phone]
      note: {
        type: string,
        required: true
      }

    """,
    "hooky/thing.gone.yaml": """
    event: thing.gone
    # No fields of its own.

    """,
])

@Suite struct LearnPlacementTests {
    func learned(_ bodies: [String]) throws -> LearnFixture {
        let result = try #require(hooky.learn(bodies))
        #expect(result.notLearned.isEmpty, "\(result.notLearned)")
        let learned = hooky.applying(result)
        #expect(learned.findings(bodies).isEmpty)
        return learned
    }

    @Test func fixtureIsValid() {
        #expect(
            hooky.findings([#"{"kind": "thing.made", "actor": "ann", "note": "n"}"#, #"{"kind": "thing.gone"}"#])
                .isEmpty)
    }

    @Test func throughAnUntaggedUnionIntoAFlowMappingSpanningLines() throws {
        let learned = try learned([#"{"kind": "thing.made", "actor": {"id": "b1", "yes": true}, "note": "n"}"#])
        #expect(
            learned.files["hooky/provider.yaml"]!.contains(
                """
                        name: { type: string }, "yes": { type: boolean }  # trailing
                      }
                """))
    }

    @Test func throughAMapsValues() throws {
        let learned = try learned([
            #"{"kind": "thing.made", "actor": "a", "labels": {"x": {"color": "red", "weight": 2}}, "note": "n"}"#
        ])
        #expect(
            learned.files["hooky/provider.yaml"]!.contains(
                """
                        color: { type: string, required: true }
                        weight: { type: integer }
                  Plain:
                """))
    }

    @Test func anObjectWithoutFieldsGetsThem() throws {
        let learned = try learned([#"{"kind": "thing.made", "actor": "a", "plain": {"x": "y"}, "note": "n"}"#])
        #expect(
            learned.files["hooky/provider.yaml"]!.contains(
                "  Plain: { type: object, fields: { x: { type: string } } }\n"))
    }

    @Test func aTopLevelMemberGoesToTheEventsFields() throws {
        let learned = try learned([#"{"kind": "thing.made", "actor": "a", "note": "n", "at": 5}"#])
        #expect(
            learned.files["hooky/thing.made.yaml"]! == hooky.files["hooky/thing.made.yaml"]!
                + "  at: { type: integer }\n")
        let gone = try self.learned([#"{"kind": "thing.gone", "why": "old"}"#])
        #expect(
            gone.files["hooky/thing.gone.yaml"]! == """
                event: thing.gone
                fields:
                  why: { type: string }
                # No fields of its own.

                """)
    }

    @Test func requiredLeavesAFlowMappingSpanningLines() throws {
        let learned = try learned([#"{"kind": "thing.made", "actor": "a"}"#])
        #expect(
            learned.files["hooky/thing.made.yaml"]!.hasSuffix(
                """
                  note: {
                    type: string
                  }

                """))
    }

    @Test func integerAndNumberLikeEnumValues() throws {
        let learned = try learned([#"{"kind": "thing.made", "actor": "a", "note": "n", "level": 3, "code": "11"}"#])
        let text = learned.files["hooky/thing.made.yaml"]!
        #expect(text.contains("  level: { type: enum, values: [1, 2, 3] }\n"))
        #expect(text.contains("  code: { type: enum, values: [\"10\", A, \"11\"] }\n"))
    }

    @Test func aMissingChoiceIsNotARequiredMember() throws {
        let result = try #require(hooky.learn([#"{"kind": "thing.made", "actor": "a", "note": "n", "contact": {}}"#]))
        #expect(result.files.isEmpty)
        #expect(result.notLearned.map(\.finding.kind) == [.missingRequired])
        #expect(result.notLearned.first?.reason == "a member of an `exactlyOne` / `atLeastOne` choice is missing")
    }

    @Test func aValueNoUnionMemberHasIsLeftAlone() throws {
        let result = try #require(hooky.learn([#"{"kind": "thing.made", "actor": 5, "note": "n"}"#]))
        #expect(result.files.isEmpty)
        #expect(!result.notLearned.isEmpty)
    }
}

/// `required:` written in ways that are not a line of its own.
@Suite struct RequiredSpellingTests {
    let fixture = LearnFixture(files: [
        "odd/provider.yaml": """
        provider: odd
        envelope:
          discriminator: kind
          fields:
            kind: { type: string, required: true }
        """,
        "odd/thing.yaml": """
        event: thing
        fields:
          a:
            type: string
            required:
              true
          b: { required: true, type: string }
          c:
            required: true
        """,
    ])

    @Test func valueOnTheNextLineFirstInAFlowMappingAndTheOnlyKey() throws {
        let bodies = [#"{"kind": "thing"}"#]
        let result = try #require(fixture.learn(bodies))
        #expect(result.notLearned.isEmpty)
        #expect(
            result.files.first?.edited == """
                event: thing
                fields:
                  a:
                    type: string
                    required:
                      false
                  b: { type: string }
                  c:
                    required: false
                """)
        #expect(result.changes.map(\.line) == [6, 7, 9])
        #expect(fixture.applying(result).findings(bodies).isEmpty)
    }
}
