/// The plain member coding calls of generated `init(from:)` and `encode(to:)`.
///
/// `KeyedDecodingContainer.decode(_:forKey:)` and its siblings have sixteen overloads each (one per standard
/// scalar type, and a generic one), and the type checker tries them for every member of every generated struct:
/// at a thousand events that was about 40% of `swiftc -typecheck`. These methods are not overloaded, so each call
/// resolves at once (measured on 1,000 synthetic events in Benchmarks/scale.sh). They keep the scalar overloads'
/// speed at run time: for `String`, `Bool`, `Int` and `Double` they call the decoder's or encoder's own method for
/// that type, as a direct call of the overload would; everything else goes through the generic one.
extension KeyedDecodingContainer {
    /// A required member: `decode(_:forKey:)`.
    @inlinable
    public func decodeMember<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == String.self { return unsafeBitCast(try decode(String.self, forKey: key), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try decode(Bool.self, forKey: key), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try decode(Int.self, forKey: key), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try decode(Double.self, forKey: key), to: T.self) }
        return try decode(T.self, forKey: key)
    }

    /// An optional member: `decodeIfPresent(_:forKey:)` (nil when absent or `null`).
    @inlinable
    public func decodeMemberIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if T.self == String.self {
            return unsafeBitCast(try decodeIfPresent(String.self, forKey: key), to: T?.self)
        }
        if T.self == Bool.self { return unsafeBitCast(try decodeIfPresent(Bool.self, forKey: key), to: T?.self) }
        if T.self == Int.self { return unsafeBitCast(try decodeIfPresent(Int.self, forKey: key), to: T?.self) }
        if T.self == Double.self {
            return unsafeBitCast(try decodeIfPresent(Double.self, forKey: key), to: T?.self)
        }
        return try decodeIfPresent(T.self, forKey: key)
    }
}

/// The plain member encoding calls of generated `encode(to:)`, not overloaded (see the decoding counterparts).
extension KeyedEncodingContainer {
    /// A required member: `encode(_:forKey:)`.
    @inlinable
    public mutating func encodeMember<T: Encodable>(_ value: T, forKey key: Key) throws {
        if T.self == String.self { return try encode(unsafeBitCast(value, to: String.self), forKey: key) }
        if T.self == Bool.self { return try encode(unsafeBitCast(value, to: Bool.self), forKey: key) }
        if T.self == Int.self { return try encode(unsafeBitCast(value, to: Int.self), forKey: key) }
        if T.self == Double.self { return try encode(unsafeBitCast(value, to: Double.self), forKey: key) }
        try encode(value, forKey: key)
    }

    /// An optional member: `encodeIfPresent(_:forKey:)` (nothing written for nil).
    @inlinable
    public mutating func encodeMemberIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encodeMember(value, forKey: key)
    }
}

/// What a generated union's `init(from:)` reads to choose its member.
extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// A union's discriminator: the member's string value, nil when absent or not a string.
    public func discriminator(_ name: String) -> String? {
        try? decode(String.self, forKey: DynamicCodingKey(name))
    }

    /// The error of a closed union whose discriminator names none of its members.
    public func unknownDiscriminator(_ name: String, _ value: String?) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: codingPath, debugDescription: "Unknown \(name) \(value ?? "(none)")")
        )
    }
}
