/// RFC 3339 §5.6 dates and times, parsed and written at the byte level (no `DateFormatter`, no locale), fast
/// enough for a validator's hot path.
///
/// Accepted `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with `T`/`t` between date and time and
/// `Z`/`z` for UTC, exactly as the RFC's grammar says (no space separator, no missing seconds, no `+0000`).
/// Month, day (with leap years), hour, minute, second and offset ranges are checked. A leap second (`:60`) is
/// accepted only at 23:59 UTC, as JSON Schema's `date-time` format does.
public enum RFC3339 {
    /// Parses an RFC 3339 `date-time`; nil when the bytes are not one.
    ///
    /// - Parameter bytes: The text's UTF-8 bytes.
    /// - Returns: The instant and the offset it was written in, or nil.
    public static func parseDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        // date-fullyear "-" date-month "-" date-mday ("T" | "t") time-hour ":" time-minute ":" time-second
        guard bytes.count >= 20, let date = parseDatePrefix(bytes) else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else { return nil }
        guard let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"),
            let minute = twoDigits(bytes, 14), bytes[16] == UInt8(ascii: ":"),
            let second = twoDigits(bytes, 17)
        else { return nil }
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }

        var index = 19
        var nanoseconds: Int32 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var scale: Int32 = 100_000_000
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                nanoseconds += Int32(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }

        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard index + 6 == bytes.count, let offsetHour = twoDigits(bytes, index + 1),
                bytes[index + 3] == UInt8(ascii: ":"), let offsetMinute = twoDigits(bytes, index + 4),
                offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        if second == 60 {
            // A leap second is only ever inserted at the end of a UTC day.
            let utcMinuteOfDay = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            guard utcMinuteOfDay == 1439 else { return nil }
        }
        let days = daysSinceEpoch(year: date.year, month: date.month, day: date.day)
        let localSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(
            seconds: localSeconds - Int64(offsetMinutes * 60),
            nanoseconds: nanoseconds,
            offsetMinutes: offsetMinutes
        )
    }

    /// Parses an RFC 3339 `full-date` (`2024-03-21`); nil when the bytes are not one.
    ///
    /// - Parameter bytes: The text's UTF-8 bytes.
    /// - Returns: The date, or nil.
    public static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> FullDate? {
        guard bytes.count == 10 else { return nil }
        return parseDatePrefix(bytes)
    }

    /// Parses an RFC 3339 `date-time` string.
    ///
    /// - Parameter string: The text.
    /// - Returns: The instant and the offset it was written in, or nil when the text is not a `date-time`.
    public static func parseDateTime(_ string: String) -> Timestamp? {
        var string = string
        return string.withUTF8 { parseDateTime($0) }
    }

    /// Parses an RFC 3339 `full-date` string.
    ///
    /// - Parameter string: The text.
    /// - Returns: The date, or nil when the text is not a `full-date`.
    public static func parseDate(_ string: String) -> FullDate? {
        var string = string
        return string.withUTF8 { parseDate($0) }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (negative before it).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64((month + 9) % 12)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civilDate(daysSinceEpoch days: Int64) -> FullDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return FullDate(year: Int(year), month: Int(month), day: Int(day))
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD` at the start of `bytes`, range-checked.
    private static func parseDatePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> FullDate? {
        guard bytes.count >= 10, let high = twoDigits(bytes, 0), let low = twoDigits(bytes, 2),
            bytes[4] == UInt8(ascii: "-"), let month = twoDigits(bytes, 5),
            bytes[7] == UInt8(ascii: "-"), let day = twoDigits(bytes, 8)
        else { return nil }
        let year = high * 100 + low
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year) else { return nil }
        return FullDate(year: year, month: month, day: day)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        guard index + 1 < bytes.count, let tens = digitValue(bytes[index]), let ones = digitValue(bytes[index + 1])
        else { return nil }
        return tens * 10 + ones
    }
}
