import HookSchemaModel
import HookSchemaValidation
import Testing

/// Inputs the fuzz targets (Fuzz/, Scripts/fuzz.sh) flagged, kept so they stay handled.
@Suite struct FuzzRegressionTests {
    static let validator = SchemaValidator(schemas: SchemaSet(providers: [TestSchemas.acme, TestSchemas.globex]))

    /// FuzzValidator, 1,011,067 executions into the first long run: a member name starting with a combining mark
    /// (U+0615) in a truncated body. The report was right — one `malformed_json` finding whose pointer names the
    /// member — but `"/\u{615}…".hasPrefix("/")` is false in Swift (the mark joins the slash into one Character), so
    /// the harness's pointer check must compare bytes. The pointer itself must stay a valid RFC 6901 pointer.
    @Test func memberNameStartingWithACombiningMark() {
        let body: [UInt8] = Array(#"{ "\u0615{ "\u00""#.utf8) + [0x8B] + Array(#"ua""#.utf8)
        let report = Self.validator.validate(body: body)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.kind == .malformedJSON)
        let path = report.findings.first?.path ?? ""
        #expect(path.isEmpty || path.utf8.first == UInt8(ascii: "/"), "\(path)")
        #expect(JSONPointer.tokens(of: path).allSatisfy { !$0.contains("/") })
    }
}
