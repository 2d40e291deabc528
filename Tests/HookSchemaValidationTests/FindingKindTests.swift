import HookSchemaRuntime
import HookSchemaValidation
import Testing

/// One payload per finding kind: kind, severity and exact path.
@Suite struct FindingKindTests {
    let validator = TestSchemas.validator

    /// The single finding of `body`, checked against kind, severity and path.
    func expectOne(
        _ body: String, _ kind: FindingKind, _ severity: Finding.Severity, _ path: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Finding? {
        let report = validator.validate(body)
        #expect(report.findings.count == 1, "\(report.findings)", sourceLocation: sourceLocation)
        guard let finding = report.findings.first else { return nil }
        #expect(finding.kind == kind, "\(finding)", sourceLocation: sourceLocation)
        #expect(finding.severity == severity, "\(finding)", sourceLocation: sourceLocation)
        #expect(finding.path == path, "\(finding)", sourceLocation: sourceLocation)
        return finding
    }

    @Test func validPayloadPasses() {
        let report = validator.validate(TestSchemas.validJob)
        #expect(report.findings == [])
        #expect(report.verdict == .pass)
        #expect(report.provider == "acme")
        #expect(report.event == "job.done")
    }

    @Test func malformedJSON() {
        let finding = expectOne(#"{"eventId": "evt_1",, }"#, .malformedJSON, .error, "/eventId")
        #expect(finding?.message.contains("1:21 (byte offset 20)") == true, "\(String(describing: finding))")
    }

    @Test func unknownEvent() {
        let finding = expectOne(#"{"eventId": "e", "eventType": "job.lost", "data": {}}"#, .unknownEvent, .error, "/eventType")
        #expect(finding?.actual == "job.lost")
        #expect(validator.validate(#"{"eventId": "e", "eventType": "job.lost", "data": {}}"#).provider == "acme")
    }

    @Test func legacyEventNamesItsReplacement() {
        let report = validator.validate(#"{"eventType": "job.finished"}"#)
        #expect(report.provider == "acme")
        #expect(report.findings.first?.kind == .unknownEvent)
        #expect(report.findings.first?.message.contains("replaced by job.done") == true)
    }

    @Test func missingRequired() {
        _ = expectOne(TestSchemas.job("reviewed", nil), .missingRequired, .error, "/data/reviewed")
    }

    @Test func typeMismatch() {
        let finding = expectOne(TestSchemas.job("reviewed", "\"no\""), .typeMismatch, .error, "/data/reviewed")
        #expect(finding?.expected == "boolean")
        #expect(finding?.actual == "string")
    }

    @Test func integerWithFractionOrExponentOrBeyond64Bits() {
        _ = expectOne(TestSchemas.job("pages", "2.5"), .typeMismatch, .error, "/data/pages")
        _ = expectOne(TestSchemas.job("pages", "1e2"), .typeMismatch, .error, "/data/pages")
        _ = expectOne(TestSchemas.job("pages", "9223372036854775808"), .typeMismatch, .error, "/data/pages")
        _ = expectOne(TestSchemas.job("score", "1e999"), .typeMismatch, .error, "/data/score")
    }

    @Test func topLevelNonObject() {
        _ = expectOne("[1, 2]", .typeMismatch, .error, "")
        _ = expectOne("\"text\"", .typeMismatch, .error, "")
    }

    @Test func nullNotAllowed() {
        let finding = expectOne(TestSchemas.job("status", "null"), .nullNotAllowed, .error, "/data/status")
        #expect(finding?.actual == .null)
    }

    @Test func nullableRefAcceptsNull() {
        #expect(validator.validate(TestSchemas.job("next", "null")).findings == [])
        _ = expectOne(TestSchemas.job("next", "\"LATER\""), .unknownEnumValue, .warning, "/data/next")
    }

    @Test func constMismatch() {
        let finding = expectOne(TestSchemas.job("object", "\"task\""), .constMismatch, .error, "/data/object")
        #expect(finding?.expected == "job")
        #expect(finding?.actual == "task")
    }

    @Test func formatInvalid() {
        _ = expectOne(TestSchemas.job("dueOn", "\"2026-02-30\""), .formatInvalid, .error, "/data/dueOn")
        _ = expectOne(TestSchemas.job("link", "\"acme.test/jobs\""), .formatInvalid, .error, "/data/link")
        let body = TestSchemas.validJob.replacingOccurrences(of: "2026-04-07T10:18:00Z", with: "2026-04-07 10:18")
        _ = expectOne(body, .formatInvalid, .error, "/occurredAt")
    }

    @Test func constraintViolations() {
        _ = expectOne(TestSchemas.job("id", "\"task_42\""), .constraintViolation, .error, "/data/id")
        _ = expectOne(TestSchemas.job("id", "\"job_\""), .constraintViolation, .error, "/data/id")
        _ = expectOne(TestSchemas.job("pages", "1001"), .constraintViolation, .error, "/data/pages")
        _ = expectOne(TestSchemas.job("score", "1"), .constraintViolation, .error, "/data/score")
        _ = expectOne(TestSchemas.job("tags", #"{"a": "1", "b": "2", "c": "3", "d": "4"}"#), .constraintViolation, .error, "/data/tags")
        _ = expectOne(TestSchemas.job("tags", #"{"a/long~key": "1"}"#), .constraintViolation, .error, "/data/tags/a~1long~0key")
        _ = expectOne(TestSchemas.job("tags", #"{"a": ""}"#), .constraintViolation, .error, "/data/tags/a")
        let steps = "[" + Array(repeating: #"{"kind": "PARSE", "pages": 1}"#, count: 5).joined(separator: ",") + "]"
        _ = expectOne(TestSchemas.job("steps", steps), .constraintViolation, .error, "/data/steps")
        _ = expectOne(TestSchemas.job("steps", #"[{"kind": "PARSE", "pages": 0}]"#), .constraintViolation, .error, "/data/steps/0/pages")
    }

    @Test func unknownField() {
        let finding = expectOne(TestSchemas.job("colour", "\"red\""), .unknownField, .warning, "/data/colour")
        #expect(validator.validate(TestSchemas.job("colour", "\"red\"")).verdict == .drift)
        #expect(finding?.message.contains("colour") == true)
    }

    @Test func unknownValueOfAnOpenEnumIsAWarning() {
        let finding = expectOne(TestSchemas.job("status", "\"PAUSED\""), .unknownEnumValue, .warning, "/data/status")
        #expect(finding?.expected == ["QUEUED", "DONE"])
        #expect(finding?.actual == "PAUSED")
    }

    @Test func unknownValueOfAClosedEnumIsAnError() {
        _ = expectOne(TestSchemas.job("mode", "\"warp\""), .unknownEnumValue, .error, "/data/mode")
    }

    @Test func unionMembersAreCheckedAndUnknownDiscriminatorsAreDrift() {
        _ = expectOne(TestSchemas.job("steps", #"[{"kind": "PARSE"}]"#), .missingRequired, .error, "/data/steps/0/pages")
        _ = expectOne(TestSchemas.job("steps", #"[{"kind": "OCR", "x": 1}]"#), .unknownEnumValue, .warning, "/data/steps/0/kind")
        _ = expectOne(TestSchemas.job("steps", #"[{"pages": 1}]"#), .missingRequired, .error, "/data/steps/0/kind")
    }

    @Test func duplicateMember() {
        _ = expectOne(TestSchemas.job("reviewed", "false, \"reviewed\": true"), .constraintViolation, .error, "/data/reviewed")
    }

    @Test func escapedMemberNamesAndValuesAreDecoded() {
        let body = TestSchemas.validJob.replacingOccurrences(of: #""status": "DONE""#, with: #""st\u0061tus": "D\u004FNE""#)
        #expect(validator.validate(body).findings == [])
    }

    @Test func onePayloadWithSeveralProblemsYieldsAll() {
        let body = """
            {"eventType": "job.done", "occurredAt": "yesterday", "surprise": 1,
             "data": {"id": 42, "status": "PAUSED", "mode": "warp", "object": "task", "pages": -1, "reviewed": null,
                      "note": "n", "link": "no scheme", "steps": [{"kind": "PARSE", "pages": 1.5}]}}
            """
        let report = validator.validate(body)
        let summary = report.findings.map { "\($0.kind.rawValue) \($0.severity.rawValue) \($0.path)" }
        #expect(summary == [
            "format_invalid error /occurredAt",
            "unknown_field warning /surprise",
            "type_mismatch error /data/id",
            "unknown_enum_value warning /data/status",
            "unknown_enum_value error /data/mode",
            "const_mismatch error /data/object",
            "constraint_violation error /data/pages",
            "null_not_allowed error /data/reviewed",
            "format_invalid error /data/link",
            "type_mismatch error /data/steps/0/pages",
            "missing_required error /eventId",
        ])
        #expect(report.verdict == .fail)
    }

    @Test func dispatchBySharedDiscriminatorValue() {
        let report = validator.validate(#"{"eventType": "invoice.paid", "invoiceId": "in_1", "amount": 12}"#)
        #expect(report.provider == "globex")
        #expect(report.event == "invoice.paid")
        #expect(report.verdict == .pass)
    }

    @Test func missingDiscriminator() {
        let report = validator.validate(#"{"eventId": "e", "occurredAt": "2026-04-07T10:18:00Z", "data": {}}"#)
        #expect(report.provider == "acme")
        #expect(report.findings.map(\.kind) == [.missingRequired])
        #expect(report.findings.first?.path == "/eventType")
    }
}
