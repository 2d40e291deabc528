/// A value that may be JSON `null`, for members where "absent" and "null" mean different things.
///
/// Generated code models the four combinations of `required` and `nullable` like this:
/// - required, not nullable: `T`
/// - required, nullable: `T?` (`nil` is `null`; the member is always written)
/// - optional, not nullable: `T?` (`nil` is absent)
/// - optional, nullable: `Nullable<T>?` (`nil` is absent, `.null` is `null`, `.value(x)` a value)
public enum Nullable<Wrapped> {
    /// JSON `null`.
    case null
    /// A value.
    case value(Wrapped)

    /// The value, or nil for `null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    /// `.value` for a value, `.null` for nil.
    ///
    /// - Parameter optional: The value, or nil for `null`.
    public init(_ optional: Wrapped?) {
        self = optional.map(Nullable.value) ?? .null
    }

    /// Transforms the value and keeps `null` as it is.
    ///
    /// - Parameter transform: Called with the value when there is one.
    /// - Returns: `.value` of the transformed value, or `.null`.
    /// - Throws: What `transform` throws.
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
    /// Decodes `null` as `.null`, anything else as a `Wrapped` value.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is neither `null` nor a `Wrapped`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try Wrapped(from: decoder))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes `.null` as `null` and a value as itself.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder or the value throws.
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

/// Decoding of members that may be `null`, for generated `init(from:)`.
extension KeyedDecodingContainer {
    /// A required, nullable member: it must be present; `null` decodes to nil.
    ///
    /// - Parameters:
    ///   - type: The member's type.
    ///   - key: The member's key.
    /// - Returns: The value, or nil for `null`.
    /// - Throws: `DecodingError.keyNotFound` when the member is absent, or the error of decoding its value.
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
    ///
    /// - Parameters:
    ///   - type: The member's type.
    ///   - key: The member's key.
    /// - Returns: Nil when absent, `.null` for `null`, else `.value` of the decoded value.
    /// - Throws: The error of decoding the member's value.
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        return try decodeNil(forKey: key) ? .null : .value(try decode(T.self, forKey: key))
    }
}

/// Encoding of members that may be `null`, for generated `encode(to:)`.
extension KeyedEncodingContainer {
    /// A required, nullable member: always written, nil as `null`.
    ///
    /// - Parameters:
    ///   - value: The value, or nil for `null`.
    ///   - key: The member's key.
    /// - Throws: What the encoder or the value throws.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// An optional, nullable member: absent when nil, `null` for `.null`.
    ///
    /// - Parameters:
    ///   - value: Nil to leave the member out, `.null` to write `null`, or `.value` to write the value.
    ///   - key: The member's key.
    /// - Throws: What the encoder or the value throws.
    public mutating func encodeNullableIfPresent<T: Encodable>(_ value: Nullable<T>?, forKey key: Key) throws {
        switch value {
        case nil: return
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}

/// Decoding of optional members whose type can hold `null` itself.
extension KeyedDecodingContainer {
    /// An optional member whose type can hold `null` itself (`JSONValue`): nil only when absent, so a `null`
    /// survives a round trip.
    ///
    /// - Parameters:
    ///   - type: The member's type.
    ///   - key: The member's key.
    /// - Returns: The decoded value (which may be the type's own `null`), or nil when the member is absent.
    /// - Throws: The error of decoding the member's value.
    public func decodeKeepingNullIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(T.self, forKey: key)
    }
}
