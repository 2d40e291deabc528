/// One JSON value (or object key) on a tape: what the validator's scanner writes for each value of a body, in
/// document order (a container's token comes before its contents; an object's contents alternate key, value).
///
/// A container token knows the tape index just past its contents, so a reader can skip a whole subtree in
/// constant time, look ahead for a discriminator member, or visit members in any order. Scalars point back at
/// their bytes in the body; nothing is copied or decoded until someone asks for it. The validator walks the tape
/// for the drift report; generated types read their values from the same tape (`TapeDecodable`).
public struct JSONTapeToken: BitwiseCopyable {
    /// The JSON kind of a token's value.
    public enum Kind: UInt8, BitwiseCopyable {
        /// An object; its contents alternate key and value tokens.
        case object
        /// An array.
        case array
        /// A string, or an object key.
        case string
        /// A number.
        case number
        /// `true`.
        case `true`
        /// `false`.
        case `false`
        /// `null`.
        case null
    }

    /// String flag: the content has backslash escapes (decode before comparing).
    public static let hasEscapes: UInt8 = 1
    /// String flag: the content has bytes ≥ 0x80 (length in characters ≠ length in bytes).
    public static let hasNonASCII: UInt8 = 2
    /// Number flag: the number has a fraction (`1.5`).
    public static let hasFraction: UInt8 = 1
    /// Number flag: the number has an exponent (`1e3`).
    public static let hasExponent: UInt8 = 2
    /// Number flag: the number starts with `-`.
    public static let isNegative: UInt8 = 4

    /// The value's JSON kind.
    public var kind: Kind
    /// The string or number flags (`hasEscapes`, `hasNonASCII`; `hasFraction`, `hasExponent`, `isNegative`).
    public var flags: UInt8
    /// The byte offset of the value: for strings, the first content byte (after the opening quote).
    public var start: UInt32
    /// Scalars: the byte offset just past the content (a string's closing quote). Containers: the tape index
    /// just past the last token of the contents.
    public var end: UInt32
    /// Containers: the number of members or elements.
    public var count: UInt32

    /// A token from its fields.
    ///
    /// - Parameters:
    ///   - kind: The value's JSON kind.
    ///   - flags: The string or number flags.
    ///   - start: The value's byte offset in the body.
    ///   - end: For a scalar, the byte offset past its content; for a container, the tape index past its contents.
    ///   - count: For a container, its number of members or elements.
    @inlinable
    public init(kind: Kind, flags: UInt8, start: UInt32, end: UInt32, count: UInt32) {
        self.kind = kind
        self.flags = flags
        self.start = start
        self.end = end
        self.count = count
    }
}
