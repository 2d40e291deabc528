import Foundation
import HookSchemaRuntime
import Testing

/// A hand-written struct in the shape the generator emits, exercising the runtime's coding helpers.
private struct Sample: Codable, Hashable {
    var id: String
    var note: String?
    var failure: String?
    var metadata: Nullable<JSONValue>?
    var at: Date
    var unknownFields: UnknownFields

    private enum CodingKeys: String, CodingKey {
        case id
        case note
        case failure
        case metadata
        case at
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(String.self, forKey: .id)
        self.note = try container.decodeIfPresent(String.self, forKey: .note)
        self.failure = try container.decodeNullable(String.self, forKey: .failure)
        self.metadata = try container.decodeNullableIfPresent(JSONValue.self, forKey: .metadata)
        self.at = try container.decode(RFC3339Date.self, forKey: .at).date
        self.unknownFields = try UnknownFields(from: decoder, excluding: CodingKeys.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeNullable(failure, forKey: .failure)
        try container.encodeNullableIfPresent(metadata, forKey: .metadata)
        try container.encode(RFC3339Date(at), forKey: .at)
        try unknownFields.encode(to: encoder)
    }
}

private enum Color: OpenEnum {
    case red
    case unknown(String)

    static let knownCases: [Color] = [.red]

    init(rawValue: String) {
        switch rawValue {
        case "RED": self = .red
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .red: return "RED"
        case .unknown(let rawValue): return rawValue
        }
    }
}

@Suite struct CodingSupportTests {
    private func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func keepsUnknownFieldsAndTellsAbsentFromNull() throws {
        let json = #"{"at":"2024-03-21T16:45:00Z","extra":{"x":[1,2]},"failure":null,"id":"a","metadata":null,"z":7}"#
        let sample = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
        #expect(sample.failure == nil)
        #expect(sample.metadata == .null)
        #expect(sample.note == nil)
        #expect(sample.unknownFields["extra"] == ["x": [1, 2]])
        #expect(sample.unknownFields["z"] == 7)
        #expect(try encode(sample) == json)
    }

    @Test func absentOptionalNullableStaysAbsent() throws {
        let json = #"{"at":"2024-03-21T16:45:00.5Z","failure":"BAD","id":"a","note":"n"}"#
        let sample = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
        #expect(sample.metadata == nil)
        #expect(sample.unknownFields.isEmpty)
        #expect(try encode(sample) == json)
    }

    @Test func requiredNullableMustBePresent() {
        #expect {
            _ = try JSONDecoder().decode(Sample.self, from: Data(#"{"at":"2024-03-21T16:45:00Z","id":"a"}"#.utf8))
        } throws: { error in
            String(describing: error).contains("\"failure\" is missing")
        }
    }

    @Test func openEnumsKeepUnknownValues() throws {
        let colors = try JSONDecoder().decode([Color].self, from: Data(#"["RED","TEAL"]"#.utf8))
        #expect(colors == [.red, .unknown("TEAL")])
        #expect(colors.map(\.isKnown) == [true, false])
        #expect(try encode(colors) == #"["RED","TEAL"]"#)
    }

    @Test func nullableCodesAsAValue() throws {
        let values = try JSONDecoder().decode([Nullable<Int>].self, from: Data("[1,null]".utf8))
        #expect(values == [.value(1), .null])
        #expect(values.map(\.value) == [1, nil])
        #expect(try encode(values) == "[1,null]")
        #expect(Nullable<Int>(nil) == .null)
    }
}
