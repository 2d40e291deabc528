/// The output of one pass of `JSONScanner` over a body: every JSON value as a fixed-size token, in document
/// order (a container's token comes before its contents; an object's contents alternate key, value).
///
/// A container token knows the tape index just past its contents, so a reader can skip a whole subtree in
/// constant time, look ahead for a discriminator member, or visit members in any order. Scalars point back at
/// their bytes in the body; nothing is copied or decoded until someone asks for it. This is the shape a one-pass
/// typed decoder can walk as well as the validator.
struct JSONTape {
    /// One JSON value (or object key).
    struct Token {
        enum Kind: UInt8 {
            case object
            case array
            case string
            case number
            case `true`
            case `false`
            case null
        }

        /// String flag: the content has backslash escapes (decode before comparing).
        static let hasEscapes: UInt8 = 1
        /// String flag: the content has bytes ≥ 0x80 (length in characters ≠ length in bytes).
        static let hasNonASCII: UInt8 = 2
        /// Number flags.
        static let hasFraction: UInt8 = 1
        static let hasExponent: UInt8 = 2
        static let isNegative: UInt8 = 4

        var kind: Kind
        var flags: UInt8
        /// The byte offset of the value: for strings, the first content byte (after the opening quote).
        var start: UInt32
        /// Scalars: the byte offset just past the content (a string's closing quote). Containers: the tape index
        /// just past the last token of the contents.
        var end: UInt32
        /// Containers: the number of members or elements.
        var count: UInt32
    }

    /// The tokens, in document order (memory reused from body to body; see `ValidationBuffers`).
    let tokens: TrivialBuffer<Token>

    /// The tape index just past the value at `index` (its whole subtree, for a container).
    @inline(__always)
    func next(after index: Int) -> Int {
        let token = tokens[index]
        switch token.kind {
        case .object, .array: return Int(token.end)
        default: return index + 1
        }
    }
}
