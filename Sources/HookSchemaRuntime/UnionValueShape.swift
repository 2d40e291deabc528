import Foundation

/// The shape of one value, for a generated union without a discriminator to pick its member: the first member
/// whose `UnionShape` the value has (its JSON kind; for strings the values of a `const` or closed enum member; for
/// objects the required members and their constants).
/// `TapeValueShape` reads the scanned body's tape (the one-pass path); `DecodedValueShape` a `Decoder`'s value.
public protocol ValueShape {
    /// The value's JSON kind (an integer is a number without fraction or exponent).
    var kind: UnionShape.Kinds { get }
    /// For an object: whether it has member `name`.
    func hasMember(_ name: String) -> Bool
    /// For an object: member `name`'s value when it is a string.
    func stringMember(_ name: String) -> String?
    /// For a string: its value.
    var stringValue: String? { get }
}

extension ValueShape {
    /// Whether the value is of one of `kinds`; as a string, one of `strings` (when given); as an object, has every
    /// member of `required` and each of `constants` (member name, string value).
    public func matches(
        _ kinds: UnionShape.Kinds, requiring required: [String] = [], constants: [(String, String)] = [],
        strings: Set<String>? = nil
    ) -> Bool {
        guard kinds.contains(kind) else { return false }
        if kind == .string, let strings {
            return stringValue.map(strings.contains) ?? false
        }
        guard kind == .object else { return true }
        return required.allSatisfy(hasMember) && constants.allSatisfy { stringMember($0.0) == $0.1 }
    }
}

public struct TapeValueShape: ValueShape {
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

    public func hasMember(_ name: String) -> Bool {
        tape.member(Array(name.utf8), of: index) != nil
    }

    public var stringValue: String? {
        tape.tokens[index].kind == .string ? tape.string(index) : nil
    }

    public func stringMember(_ name: String) -> String? {
        guard let member = tape.member(Array(name.utf8), of: index), tape.tokens[member].kind == .string else {
            return nil
        }
        return tape.string(member)
    }

    /// The error when no member matches.
    public func noMatch(_ type: Any.Type, expected: String) -> TapeDecodingError {
        TapeDecodingError(index: index, "no member of \(type) (\(expected)) matches \(tape.typeName(index))")
    }
}

/// `TapeValueShape`'s counterpart for `init(from:)`: the value decoded as `JSONValue` (a `Decoder` may be read
/// again, so the member is then decoded from the same decoder).
public struct DecodedValueShape: ValueShape {
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

    public func hasMember(_ name: String) -> Bool {
        value[name] != nil
    }

    public func stringMember(_ name: String) -> String? {
        value[name]?.stringValue
    }

    public var stringValue: String? {
        value.stringValue
    }

    public func noMatch(_ type: Any.Type, expected: String) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "no member of \(type) (\(expected)) matches \(value.typeName)"
            ))
    }
}
