#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONTapeReader {
    /// The members of the object at `index`, for a generated `init(tape:at:)` to read by name; throws when the
    /// value is not an object.
    ///
    /// - Parameters:
    ///   - index: The object's tape index.
    ///   - type: The type being read, named in the error.
    /// - Returns: The object's members.
    /// - Throws: `TapeDecodingError` when the value is not an object.
    @inlinable
    public func members(of index: Int, as type: Any.Type) throws(TapeDecodingError) -> TapeMembers {
        guard tokens[index].kind == .object else { throw .mismatch(type, self, index) }
        return TapeMembers(tape: self, object: index)
    }
}

/// The members of one object on the tape, read by name: the tape counterpart of a keyed decoding container, with
/// the same method names (`decodeMember`, `decodeMemberIfPresent`, `decodeNullable`, …) and the same rules, so a
/// generated `init(tape:at:)` reads like its `init(from:)`.
///
/// A member is found by comparing its name's bytes with the wire name. Of a repeated member the first counts, as
/// with `JSONDecoder`: the search starts at the first member no read has taken yet and passes over those taken
/// (a bit each), so reading members in document order costs one comparison each, and a member the struct does
/// not declare costs one more comparison per later read. Members found are counted: when every member of the
/// object was declared, `unknownFields` costs nothing.
public struct TapeMembers {
    /// The scanned body.
    public let tape: JSONTapeReader
    /// The object's tape index.
    public let object: Int
    @usableFromInline let end: Int
    /// The first member no read has taken: its key's tape index and its position in the object.
    @usableFromInline var firstOpenKey: Int
    @usableFromInline var firstOpenPosition = 0
    /// The positions taken, one bit each (objects of up to 64 members; larger ones are searched from the start).
    @usableFromInline var taken: UInt64 = 0
    /// How many members the reads so far found.
    @usableFromInline var found = 0

    @inlinable
    init(tape: JSONTapeReader, object: Int) {
        self.tape = tape
        self.object = object
        self.end = Int(tape.tokens[object].end)
        self.firstOpenKey = object + 1
    }

    /// The tape index of the value of member `name` (its first occurrence); nil when the object has no such member.
    @inlinable
    public mutating func find(_ name: StaticString) -> Int? {
        name.withUTF8Buffer { name in
            guard tape.tokens[object].count <= 64 else { return findWithoutBits(name) }
            var key = firstOpenKey
            var position = firstOpenPosition
            while key < end {
                let bit: UInt64 = 1 << UInt64(position)
                if taken & bit == 0, matches(key, name) {
                    take(position)
                    return key + 1
                }
                key = tape.next(after: key + 1)
                position += 1
            }
            return nil
        }
    }

    /// Marks the member at `position` taken and moves the first open member past the taken ones.
    @inlinable
    mutating func take(_ position: Int) {
        taken |= 1 << UInt64(position)
        found += 1
        while firstOpenKey < end, taken & (1 << UInt64(firstOpenPosition)) != 0 {
            firstOpenKey = tape.next(after: firstOpenKey + 1)
            firstOpenPosition += 1
        }
    }

    /// An object of more than 64 members: every search starts at the first member.
    @usableFromInline
    mutating func findWithoutBits(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        var key = object + 1
        while key < end {
            if matches(key, name) {
                found += 1
                return key + 1
            }
            key = tape.next(after: key + 1)
        }
        return nil
    }

    /// Whether the key at `key` is `name` (compared as bytes; a key with escapes is decoded first).
    @inlinable
    func matches(_ key: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tape.tokens[key]
        guard token.flags & JSONTapeToken.hasEscapes == 0 else {
            return tape.withString(key) { $0.elementsEqual(name) }
        }
        guard Int(token.end &- token.start) == name.count else { return false }
        guard let nameBase = name.baseAddress, let bytes = tape.bytes.baseAddress else { return true }
        return memcmp(bytes + Int(token.start), nameBase, name.count) == 0
    }

    /// A required member: absent or of the wrong kind fails.
    @inlinable
    public mutating func decodeMember<T: TapeDecodable>(
        _ type: T.Type, forKey name: StaticString
    ) throws(TapeDecodingError) -> T {
        guard let value = find(name) else { throw missing(name) }
        return try T(tape: tape, at: value)
    }

    /// An optional member: nil when absent or `null`.
    @inlinable
    public mutating func decodeMemberIfPresent<T: TapeDecodable>(
        _ type: T.Type, forKey name: StaticString
    ) throws(TapeDecodingError) -> T? {
        guard let value = find(name), tape.tokens[value].kind != .null else { return nil }
        return try T(tape: tape, at: value)
    }

    /// A required, nullable member: it must be present; `null` is nil.
    @inlinable
    public mutating func decodeNullable<T: TapeDecodable>(
        _ type: T.Type, forKey name: StaticString
    ) throws(TapeDecodingError) -> T? {
        guard let value = find(name) else { throw missing(name) }
        return tape.tokens[value].kind == .null ? nil : try T(tape: tape, at: value)
    }

    /// An optional, nullable member: nil when absent, `.null` when `null`.
    @inlinable
    public mutating func decodeNullableIfPresent<T: TapeDecodable>(
        _ type: T.Type, forKey name: StaticString
    ) throws(TapeDecodingError) -> Nullable<T>? {
        guard let value = find(name) else { return nil }
        return tape.tokens[value].kind == .null ? .null : .value(try T(tape: tape, at: value))
    }

    /// An optional member whose type can hold `null` itself (`JSONValue`): nil only when absent.
    @inlinable
    public mutating func decodeKeepingNullIfPresent<T: TapeDecodable>(
        _ type: T.Type, forKey name: StaticString
    ) throws(TapeDecodingError) -> T? {
        guard let value = find(name) else { return nil }
        return try T(tape: tape, at: value)
    }

    /// A union's discriminator: the member's string value, nil when absent or not a string.
    @inlinable
    public mutating func discriminator(_ name: StaticString) -> String? {
        guard let value = find(name), tape.tokens[value].kind == .string else { return nil }
        return tape.string(value)
    }

    /// The error of a closed union whose discriminator names none of its members.
    public func unknownDiscriminator(_ name: StaticString, _ value: String?) -> TapeDecodingError {
        TapeDecodingError(index: object, "Unknown \(name) \(value ?? "(none)")")
    }

    /// The members whose names are not in `names` (the struct's declared wire names), as `JSONValue`s.
    @inlinable
    public func unknownFields(excludingNames names: Set<String>) throws(TapeDecodingError) -> UnknownFields {
        if found == Int(tape.tokens[object].count) {
            return UnknownFields()
        }
        return try unknownFields { !names.contains($0) }
    }

    /// Every member, for a struct that declares none.
    public func unknownFields() throws(TapeDecodingError) -> UnknownFields {
        try unknownFields { _ in true }
    }

    @usableFromInline
    func unknownFields(where isUnknown: (String) -> Bool) throws(TapeDecodingError) -> UnknownFields {
        var members: [String: JSONValue] = [:]
        var key = object + 1
        while key < end {
            let name = tape.string(key)
            if isUnknown(name), members.index(forKey: name) == nil {
                members[name] = try tape.jsonValue(key + 1)
            }
            key = tape.next(after: key + 1)
        }
        return UnknownFields(members)
    }

    @usableFromInline
    func missing(_ name: StaticString) -> TapeDecodingError {
        TapeDecodingError(index: object, "the required member \"\(name)\" is missing")
    }
}
