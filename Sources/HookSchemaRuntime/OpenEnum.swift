/// An enum whose list of values is open: a value the schema does not know is kept (`case unknown(String)` in
/// generated code, `case unknown(Int)` for an integer enum) and written back unchanged, instead of failing to
/// decode.
///
/// Generated open enums declare their cases, `case unknown(…)`, `knownCases`, `init(rawValue:)` and `rawValue`;
/// decoding and encoding come from this protocol. The raw value is a `String` or, for an integer enum (Svix's
/// `MessageStatus`), an `Int`.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, TapeDecodable
where RawValue: Codable & Hashable & Sendable & TapeDecodable {
    /// Never fails: an unknown raw value becomes the `unknown` case.
    ///
    /// - Parameter rawValue: The value as it appears in JSON.
    init(rawValue: RawValue)
    /// Every value the schema documents, in schema order.
    static var knownCases: [Self] { get }
}

extension OpenEnum {
    /// Decodes the raw value; a value the schema does not list becomes the `unknown` case.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a `RawValue` (a number for a string enum, for example).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(RawValue.self))
    }

    /// Encodes the raw value, a known one or the one the `unknown` case kept.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the value is one the schema documents.
    public var isKnown: Bool {
        Self.knownCases.contains(self)
    }
}
