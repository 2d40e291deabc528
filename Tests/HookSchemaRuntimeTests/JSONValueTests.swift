import Foundation
import HookSchemaRuntime
import Testing

@Suite struct JSONValueTests {
    private func roundTrip(_ json: String) throws -> String {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        "null", "true", "false", "0", "-17", "2432232314", "9223372036854775807", "-9223372036854775808", "1.5",
        "\"text\"", "[]", "{}", #"[1,"a",null,{"b":[true]}]"#, #"{"a":1,"b":{"c":[1.25,"x"]}}"#,
    ])
    func roundTripsUnchanged(json: String) throws {
        #expect(try roundTrip(json) == json)
    }

    @Test func keepsIntegersExact() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data("9007199254740993".utf8))
        #expect(value == .integer(9_007_199_254_740_993))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("1.5".utf8)) == .number(1.5))
    }

    @Test func tellsTypesApart() throws {
        let value = try JSONDecoder().decode(
            JSONValue.self,
            from: Data(#"{"s":"1","i":1,"b":true,"n":null,"a":[1],"o":{}}"#.utf8)
        )
        #expect(value["s"] == .string("1"))
        #expect(value["i"] == .integer(1))
        #expect(value["b"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["a"]?[0] == .integer(1))
        #expect(value["o"] == .object([:]))
        #expect(value["missing"] == nil)
        #expect(value["o"]?.typeName == "object")
    }

    @Test func literals() {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, true]]
        #expect(value["a"]?[1] == .number(2.5))
        #expect(value["a"]?[3]?.isNull == true)
    }
}
