/// An enum whose list of values is open: a value the schema does not know is kept (`case unknown(String)` in
/// generated code) and written back unchanged, instead of failing to decode.
///
/// Generated open enums declare their cases, `case unknown(String)`, `knownCases`, `init(rawValue:)` and
/// `rawValue`; decoding and encoding come from this protocol.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, TapeDecodable where RawValue == String {
    /// Never fails: an unknown raw value becomes the `unknown` case.
    init(rawValue: String)
    /// Every value the schema documents, in schema order.
    static var knownCases: [Self] { get }
}

extension OpenEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the value is one the schema documents.
    public var isKnown: Bool {
        Self.knownCases.contains(self)
    }
}

/// `OpenEnum` for integer values (Svix's `MessageStatus` 0–4): an unknown value is kept in `case unknown(Int)` and
/// written back unchanged.
public protocol OpenIntegerEnum: RawRepresentable, Codable, Hashable, Sendable, TapeDecodable where RawValue == Int {
    /// Never fails: an unknown raw value becomes the `unknown` case.
    init(rawValue: Int)
    /// Every value the schema documents, in schema order.
    static var knownCases: [Self] { get }
}

extension OpenIntegerEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the value is one the schema documents.
    public var isKnown: Bool {
        Self.knownCases.contains(self)
    }

    /// An integer; a value the schema does not list becomes `unknown`.
    public init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError) {
        self.init(rawValue: try tape.integer(Int.self, at: index))
    }
}
