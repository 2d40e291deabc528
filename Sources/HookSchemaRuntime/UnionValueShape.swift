import Foundation

/// The shape of one value, for a generated union without a discriminator to pick its member: the first member
/// whose `UnionShape` the value has (its JSON kind, and for objects the required members and their constants).
/// `TapeValueShape` reads the scanned body's tape (the one-pass path); `DecodedValueShape` a `Decoder`'s value.
public struct TapeValueShape {
    let tape: JSONTapeReader
    let index: Int
    /// The value's JSON kind (an integer is a number without fraction or exponent).
    public let kind: UnionShape.Kinds

    public init(tape: JSONTapeReader, at index: Int) {
        self.tape = tape
        self.index = index
        switch tape.tokens[index].kind {
        case .string: kind = .string
        case .number: kind = tape.hasFractionOrExponent(index) ? .fraction : .integer
        case .true, .false: kind = .boolean
        case .object: kind = .object
        case .array: kind = .array
        case .null: kind = .null
        }
    }

    /// Whether the value is of one of `kinds` and, as an object, has every member of `required` and each of
    /// `constants` (member name, string value).
    public func matches(
        _ kinds: UnionShape.Kinds, requiring required: [String] = [], constants: [(String, String)] = []
    ) -> Bool {
        guard kinds.contains(kind) else { return false }
        guard kind == .object else { return true }
        for name in required where tape.member(Array(name.utf8), of: index) == nil {
            return false
        }
        for (name, value) in constants {
            guard let member = tape.member(Array(name.utf8), of: index), tape.tokens[member].kind == .string,
                tape.string(member) == value
            else { return false }
        }
        return true
    }

    /// The error when no member matches.
    public func noMatch(_ type: Any.Type, expected: String) -> TapeDecodingError {
        TapeDecodingError(index: index, "no member of \(type) (\(expected)) matches \(tape.typeName(index))")
    }
}

/// `TapeValueShape`'s counterpart for `init(from:)`: the value decoded as `JSONValue` (a `Decoder` may be read
/// again, so the member is then decoded from the same decoder).
public struct DecodedValueShape {
    let value: JSONValue
    let codingPath: [any CodingKey]
    public let kind: UnionShape.Kinds

    public init(from decoder: any Decoder) throws {
        value = try JSONValue(from: decoder)
        codingPath = decoder.codingPath
        switch value {
        case .string: kind = .string
        case .integer: kind = .integer
        case .number: kind = .fraction
        case .bool: kind = .boolean
        case .object: kind = .object
        case .array: kind = .array
        case .null: kind = .null
        }
    }

    public func matches(
        _ kinds: UnionShape.Kinds, requiring required: [String] = [], constants: [(String, String)] = []
    ) -> Bool {
        guard kinds.contains(kind) else { return false }
        guard case .object(let members) = value else { return true }
        for name in required where members[name] == nil {
            return false
        }
        for (name, expected) in constants {
            guard case .string(let actual)? = members[name], actual == expected else { return false }
        }
        return true
    }

    public func noMatch(_ type: Any.Type, expected: String) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "no member of \(type) (\(expected)) matches \(value.typeName)"
            ))
    }
}
