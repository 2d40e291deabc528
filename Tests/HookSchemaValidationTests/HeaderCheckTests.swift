import HookSchemaValidation
import Testing

/// Header checks: required headers (names case-insensitive), declared formats, and mirrors of body members.
@Suite struct HeaderCheckTests {
    let validator = TestSchemas.validator

    func findings(_ headers: [(name: String, value: String)]) -> [String] {
        validator.validate(TestSchemas.validJob, headers: headers).findings.map {
            "\($0.kind.rawValue) \($0.severity.rawValue) \($0.path)"
        }
    }

    @Test func matchingHeadersPassWhateverTheirCase() {
        #expect(findings([("x-acme-event-id", "evt_1"), ("X-ACME-OCCURRED-AT", "2026-04-07T12:18:00+02:00")]) == [])
    }

    @Test func missingRequiredHeader() {
        #expect(findings([("X-Acme-Event-Id", "evt_1")]) == ["missing_header error /headers/X-Acme-Occurred-At"])
    }

    @Test func mirroredHeaderThatDisagrees() {
        let report = validator.validate(
            TestSchemas.validJob,
            headers: [("X-Acme-Event-Id", "evt_2"), ("X-Acme-Occurred-At", "2026-04-07T10:18:01Z")])
        #expect(report.findings.map(\.kind) == [.headerMismatch, .headerMismatch])
        #expect(report.findings.first?.path == "/headers/X-Acme-Event-Id")
        #expect(report.findings.first?.expected == "evt_1")
        #expect(report.findings.first?.actual == "evt_2")
    }

    @Test func headerFormats() {
        #expect(
            findings([("X-Acme-Event-Id", "evt_1"), ("X-Acme-Occurred-At", "Tue, 07 Apr 2026"), ("X-Acme-Attempt", "two")])
                == ["format_invalid error /headers/X-Acme-Occurred-At", "format_invalid error /headers/X-Acme-Attempt"])
    }

    @Test func noHeadersNoHeaderFindings() {
        #expect(validator.validate(TestSchemas.validJob).findings == [])
    }
}
