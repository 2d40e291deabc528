import HookSchemaValidation
import Testing

/// Bodies that are not readable JSON: one `malformed_json` finding each, never a crash.
@Suite struct MalformedBodyTests {
    let validator = TestSchemas.validator

    func malformed(_ bytes: [UInt8], limits: ValidationLimits = .init()) -> Finding? {
        let report = SchemaValidator(schemas: TestSchemas.set, limits: limits).validate(body: bytes)
        #expect(report.verdict == .fail)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.kind == .malformedJSON, "\(report.findings)")
        return report.findings.first
    }

    func malformed(_ text: String) -> Finding? {
        malformed(Array(text.utf8))
    }

    @Test func emptyAndWhitespaceBodies() {
        #expect(malformed("")?.message.contains("empty") == true)
        #expect(malformed(" \n\t ")?.message.hasPrefix("at 2:3 (byte offset 4)") == true)
    }

    @Test func truncatedBodyPointsAtTheOpenValue() {
        let full = Array(TestSchemas.validJob.utf8)
        for length in stride(from: 1, to: full.count - 1, by: 7) {
            _ = malformed(Array(full[..<length]))
        }
        let finding = malformed(#"{"eventType": "job.done", "data": {"steps": [{"kind": "PA"#)
        #expect(finding?.path == "/data/steps/0/kind")
        #expect(finding?.message.contains("unterminated string") == true)
    }

    @Test func lineColumnAndByteOffset() {
        let finding = malformed("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(finding?.message == "at 3:8 (byte offset 19): invalid literal: expected 'true'")
        #expect(finding?.path == "/b")
    }

    @Test func syntaxErrors() {
        for text in ["{", "}", "{\"a\" 1}", "{\"a\": 01}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": 1e}", "{'a': 1}",
            "{\"a\": [1,]}", "{\"a\": 1,}", "{} {}", "{\"a\": \"\\x\"}", "{\"a\": \"tab\there\"}", "{\"a\": NaN}",
            "{\"a\": \"\\u12G4\"}", "\u{FEFF}{}"]
        {
            _ = malformed(text)
        }
    }

    @Test func invalidUTF8() {
        let cases: [[UInt8]] = [
            Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),  // bad continuation
            Array(#"{"a": ""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),  // overlong
            Array(#"{"a": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),  // encoded surrogate
            Array(#"{"a": ""#.utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(#""}"#.utf8),  // beyond U+10FFFF
            Array(#"{"a": ""#.utf8) + [0xFF] + Array(#""}"#.utf8),
            Array(#"{"a": ""#.utf8) + [0xE2, 0x82],  // cut off
        ]
        for bytes in cases {
            #expect(malformed(bytes)?.message.contains("): invalid UTF-8: ") == true)
        }
        #expect(validator.validate("{\"a\": \"h\u{E9}llo \u{1F600}\"}").findings.first?.kind != .malformedJSON)
    }

    @Test func loneSurrogateEscapes() {
        for text in [#"{"a": "\uD800"}"#, #"{"a": "\uDC00"}"#, #"{"a": "\uD800\u0041"}"#, #"{"\uDBFF": 1}"#] {
            #expect(malformed(text)?.message.contains("): lone surrogate escape") == true)
        }
        #expect(validator.validate(#"{"a": "\uD83D\uDE00"}"#).findings.first?.kind != .malformedJSON)
    }

    @Test func deepNestingIsAFindingNotACrash() {
        let depth = 100_000
        let arrays = Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
        #expect(malformed(arrays)?.message.contains("nested deeper than the limit of 512 levels") == true)
        var objects: [UInt8] = []
        for _ in 0..<depth { objects += Array(#"{"a":"#.utf8) }
        objects += Array(repeating: UInt8(ascii: "}"), count: depth)
        let finding = malformed(objects)
        #expect(finding?.path.hasPrefix("/a/a/a") == true)
        // Within a raised limit, the same shapes scan (and fail only as non-objects / unknown events).
        let raised = SchemaValidator(schemas: TestSchemas.set, limits: ValidationLimits(maxDepth: 2_000))
        let nested = Array(repeating: UInt8(ascii: "["), count: 1_500) + Array(repeating: UInt8(ascii: "]"), count: 1_500)
        #expect(raised.validate(body: nested).findings.map(\.kind) == [.typeMismatch])
    }

    @Test func bodySizeLimit() {
        let finding = malformed(Array(TestSchemas.validJob.utf8), limits: ValidationLimits(maxBodyBytes: 100))
        #expect(finding?.message.contains("more than the limit of 100 bytes") == true)
    }
}
