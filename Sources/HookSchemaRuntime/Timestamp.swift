import Foundation

/// An instant parsed from an RFC 3339 date-time, with the UTC offset it was written in.
public struct Timestamp: Hashable, Sendable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z (the instant: the offset is already applied).
    public var seconds: Int64
    /// The fraction of the second, 0 ..< 1_000_000_000 (digits beyond the ninth are dropped).
    public var nanoseconds: Int32
    /// The offset from UTC the text was written in, in minutes (`Z` and `-00:00` are 0).
    public var offsetMinutes: Int

    /// An instant from its parts.
    ///
    /// - Parameters:
    ///   - seconds: Whole seconds since 1970-01-01T00:00:00Z.
    ///   - nanoseconds: The fraction of the second, 0 ..< 1_000_000_000.
    ///   - offsetMinutes: The UTC offset the instant was written in, in minutes.
    public init(seconds: Int64, nanoseconds: Int32 = 0, offsetMinutes: Int = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.offsetMinutes = offsetMinutes
    }

    /// The same instant as a `Date` (sub-microsecond precision is limited by `Date`'s `Double`).
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
    }

    /// A `Date` rounded to whole microseconds (the most `Date`'s `Double` holds exactly for today's dates), in UTC.
    ///
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let total = Int64(exactly: micros) ?? (micros < 0 ? Int64.min / 2 : Int64.max / 2)
        let (quotient, remainder) = total.quotientAndRemainder(dividingBy: 1_000_000)
        if remainder < 0 {
            self.init(seconds: quotient - 1, nanoseconds: Int32(remainder + 1_000_000) * 1000)
        } else {
            self.init(seconds: quotient, nanoseconds: Int32(remainder) * 1000)
        }
    }

    /// Compares instants; the offset they were written in does not matter.
    ///
    /// - Parameters:
    ///   - lhs: An instant.
    ///   - rhs: Another instant.
    /// - Returns: True when `lhs` comes before `rhs`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// An RFC 3339 full-date (`2024-03-21`).
public struct FullDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year (four digits in RFC 3339).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// A date from its parts; the values are not range-checked.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month, from 1.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        RFC3339.appendDigits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        RFC3339.appendDigits(month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        RFC3339.appendDigits(day, count: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `lhs` is the earlier date.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: True when `lhs` comes before `rhs`.
    public static func < (lhs: FullDate, rhs: FullDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
