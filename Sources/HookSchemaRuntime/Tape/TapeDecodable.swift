import Foundation

/// A type that reads itself from a scanned body's tape: the one-pass typed decoding path.
///
/// The generator writes an `init(tape:at:)` for every struct, union and event enum it emits, beside the `Codable`
/// conformance; scalars, arrays, maps, `JSONValue`, dates and enums get theirs here. Decoding a delivery then
/// costs one scan of its bytes (shared with the validator's drift report) and one walk of the tape that builds
/// the value directly: no `Decoder`, no coding keys, no intermediate dictionary.
///
/// The rules are `JSONDecoder`'s, so both paths give the same value for the same body (tested over every example
/// and a random corpus): numbers convert to integers only when exact, `null` fails where a value is required, a
/// missing required member fails, an open enum keeps an unknown value, a closed one fails on it.
public protocol TapeDecodable {
    /// Reads the value at tape index `index`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type, with the rules of `JSONDecoder`.
    init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError)
}

/// Why a value could not be read from the tape: what was expected, at which tape index.
public struct TapeDecodingError: Error, Sendable, CustomStringConvertible {
    /// The tape index of the value (or, for a missing member, of its object).
    public var index: Int
    /// What went wrong, in words (`expected String, found number`).
    public var description: String

    /// An error at a tape index.
    ///
    /// - Parameters:
    ///   - index: The tape index of the value (for a missing member, of its object).
    ///   - description: What went wrong, in words.
    public init(index: Int, _ description: String) {
        self.index = index
        self.description = description
    }

    /// The value at `index` is not of the kind `expected` needs.
    @usableFromInline
    static func mismatch(_ expected: Any.Type, _ tape: JSONTapeReader, _ index: Int) -> TapeDecodingError {
        TapeDecodingError(index: index, "expected \(expected), found \(tape.typeName(index))")
    }
}

// MARK: Scalars

/// Strings read from the tape.
extension String: TapeDecodable {
    /// A JSON string, escapes decoded.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        guard tape.tokens[index].kind == .string else { throw .mismatch(String.self, tape, index) }
        self = tape.string(index)
    }
}

/// Booleans read from the tape.
extension Bool: TapeDecodable {
    /// `true` or `false`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        switch tape.tokens[index].kind {
        case .true: self = true
        case .false: self = false
        default: throw .mismatch(Bool.self, tape, index)
        }
    }
}

/// Integers read from the tape.
extension Int: TapeDecodable {
    /// A number whose value is exactly an `Int` (see `JSONTapeReader.integer(_:at:)`).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self = try tape.integer(Int.self, at: index)
    }
}

/// 64-bit integers read from the tape.
extension Int64: TapeDecodable {
    /// A number whose value is exactly an `Int64` (see `JSONTapeReader.integer(_:at:)`).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self = try tape.integer(Int64.self, at: index)
    }
}

extension JSONTapeReader {
    /// A number whose value is exactly a `T`: digits that fit, or (as `JSONDecoder` takes them) a fraction or
    /// exponent whose value is a whole number (`1.0`, `1e2`).
    ///
    /// - Parameters:
    ///   - type: The integer type.
    ///   - index: The number's tape index.
    /// - Returns: The value.
    /// - Throws: `TapeDecodingError` when the value is not a number, or not exactly a `T`.
    @inlinable
    public func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws(TapeDecodingError) -> T {
        guard tokens[index].kind == .number else { throw .mismatch(T.self, self, index) }
        if let value = int64(index), let exact = T(exactly: value) {
            return exact
        }
        if hasFractionOrExponent(index), let exact = T(exactly: double(index)) {
            return exact
        }
        throw TapeDecodingError(index: index, "the number does not fit in \(T.self)")
    }
}

