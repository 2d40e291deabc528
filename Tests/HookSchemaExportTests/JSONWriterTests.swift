import HookSchemaExport
import Testing

@Suite struct JSONWriterTests {
    @Test func membersKeepTheirOrderAndTheTextEndsWithANewline() {
        let node = JSONNode.object([
            JSONNode.Member("zeta", .integer(1)),
            JSONNode.Member("alpha", .bool(true)),
            JSONNode.Member("empty", .object([])),
            JSONNode.Member("none", .array([])),
        ])
        #expect(
            JSONWriter.render(node) == """
                {
                  "zeta": 1,
                  "alpha": true,
                  "empty": {},
                  "none": []
                }

                """)
    }

    @Test func stringsAreEscaped() {
        let node = JSONNode.string("quote \" backslash \\ newline \n tab \t bell \u{07} é ✓")
        #expect(JSONWriter.render(node) == "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 é ✓\"\n")
    }

    @Test func numbersAreWrittenWithoutNeedlessFractions() {
        let node = JSONNode.array([.number(1), .number(0.5), .number(-3), .number(1e-7), .integer(-42), .null])
        #expect(JSONWriter.render(node) == "[1, 0.5, -3, 1e-07, -42, null]\n")
    }

    @Test func shortScalarArraysStayOnOneLineLongOnesBreak() {
        let short = JSONNode.object([JSONNode.Member("required", .array([.string("a"), .string("b")]))])
        #expect(JSONWriter.render(short) == "{\n  \"required\": [\"a\", \"b\"]\n}\n")
        let long = JSONNode.array((0..<30).map { .string("value\($0)") })
        let lines = JSONWriter.render(long).split(separator: "\n")
        #expect(lines.count == 32)
        #expect(lines.allSatisfy { $0.count <= 120 })
    }

    @Test func nestedContainersAreIndentedByTwoSpaces() {
        let node = JSONNode.object([
            JSONNode.Member("a", .array([.object([JSONNode.Member("b", .null)])]))
        ])
        #expect(JSONWriter.render(node) == "{\n  \"a\": [\n    {\n      \"b\": null\n    }\n  ]\n}\n")
    }
}
