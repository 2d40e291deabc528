/// The two decoding initialisers every generated type gets, printed by one piece of code: `init(from:)` for
/// `Codable` (any `Decoder`, `JSONDecoder` included) and `init(tape:at:)` for `TapeDecodable`, the one-pass path
/// that reads a scanned body's tape directly. Both read members through calls of the same names
/// (`decodeMember`, `decodeNullable`, `discriminator`, …) on a keyed container or on the tape's `TapeMembers`, so
/// they differ only in the lines below and can never disagree on which member is read how.
enum DecoderFlavor: CaseIterable {
    case codable
    case tape

    /// The initialiser's declaration, after the access level.
    var signature: String {
        switch self {
        case .codable: return "init(from decoder: any Decoder) throws"
        case .tape: return "init(tape: JSONTapeReader, at index: Int) throws(TapeDecodingError)"
        }
    }

    /// The doc comment of the tape initialiser (the `Codable` one documents itself).
    var documentation: [String] {
        switch self {
        case .codable: return []
        case .tape:
            return [
                "Reads the value from a scanned body's tape: the one-pass path of `decode(validating:)`, with the "
                    + "rules of `init(from:)`."
            ]
        }
    }

    /// The variable that reads members by name.
    var members: String {
        switch self {
        case .codable: return "container"
        case .tape: return "members"
        }
    }

    /// The statement that opens the object being decoded as `members`; `mutable` when members are read from it.
    func openMembers(mutable: Bool) -> String {
        switch self {
        case .codable: return "let container = try decoder.container(keyedBy: DynamicCodingKey.self)"
        case .tape: return "\(mutable ? "var" : "let") members = try tape.members(of: index, as: Self.self)"
        }
    }

    /// The shape of the value being decoded, for a union without a discriminator.
    var valueShape: String {
        switch self {
        case .codable: return "try DecodedValueShape(from: decoder)"
        case .tape: return "TapeValueShape(tape: tape, at: index)"
        }
    }

    /// The arguments that decode another type from the same value: `(from: decoder)` / `(tape: tape, at: index)`.
    var sameValue: String {
        switch self {
        case .codable: return "(from: decoder)"
        case .tape: return "(tape: tape, at: index)"
        }
    }
}
