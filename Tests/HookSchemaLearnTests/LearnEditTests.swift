import HookSchemaLearn
import HookSchemaModel
import HookSchemaValidation
import Testing

/// One kind of edit at a time on the `acme` fixture: exactly the text that changes, and no drift left for `check`
/// afterwards.
@Suite struct LearnEditTests {
    /// Learns from `bodies` and returns the one changed file's text, expecting that every finding was learned and
    /// that the edited schemas load and accept the bodies without a finding.
    func learnedText(_ bodies: [String], file: String = "acme/provider.yaml") throws -> String {
        let result = try #require(acme.learn(bodies))
        #expect(result.notLearned.isEmpty, "\(result.notLearned)")
        #expect(result.files.map(\.relativePath) == [file])
        #expect(acme.applying(result).findings(bodies).isEmpty)
        return try #require(result.files.first?.edited)
    }

    /// The original text with `old` replaced by `new` (each must occur once).
    func original(_ file: String = "acme/provider.yaml", replacing old: String, with new: String) throws -> String {
        let text = try #require(acme.files[file])
        #expect(text.components(separatedBy: old).count == 2, "`\(old)` must occur exactly once")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func fixtureIsValid() {
        #expect(acme.findings([order()]).isEmpty)
    }

    @Test func newMemberInBlockFieldsGoesLastBeforeTrailingComments() throws {
        let edited = try learnedText([order(["channel": #""web""#])])
        #expect(
            edited
                == (try original(
                    replacing: "      # Members end here.\n",
                    with: "      channel: { type: string }\n      # Members end here.\n")))
    }

    @Test func newMemberOfAnArrayItemInFlowFieldsOfANamedType() throws {
        let edited = try learnedText([
            order(["items": #"[{"sku": "a", "qty": 1}, {"sku": "b", "qty": 2, "color": "red"}]"#])
        ])
        #expect(
            edited
                == (try original(
                    replacing: "qty: { type: integer, required: true } }",
                    with: "qty: { type: integer, required: true }, color: { type: string } }")))
    }

    @Test func newObjectMemberIsWrittenInBlockStyle() throws {
        let edited = try learnedText([order(["customer": #"{"name": "Ann", "vip": true}"#])])
        #expect(
            edited
                == (try original(
                    replacing: "      # Members end here.\n",
                    with: """
                              customer:
                                type: object
                                fields:
                                  name: { type: string, required: true }
                                  vip: { type: boolean, required: true }
                              # Members end here.

                        """)))
    }

    @Test func newTopLevelMemberGoesToTheEnvelope() throws {
        let body = #"{"id": "evt_1", "type": "order.created", "version": 2, "data": \#(validOrderJSON)}"#
        let edited = try learnedText([body])
        #expect(
            edited
                == (try original(
                    replacing: "    type: { type: string, required: true }\n",
                    with: "    type: { type: string, required: true }\n    version: { type: integer }\n")))
    }

    @Test func enumValueInAFlowListKeepsTheTrailingComment() throws {
        let edited = try learnedText([order(["status": #""PENDING""#])])
        #expect(
            edited
                == (try original(
                    replacing: "[OPEN, CLOSED]  # an open set", with: "[OPEN, CLOSED, PENDING]  # an open set")))
    }

    @Test func enumValueInABlockListIsANewItemLine() throws {
        let edited = try learnedText([order(["reason": #""FRAUD""#])])
        #expect(
            edited
                == (try original(
                    replacing: "      - { value: CANCELLED, description: By the user. }\n",
                    with: "      - { value: CANCELLED, description: By the user. }\n      - FRAUD\n")))
    }

    @Test func manyDeliveriesAtOnePlaceMakeOneEdit() throws {
        let bodies = [
            order(["status": #""PENDING""#, "channel": #""web""#]), order(["status": #""HELD""#, "channel": "3"]),
            order(["status": #""PENDING""#, "reason": #""yes""#]),
        ]
        let result = try #require(acme.learn(bodies))
        #expect(
            result.changes.map(\.summary) == [
                "Status: new enum values `PENDING`, `HELD`", "Reason: new enum value `yes`",
                "Order: new optional member `channel`",
            ])
        let edited = try #require(result.files.first?.edited)
        // `yes` is quoted: YAML would read it as a boolean.
        #expect(edited.contains("      - \"yes\"\n"))
        #expect(edited.contains("[OPEN, CLOSED, PENDING, HELD]"))
        #expect(acme.applying(result).findings(bodies).isEmpty)
    }

    @Test func missingRequiredBlockEntryLosesItsLine() throws {
        let edited = try learnedText([order(removing: ["note"])])
        #expect(
            edited
                == (try original(
                    replacing: "        type: string\n        required: true\n        description: >-",
                    with: "        type: string\n        description: >-")))
    }

    @Test func missingRequiredWithACommentIsSetToFalse() throws {
        let edited = try learnedText([order(removing: ["placedAt"])])
        #expect(
            edited == (try original(replacing: "required: true # always sent", with: "required: false # always sent")))
    }

    @Test func missingRequiredInAFlowMappingLosesTheEntryAndItsComma() throws {
        let edited = try learnedText([order(["items": #"[{"sku": "a"}]"#])])
        #expect(
            edited
                == (try original(
                    replacing: "qty: { type: integer, required: true } }", with: "qty: { type: integer } }")))
        let envelope = try learnedText([#"{"type": "order.created", "data": \#(validOrderJSON)}"#])
        #expect(
            envelope
                == (try original(
                    replacing: "id: { type: string, required: true }  # the event id",
                    with: "id: { type: string }  # the event id")))
    }

    @Test func errorsAreNeverLearned() throws {
        let bodies = [
            order(["number": "5"]),  // a wrong type
            order(["placedAt": #""yesterday""#]),  // not a datetime
            #"{"id": "evt_1", "type": "order.deleted", "data": {}}"#,  // an unknown event
            orderCreated(validOrderJSON, extra: ", "),  // malformed JSON
        ]
        let result = try #require(acme.learn(bodies))
        #expect(result.files.isEmpty)
        #expect(
            result.notLearned.map(\.finding.kind) == [.typeMismatch, .formatInvalid, .unknownEvent, .malformedJSON])
        #expect(
            result.notLearned.first?.description
                == "d0: /data/number: not learned: \(result.notLearned[0].finding.message)")
    }

    @Test func errorsBesideDriftLeaveTheDriftLearned() throws {
        let result = try #require(acme.learn([order(["number": "5", "status": #""PENDING""#])]))
        #expect(result.notLearned.map(\.finding.kind) == [.typeMismatch])
        #expect(result.changes.map(\.summary) == ["Status: new enum value `PENDING`"])
    }

    @Test func aSecondLearnFindsNothing() throws {
        let bodies = [
            order(
                ["status": #""PENDING""#, "channel": #""web""#, "reason": #""FRAUD""#], removing: ["note", "placedAt"]),
            order(["items": #"[{"sku": "b", "color": "red"}]"#, "customer": #"{"name": "Ann"}"#]),
        ]
        let first = try #require(acme.learn(bodies))
        #expect(first.notLearned.isEmpty)
        let learned = acme.applying(first)
        #expect(learned.findings(bodies).isEmpty)
        let second = try #require(learned.learn(bodies))
        #expect(second.files.isEmpty)
        #expect(second.changes.isEmpty)
        #expect(second.notLearned.isEmpty)
    }
}

let validOrderJSON =
    #"{"number": "1", "status": "OPEN", "items": [{"sku": "a", "qty": 1}], "placedAt": "2026-01-01T00:00:00Z", "note": "n"}"#
