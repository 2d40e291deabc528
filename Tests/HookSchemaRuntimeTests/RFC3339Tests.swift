import Foundation
import HookSchemaRuntime
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2024-03-21T16:45:00Z", Int64(1_711_039_500), Int32(0), 0),
        ("2024-03-21t16:45:00z", 1_711_039_500, 0, 0),
        ("2024-03-21T16:45:00.123Z", 1_711_039_500, 123_000_000, 0),
        ("2024-03-21T16:45:00.123456789Z", 1_711_039_500, 123_456_789, 0),
        ("2024-03-21T16:45:00.1234567891234Z", 1_711_039_500, 123_456_789, 0),
        ("2024-03-21T18:45:00+02:00", 1_711_039_500, 0, 120),
        ("2024-03-21T08:15:00.5-08:30", 1_711_039_500, 500_000_000, -510),
        ("2024-03-21T16:45:00-00:00", 1_711_039_500, 0, 0),
        ("1970-01-01T00:00:00Z", 0, 0, 0),
        ("1969-12-31T23:59:59Z", -1, 0, 0),
        ("2000-02-29T00:00:00Z", 951_782_400, 0, 0),
        ("1998-12-31T23:59:60Z", 915_148_800, 0, 0),
        ("1998-12-31T15:59:60.123-08:00", 915_148_800, 123_000_000, -480),
    ])
    func parsesValidDateTimes(text: String, seconds: Int64, nanoseconds: Int32, offset: Int) throws {
        let timestamp = try #require(RFC3339.parseDateTime(text))
        #expect(timestamp.seconds == seconds)
        #expect(timestamp.nanoseconds == nanoseconds)
        #expect(timestamp.offsetMinutes == offset)
    }

    @Test(arguments: [
        "", "2024-03-21", "2024-03-21T16:45Z", "2024-03-21 16:45:00Z", "2024-03-21T16:45:00",
        "2024-03-21T16:45:00.Z", "2024-03-21T16:45:00+0200", "2024-03-21T16:45:00+02", "2024-13-01T00:00:00Z",
        "2024-00-01T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
        "2024-03-21T24:00:00Z", "2024-03-21T23:60:00Z", "2024-03-21T23:59:61Z", "1998-12-31T23:58:60Z",
        "1998-12-31T22:59:60Z", "2024-03-21T16:45:00+24:00", "2024-03-21T16:45:00+02:60", "2024-03-21T16:45:00ZZ",
        "2024-03-21T16:45:00Z ", " 2024-03-21T16:45:00Z", "2024-3-21T16:45:00Z", "2013-350T01:01:01",
        "2024-03-21T16:45:00\u{0661}Z", "२०२४-03-21T16:45:00Z", "2024-03-21T16:45:00.1+02:00x",
    ])
    func rejectsInvalidDateTimes(text: String) {
        #expect(RFC3339.parseDateTime(text) == nil, "\(text)")
    }

    @Test func parsesFullDates() throws {
        #expect(RFC3339.parseDate("2024-02-29") == FullDate(year: 2024, month: 2, day: 29))
        #expect(RFC3339.parseDate("2000-02-29") != nil)
        #expect(RFC3339.parseDate("2023-02-29") == nil)
        #expect(RFC3339.parseDate("2024-02-29T00:00:00Z") == nil)
        #expect(RFC3339.parseDate("24-02-29") == nil)
        #expect(RFC3339.parseDate("2024-02-29")?.description == "2024-02-29")
    }

    @Test(arguments: [
        ("2024-03-21T16:45:00Z", "2024-03-21T16:45:00Z"),
        ("2024-03-21T16:45:00.000Z", "2024-03-21T16:45:00Z"),
        ("2024-03-21T16:45:00.120Z", "2024-03-21T16:45:00.12Z"),
        ("2024-03-21T16:45:00.123456Z", "2024-03-21T16:45:00.123456Z"),
        ("2024-03-21T18:45:00.5+02:00", "2024-03-21T16:45:00.5Z"),
        ("1969-12-31T23:59:59.25Z", "1969-12-31T23:59:59.25Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
    ])
    func formatsCanonicallyThroughDate(text: String, canonical: String) throws {
        let timestamp = try #require(RFC3339.parseDateTime(text))
        #expect(RFC3339.format(timestamp.date) == canonical)
        #expect(RFC3339.format(Timestamp(timestamp.date)) == canonical)
    }

    @Test func formatsTimestampsToTheNanosecond() throws {
        let timestamp = try #require(RFC3339.parseDateTime("2024-03-21T16:45:00.123456789-05:00"))
        #expect(RFC3339.format(timestamp) == "2024-03-21T21:45:00.123456789Z")
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() throws {
        var days = RFC3339Probe.days(year: 1900, month: 1, day: 1)
        let end = RFC3339Probe.days(year: 2300, month: 1, day: 1)
        while days < end {
            let text = RFC3339.format(Timestamp(seconds: days * 86_400 + 3661))
            let parsed = try #require(RFC3339.parseDateTime(text), "\(text)")
            #expect(parsed.seconds == days * 86_400 + 3661)
            days += 1
        }
    }

    @Test func decodesAnyFormAndEncodesTheCanonicalOne() throws {
        let decoded = try JSONDecoder().decode(
            [RFC3339Date].self,
            from: Data(#"["2024-03-21T16:45:00Z","2024-03-21T18:45:00.250+02:00"]"#.utf8)
        )
        let encoded = try JSONEncoder().encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2024-03-21T16:45:00Z","2024-03-21T16:45:00.25Z"]"#)
    }

    @Test func rejectsANonRFC3339DateWithAClearMessage() {
        #expect {
            _ = try JSONDecoder().decode([RFC3339Date].self, from: Data(#"["21/03/2024"]"#.utf8))
        } throws: { error in
            String(describing: error).contains("Expected an RFC 3339 date-time")
        }
    }
}

/// Days since the epoch, computed independently of `RFC3339` (through Foundation's Gregorian calendar).
enum RFC3339Probe {
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day)
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return Int64((date.timeIntervalSince1970 / 86_400).rounded())
    }
}
