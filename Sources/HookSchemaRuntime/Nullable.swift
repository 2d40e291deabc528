/// A value that may be JSON `null`, for members where "absent" and "null" mean different things.
///
/// Generated code models the four combinations of `required` and `nullable` like this:
/// - required, not nullable: `T`
/// - required, nullable: `T?` (`nil` is `null`; the member is always written)
/// - optional, not nullable: `T?` (`nil` is absent)
/// - optional, nullable: `Nullable<T>?` (`nil` is absent, `.null` is `null`, `.value(x)` a value)
public enum Nullable<Wrapped> {
    case null
    case value(Wrapped)

    /// The value, or nil for `null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    public init(_ optional: Wrapped?) {
        self = optional.map(Nullable.value) ?? .null
    }

    public func map<Other>(_ transform: (Wrapped) throws -> Other) rethrows -> Nullable<Other> {
        switch self {
        case .null: return .null
        case .value(let wrapped): return .value(try transform(wrapped))
        }
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}
extension Nullable: Sendable where Wrapped: Sendable {}

extension Nullable: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try Wrapped(from: decoder))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .value(let wrapped):
            try wrapped.encode(to: encoder)
        }
    }
}

extension KeyedDecodingContainer {
    /// A required, nullable member: it must be present; `null` decodes to nil.
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "The required member \"\(key.stringValue)\" is missing (it may be null)."
                )
            )
        }
        return try decodeNil(forKey: key) ? nil : try decode(T.self, forKey: key)
    }

    /// An optional, nullable member: nil when absent, `.null` when `null`.
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        return try decodeNil(forKey: key) ? .null : .value(try decode(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// A required, nullable member: always written, nil as `null`.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// An optional, nullable member: absent when nil, `null` for `.null`.
    public mutating func encodeNullableIfPresent<T: Encodable>(_ value: Nullable<T>?, forKey key: Key) throws {
        switch value {
        case nil: return
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    /// An optional member whose type can hold `null` itself (`JSONValue`): nil only when absent, so a `null`
    /// survives a round trip.
    public func decodeKeepingNullIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(T.self, forKey: key)
    }
}
