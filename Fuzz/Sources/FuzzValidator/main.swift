import ExtendWebhooks
import Foundation
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation
import PlexteraWebhooks

/// libFuzzer entry point: arbitrary bytes as a delivery body, validated against the bundled schemas (as embedded in
/// the generated models) with the default limits and with tight ones, with and without headers, and decoded in one
/// pass as each provider's event enum. Any crash, hang or sanitizer report is a bug; so is a report that breaks the
/// documented invariants checked below, or a one-pass value that differs from `JSONDecoder`'s.
let validator = SchemaValidator(for: [ExtendEvent.self, PlexteraEvent.self])
let tightValidator = SchemaValidator(
    for: [ExtendEvent.self, PlexteraEvent.self], limits: ValidationLimits(maxDepth: 16, maxBodyBytes: 4096))
let headers: [(name: String, value: String)] = [
    ("X-Plextera-Event-Id", "evt_1"), ("X-Plextera-Event-Type", "document-insights.extraction.failed"),
    ("X-Plextera-Event-Occurred-At", "2024-03-21T16:45:00Z"), ("x-extend-request-timestamp", "1700000000"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    check(validator.validate(body: bytes), headersGiven: false)
    check(tightValidator.validate(body: bytes), headersGiven: false)
    check(validator.validate(body: bytes, headers: headers), headersGiven: true)
    checkTyped(ExtendEvent.self, bytes)
    checkTyped(PlexteraEvent.self, bytes)
    return 0
}

/// The one-pass decoder gives the validator's report and, for a body both read as JSON, `JSONDecoder`'s value.
func checkTyped<Event: WebhookEventUnion>(_ type: Event.Type, _ bytes: UnsafeBufferPointer<UInt8>) {
    let (value, report) = validator.decode(Event.self, body: bytes)
    guard report == validator.validate(body: bytes) else {
        fatalError("the one-pass report differs from validate's: \(report.findings)")
    }
    if report.findings.contains(where: { $0.kind == .malformedJSON }) {
        guard value == nil else { fatalError("a value from a malformed body: \(String(describing: value))") }
        return
    }
    let expected = try? JSONDecoder().decode(Event.self, from: Data(bytes))
    guard value == expected else {
        fatalError("one-pass \(String(describing: value)) != JSONDecoder \(String(describing: expected))")
    }
}

/// The report's documented invariants: a body that cannot be read has exactly one finding, `malformed_json`;
/// every path is a JSON pointer; the verdict follows the severities.
func check(_ report: DriftReport, headersGiven: Bool) {
    if !headersGiven, report.findings.contains(where: { $0.kind == .malformedJSON }), report.findings.count != 1 {
        fatalError("a malformed body has more than one finding: \(report.findings)")
    }
    // Byte-wise: a member name may start with a combining mark, which joins "/" into one Character.
    for finding in report.findings where !(finding.path.isEmpty || finding.path.utf8.first == UInt8(ascii: "/")) {
        fatalError("not a JSON pointer: \(finding.path)")
    }
    let hasError = report.findings.contains { $0.severity == .error }
    if (report.verdict == .fail) != hasError || (report.verdict == .pass) != report.findings.isEmpty {
        fatalError("verdict \(report.verdict) does not follow the findings \(report.findings)")
    }
}
