import Foundation

/// The shape of one value, for a generated union without a discriminator to pick its member: the first member
/// whose `UnionShape` the value has (its JSON kind; for strings the values of a `const` or closed enum member; for
/// objects the required members and their constants).
/// `TapeValueShape` reads the scanned body's tape (the one-pass path); `DecodedValueShape` a `Decoder`'s value.
public protocol ValueShape {
    /// The value's JSON kind (an integer is a number without fraction or exponent).
    var kind: UnionShape.Kinds { get }
    /// For an object: whether it has member `name`.
    ///
    /// - Parameter name: The member name.
    /// - Returns: True when the value is an object with that member.
    func hasMember(_ name: String) -> Bool
    /// For an object: member `name`'s value when it is a string.
    ///
    /// - Parameter name: The member name.
    /// - Returns: The member's string value; nil when the value is not an object, lacks the member, or the
    ///   member is not a string.
    func stringMember(_ name: String) -> String?
    /// For a string: its value.
    var stringValue: String? { get }
}

extension ValueShape {
    /// Whether the value is of one of `kinds`; as a string, one of `strings` (when given); as an object, has every
    /// member of `required` and each of `constants` (member name, string value).
    ///
    /// - Parameters:
    ///   - kinds: The JSON kinds the union member accepts.
    ///   - required: For an object: the member names it must have.
    ///   - constants: For an object: the members that must hold a given string (name, value).
    ///   - strings: For a string: the values allowed (a `const` or closed enum member); nil for any string.
    /// - Returns: True when the value has this shape.
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

/// The shape of a value on a scanned body's tape, for a generated union's `init(tape:at:)`.
public struct TapeValueShape: ValueShape {
    let tape: JSONTapeReader
    let index: Int
    /// The value's JSON kind (an integer is a number without fraction or exponent).
    public let kind: UnionShape.Kinds

    /// The shape of the value at `index`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
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

    /// For an object: whether it has member `name`.
    ///
    /// - Parameter name: The member name.
    /// - Returns: True when the value is an object with that member.
    public func hasMember(_ name: String) -> Bool {
        tape.member(Array(name.utf8), of: index) != nil
    }

    /// For a string: its value (escapes decoded); nil for other values.
    public var stringValue: String? {
        tape.tokens[index].kind == .string ? tape.string(index) : nil
    }

    /// For an object: member `name`'s value when it is a string.
    ///
    /// - Parameter name: The member name.
    /// - Returns: The member's string value, or nil.
    public func stringMember(_ name: String) -> String? {
        guard let member = tape.member(Array(name.utf8), of: index), tape.tokens[member].kind == .string else {
            return nil
        }
        return tape.string(member)
    }

    /// The error when no member matches.
    ///
    /// - Parameters:
    ///   - type: The union's type, named in the message.
    ///   - expected: The members' shapes, in words.
    /// - Returns: The error at the value's tape index.
    public func noMatch(_ type: Any.Type, expected: String) -> TapeDecodingError {
        TapeDecodingError(index: index, "no member of \(type) (\(expected)) matches \(tape.typeName(index))")
    }
}

/// `TapeValueShape`'s counterpart for `init(from:)`: the value decoded as `JSONValue` (a `Decoder` may be read
/// again, so the member is then decoded from the same decoder).
public struct DecodedValueShape: ValueShape {
    let value: JSONValue
    let codingPath: [any CodingKey]
    /// The value's JSON kind (an integer is a number that is exactly an `Int64`).
    public let kind: UnionShape.Kinds

    /// Decodes the value as `JSONValue` to learn its shape.
    ///
    /// - Parameter decoder: The decoder of the union's value.
    /// - Throws: `DecodingError` when the decoder holds no JSON value.
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

    /// For an object: whether it has member `name`.
    ///
    /// - Parameter name: The member name.
    /// - Returns: True when the value is an object with that member.
    public func hasMember(_ name: String) -> Bool {
        value[name] != nil
    }

    /// For an object: member `name`'s value when it is a string.
    ///
    /// - Parameter name: The member name.
    /// - Returns: The member's string value, or nil.
    public func stringMember(_ name: String) -> String? {
        value[name]?.stringValue
    }

    /// For a string: its value; nil for other values.
    public var stringValue: String? {
        value.stringValue
    }

    /// The error when no member matches.
    ///
    /// - Parameters:
    ///   - type: The union's type, named in the message.
    ///   - expected: The members' shapes, in words.
    /// - Returns: A `DecodingError.dataCorrupted` at the value's coding path.
    public func noMatch(_ type: Any.Type, expected: String) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "no member of \(type) (\(expected)) matches \(value.typeName)"
            ))
    }
}
