import Foundation
import HookSchemaModel
import Testing

/// The schema model's compact JSON form (embedded in generated code, cached by `check --schemas`): every kind and
/// literal survives a round trip, and the defaults are left out.
@Suite struct SchemaCodingTests {
    static let everyKind: [Schema] = [
        Schema(.string(StringRules(format: .datetime, pattern: "^a", minLength: 1, maxLength: 9))),
        Schema(.integer(NumberRules(minimum: 0, maximum: 10)), const: .integer(3), defaultValue: .integer(4)),
        Schema(.number(NumberRules(exclusiveMinimum: 0.5)), nullable: true, defaultValue: .number(1.5)),
        Schema(.boolean, const: .boolean(true)),
        Schema(.enumeration(EnumRules(values: [EnumValue("A"), EnumValue("B", deprecated: true)], closed: true))),
        Schema(
            .object(ObjectRules(fields: [Field(name: "id", schema: Schema(.string(StringRules())), required: true)])),
            description: "an object", deprecated: true),
        Schema(.array(ArrayRules(items: Schema(.ref("Item")), minItems: 1))),
        Schema(.map(MapRules(values: Schema(.any), keyPattern: "^k"))),
        Schema(.any, defaultValue: .null),
        Schema(.ref("RunError"), const: .string("x")),
        Schema(.union(UnionRules(discriminator: "object", mapping: [UnionMember(value: "run", type: "Run")]))),
    ]

    @Test(arguments: everyKind)
    func roundTrips(schema: Schema) throws {
        let data = try JSONEncoder().encode(schema)
        #expect(try JSONDecoder().decode(Schema.self, from: data) == schema)
    }

    @Test func defaultsAreLeftOut() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = try encoder.encode(Schema(.string(StringRules())))
        #expect(String(decoding: plain, as: UTF8.self) == #"{"kind":{"string":{}}}"#)
        let flagged = try encoder.encode(Schema(.ref("Run"), nullable: true, deprecated: true, const: .null))
        #expect(
            String(decoding: flagged, as: UTF8.self)
                == #"{"const":{"null":true},"deprecated":true,"kind":{"ref":"Run"},"nullable":true}"#)
    }

    @Test func aKindWithTwoMembersIsAnError() {
        let json = Data(#"{"kind": {"string": {}, "boolean": true}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Schema.self, from: json) }
    }
}
