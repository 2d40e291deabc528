import HookSchemaValidation
import Testing

/// `validate(body:headers:reusing:)`, which `hookschema check` uses for a stream of bodies: the same reports as a
/// fresh `validate(body:)`, whatever came before in the buffers (large bodies that grow the tape past its first
/// capacity, malformed bodies that stop the scanner half-way, deep nesting, findings with paths).
@Suite struct ReusedBuffersTests {
    static var bodies: [String] {
        let job = TestSchemas.validJob
        let manySteps = (0..<3_000).map { _ in #"{"kind": "PARSE", "pages": 2}"# }.joined(separator: ", ")
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        return [
            job,
            TestSchemas.job("steps", "[\(manySteps)]"),  // about 9,000 tokens: the tape grows
            TestSchemas.job("status", "\"NEW_STATUS\""),
            String(job.dropLast(40)),  // truncated: the scanner stops with containers open
            TestSchemas.job("steps", "[\(manySteps), {\"kind\": 7}]"),
            TestSchemas.job("extra", deep),  // past the depth limit
            TestSchemas.job("pages", "\"three\""),
            "[1, 2, 3]",
            "{\"eventType\": \"job.unknown\"}",
            TestSchemas.job("link", "\"not a uri\""),
            job,
        ]
    }

    @Test func reusedBuffersGiveTheSameReports() {
        let validator = TestSchemas.validator
        var buffers = ValidationBuffers()
        for round in 0..<3 {
            for (position, body) in Self.bodies.enumerated() {
                let bytes = Array(body.utf8)
                let fresh = validator.validate(body: bytes)
                let reused = bytes.withUnsafeBufferPointer { validator.validate(body: $0, reusing: &buffers) }
                #expect(reused == fresh, "round \(round), body \(position)")
            }
        }
    }

    @Test func numbersOfEveryLengthAreCheckedAgainstTheirBounds() {
        // `score` is a number below an exclusive maximum of 1: integers of up to 16 characters are converted
        // without parsing text, longer ones and fractions are parsed; both must agree with the text's value.
        let validator = TestSchemas.validator
        for text in ["0", "-0", "1", "7", "-12", "123456789012345", "-123456789012345", "1234567890123456",
            "-999999999999999", "12345678901234567890", "-9223372036854775808", "9223372036854775807", "1e3",
            "0.25", "-1.5E-2", "0.999999999999999999"]
        {
            let report = validator.validate(body: Array(TestSchemas.job("score", text).utf8))
            let violations = report.findings.filter { $0.kind == .constraintViolation && $0.path == "/data/score" }
            #expect(violations.count == (Double(text)! < 1 ? 0 : 1), "\(text): \(report.findings)")
            #expect(report.findings.count == violations.count, "\(text): \(report.findings)")
        }
    }
}
