import Foundation

/// JSONDecoder/JSONEncoder set up for OpenAPI payloads: `date-time` is RFC 3339, with or without fractional
/// seconds (Foundation's `.iso8601` strategy rejects `2026-11-25T08:00:00.123Z`, which servers send all the time).
/// Generated code encodes with `encoder()` and decodes with `TapeDecoding` (same date rules); `decoder()` is for
/// callers who want a JSONDecoder with those rules.
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

    /// `date` as an RFC 3339 `date-time` in UTC.
    public static func string(from date: Date) -> String {
        let hasFraction = date.timeIntervalSince1970 != date.timeIntervalSince1970.rounded(.down)
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: hasFraction))
    }
}
