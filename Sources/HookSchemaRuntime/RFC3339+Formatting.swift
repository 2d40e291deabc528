import Foundation

extension RFC3339 {
    /// The canonical form hookschema writes: UTC with `Z`, and a fraction only when it is not zero, with trailing
    /// zeros trimmed (`2024-03-21T16:45:00Z`, `2024-03-21T16:45:00.12Z`). Any RFC 3339 form is accepted when
    /// parsing; this is the one form written.
    ///
    /// - Parameter timestamp: The instant; its offset is not used.
    /// - Returns: The date-time in UTC.
    public static func format(_ timestamp: Timestamp) -> String {
        let days =
            timestamp.seconds >= 0
            ? timestamp.seconds / 86_400 : (timestamp.seconds - 86_399) / 86_400
        let secondOfDay = Int(timestamp.seconds - days * 86_400)
        let date = civilDate(daysSinceEpoch: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        appendDigits(date.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &bytes)
        if timestamp.nanoseconds > 0 {
            bytes.append(UInt8(ascii: "."))
            var fraction = Int(timestamp.nanoseconds)
            var digits = 9
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            appendDigits(fraction, count: digits, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A `Date` in the canonical form (see `format(_:)`), to whole microseconds.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The date-time in UTC.
    public static func format(_ date: Date) -> String {
        format(Timestamp(date))
    }

    /// Appends `value` as at least `count` decimal digits (a leading `-` for negative values).
    static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        if digits.count < count {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count - digits.count))
        }
        bytes.append(contentsOf: digits.reversed())
    }
}
