import Foundation

/// JSONDecoder/JSONEncoder set up for OpenAPI payloads: `date-time` is RFC 3339, with or without fractional
/// seconds (Foundation's `.iso8601` strategy rejects `2026-11-25T08:00:00.123Z`, which servers send all the time).
/// Generated code encodes with `JSONByteEncoding` and decodes with `TapeDecoding` (same rules); `encoder()` and
/// `decoder()` are for callers who want Foundation's coders with those rules.
public enum JSONCoding {
    /// A decoder configured as generated models expect (RFC 3339 dates with or without fractions).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an RFC 3339 date-time: '\(text)'")
            }
            return date
        }
        return decoder
    }

    /// Dates as RFC 3339 with milliseconds when they have a fraction; keys sorted so output is stable.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

/// RFC 3339 date-times (the `date-time` format), parsed and printed without locale surprises.
public enum RFC3339 {
    /// An RFC 3339 `date-time`, with or without fractional seconds.
    public static func date(from text: String) -> Date? {
        guard StringFormat.dateTime.isValid(text) else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        // Normalise lower-case t/z, which RFC 3339 allows and the format style does not.
        let normalised = text.uppercased()
        if let d = try? withFraction.parse(normalised) { return d }
        if let d = try? plain.parse(normalised) { return d }
        return nil
    }

    /// `date` as an RFC 3339 `date-time` in UTC, with milliseconds when it has a fraction of a second.
    public static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` as an unquoted RFC 3339 `date-time` (`2026-12-01T08:30:00Z`, `…00.125Z`). Written
    /// digit by digit from the proleptic Gregorian calendar: a format style costs microseconds per date,
    /// and a page of flights carries dozens. Years outside 1583…9999 go through Foundation.
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let t = date.timeIntervalSince1970
        let whole = t.rounded(.down)
        func foundation() {
            bytes.append(contentsOf: date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: t != whole)).utf8)
        }
        guard whole.isFinite, abs(whole) < 253_402_300_800 else { return foundation() }
        let seconds = Int(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Days since 1970-01-01 to a civil date, counting in 400-year eras from 0000-03-01.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Foundation counts earlier dates in the Julian calendar.
        guard (1583...9999).contains(year) else { return foundation() }
        let zero = UInt8(ascii: "0")
        // Every field is below 10,000 and not negative here.
        func two(_ value: Int) { bytes.append(zero + UInt8(truncatingIfNeeded: value / 10)); bytes.append(zero + UInt8(truncatingIfNeeded: value % 10)) }
        two(year / 100); two(year % 100); bytes.append(UInt8(ascii: "-")); two(month); bytes.append(UInt8(ascii: "-")); two(day)
        bytes.append(UInt8(ascii: "T"))
        two(secondOfDay / 3_600); bytes.append(UInt8(ascii: ":"))
        two(secondOfDay / 60 % 60); bytes.append(UInt8(ascii: ":"))
        two(secondOfDay % 60)
        if t != whole {
            let millis = min(999, Int(((t - whole) * 1000).rounded(.down)))
            bytes.append(UInt8(ascii: "."))
            bytes.append(zero + UInt8(truncatingIfNeeded: millis / 100))
            two(millis % 100)
        }
        bytes.append(UInt8(ascii: "Z"))
    }
}
