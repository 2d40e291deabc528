/// Any JSON value, for free-form members (`type: any`, `metadata: {}`) and for what the schema does not declare.
///
/// Numbers keep their exact value: integers that fit `Int64` are `.integer` (so `2432232314` and large ids
/// round-trip unchanged), everything else is `.number`. Object members are a dictionary: `JSONDecoder` does not
/// report member order, so it is not kept (`JSONEncoder` with `.sortedKeys` gives a stable output).
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that is exactly an `Int64`.
    case integer(Int64)
    /// Any other number: with a fraction or exponent, or beyond `Int64`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, member name → value.
    case object([String: JSONValue])

    /// The member `name` of an object, nil for other values or a missing member.
    ///
    /// - Parameter name: The member name.
    public subscript(name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The element at `index` of an array, nil for other values or an index out of range.
    ///
    /// - Parameter index: The element's position, from 0.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// The string, nil for other values.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }

    /// The JSON type's name as JSON Schema spells it (`null`, `boolean`, `integer`, `number`, `string`, `array`,
    /// `object`).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `nil` is `.null`.
    ///
    /// - Parameter nilLiteral: The literal `nil`.
    public init(nilLiteral: ()) { self = .null }
    /// `true` or `false` is `.bool`.
    ///
    /// - Parameter value: The literal's value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal is `.integer`.
    ///
    /// - Parameter value: The literal's value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A floating-point literal is `.number`.
    ///
    /// - Parameter value: The literal's value.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string literal is `.string`.
    ///
    /// - Parameter value: The literal's value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal is `.array`.
    ///
    /// - Parameter elements: The literal's elements.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A dictionary literal is `.object`; of a repeated name the last value counts.
    ///
    /// - Parameter elements: The literal's name and value pairs.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: Codable {
    /// `Decoder` has no way to ask what kind of value comes next, so the kinds are tried in turn, and each miss
    /// costs a thrown `DecodingError`: the order puts first what free-form JSON holds most (strings, objects,
    /// arrays), so a string costs no miss, an object one, an array two. Numbers try `Int64` before `Double`, so an
    /// integer keeps its exact value.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the decoder holds no JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let object = try? decoder.container(keyedBy: DynamicCodingKey.self) {
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(object.allKeys.count)
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = array.count {
                elements.reserveCapacity(count)
            }
            while !array.isAtEnd {
                elements.append(try array.decode(JSONValue.self))
            }
            self = .array(elements)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    /// Encodes the value as the JSON it came from.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws (for example for a non-finite `.number`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
