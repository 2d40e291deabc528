/// One JSON value (or object key) on a tape: what the validator's scanner writes for each value of a body, in
/// document order (a container's token comes before its contents; an object's contents alternate key, value).
///
/// A container token knows the tape index just past its contents, so a reader can skip a whole subtree in
/// constant time, look ahead for a discriminator member, or visit members in any order. Scalars point back at
/// their bytes in the body; nothing is copied or decoded until someone asks for it. The validator walks the tape
/// for the drift report; generated types read their values from the same tape (`TapeDecodable`).
public struct JSONTapeToken: BitwiseCopyable {
    public enum Kind: UInt8, BitwiseCopyable {
        case object
        case array
        case string
        case number
        case `true`
        case `false`
        case null
    }

    /// String flag: the content has backslash escapes (decode before comparing).
    public static let hasEscapes: UInt8 = 1
    /// String flag: the content has bytes ≥ 0x80 (length in characters ≠ length in bytes).
    public static let hasNonASCII: UInt8 = 2
    /// Number flags.
    public static let hasFraction: UInt8 = 1
    public static let hasExponent: UInt8 = 2
    public static let isNegative: UInt8 = 4

    public var kind: Kind
    public var flags: UInt8
    /// The byte offset of the value: for strings, the first content byte (after the opening quote).
    public var start: UInt32
    /// Scalars: the byte offset just past the content (a string's closing quote). Containers: the tape index
    /// just past the last token of the contents.
    public var end: UInt32
    /// Containers: the number of members or elements.
    public var count: UInt32

    @inlinable
    public init(kind: Kind, flags: UInt8, start: UInt32, end: UInt32, count: UInt32) {
        self.kind = kind
        self.flags = flags
        self.start = start
        self.end = end
        self.count = count
    }
}