/// Numbers read from the tape as `Double`.
extension Double: TapeDecodable {
    /// Any number that is finite as a `Double` and not a non-zero value that rounds to zero (`1e-400`).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        guard tape.tokens[index].kind == .number else { throw .mismatch(Double.self, tape, index) }
        guard let value = tape.representableDouble(index) else {
            throw TapeDecodingError(index: index, "the number does not fit in Double")
        }
        self = value
    }
}

extension JSONValue: TapeDecodable {
    /// Any JSON value (see `JSONTapeReader.jsonValue(_:)`).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self = try tape.jsonValue(index)
    }
}

extension RFC3339Date: TapeDecodable {
    /// An RFC 3339 date-time string, parsed from the body's bytes.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        guard tape.tokens[index].kind == .string else { throw .mismatch(RFC3339Date.self, tape, index) }
        guard let timestamp = tape.withString(index, { RFC3339.parseDateTime($0) }) else {
            throw TapeDecodingError(index: index, "expected an RFC 3339 date-time")
        }
        self.init(timestamp.date)
    }
}

// MARK: Containers

/// Values that may be `null`, read from the tape.
extension Optional: TapeDecodable where Wrapped: TapeDecodable {
    /// `null` is nil (an array element or map value that may be null: `[T?]`).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self = tape.tokens[index].kind == .null ? nil : try Wrapped(tape: tape, at: index)
    }
}

extension Nullable: TapeDecodable where Wrapped: TapeDecodable {
    /// `null` is `.null`; anything else is read as a `Wrapped` value.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self = tape.tokens[index].kind == .null ? .null : .value(try Wrapped(tape: tape, at: index))
    }
}

/// Arrays read from the tape.
extension Array: TapeDecodable where Element: TapeDecodable {
    /// A JSON array whose elements are all `Element`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        let token = tape.tokens[index]
        guard token.kind == .array else { throw .mismatch([Element].self, tape, index) }
        self.init()
        reserveCapacity(Int(token.count))
        var element = index + 1
        let end = Int(token.end)
        while element < end {
            append(try Element(tape: tape, at: element))
            element = tape.next(after: element)
        }
    }
}

/// Maps (objects with one value type) read from the tape.
extension Dictionary: TapeDecodable where Key == String, Value: TapeDecodable {
    /// An object whose member values are all `Value` (a map).
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        let token = tape.tokens[index]
        guard token.kind == .object else { throw .mismatch([String: Value].self, tape, index) }
        self.init(minimumCapacity: Int(token.count))
        var key = index + 1
        let end = Int(token.end)
        while key < end {
            let name = tape.string(key)
            // A repeated member: the first one counts, as with `JSONDecoder`.
            if self.index(forKey: name) == nil {
                self[name] = try Value(tape: tape, at: key + 1)
            }
            key = tape.next(after: key + 1)
        }
    }
}

// MARK: Enums

extension OpenEnum {
    /// A string (an integer, for an integer enum); a value the schema does not list becomes `unknown`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        do {
            self.init(rawValue: try RawValue(tape: tape, at: index))
        } catch {
            throw .mismatch(Self.self, tape, index)
        }
    }
}

extension TapeDecodable where Self: RawRepresentable & CaseIterable, RawValue == String {
    /// A closed enum: a string the schema lists; any other value fails, as with `Decodable`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        guard tape.tokens[index].kind == .string else { throw .mismatch(Self.self, tape, index) }
        let raw = tape.string(index)
        guard let value = Self(rawValue: raw) else {
            throw TapeDecodingError(index: index, "\"\(raw)\" is not a value of \(Self.self)")
        }
        self = value
    }
}

extension TapeDecodable where Self: RawRepresentable & CaseIterable, RawValue == Int {
    /// A closed integer enum: an integer the schema lists; any other value fails, as with `Decodable`.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The value's tape index.
    /// - Throws: `TapeDecodingError` when the value is not of this type.
    @inlinable
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        let raw = try tape.integer(Int.self, at: index)
        guard let value = Self(rawValue: raw) else {
            throw TapeDecodingError(index: index, "\(raw) is not a value of \(Self.self)")
        }
        self = value
    }
}
