import Foundation

/// A `Date` that is coded as an RFC 3339 date-time string.
///
/// Decoding accepts any RFC 3339 form (with or without fractional seconds, any offset); encoding writes the
/// canonical form of `RFC3339.format(_:)` (UTC `Z`, a fraction only when non-zero). Generated code exposes
/// plain `Date` properties and uses this type only while coding; inside arrays and maps (`[RFC3339Date]`) it is
/// the element type itself, with the `Date` in `date`.
public struct RFC3339Date: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The instant.
    public var date: Date

    /// Wraps `date` for coding.
    ///
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        self.date = date
    }

    /// Decodes an RFC 3339 date-time string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` when the string is not an RFC 3339 date-time, or the decoder's
    ///   error when the value is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let timestamp = RFC3339.parseDateTime(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 date-time (such as 2024-03-21T16:45:00Z), found \"\(text)\"."
            )
        }
        self.date = timestamp.date
    }

    /// Encodes the canonical form of `RFC3339.format(_:)`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.format(date))
    }

    /// The canonical RFC 3339 form.
    public var description: String { RFC3339.format(date) }

    /// Whether `lhs` is the earlier instant.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: True when `lhs` comes before `rhs`.
    public static func < (lhs: RFC3339Date, rhs: RFC3339Date) -> Bool {
        lhs.date < rhs.date
    }
}
