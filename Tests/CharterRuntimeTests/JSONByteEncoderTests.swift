@testable import CharterRuntime
import Airline
import Catalog
import Foundation
import MLPredict
import Pets
import Testing
import UsersV2

/// The byte encoder (what generated servers and clients write JSON bodies with) writes what `JSONEncoder`
/// with `JSONCoding`'s rules wrote, value for value: decoded back, both give the same thing, and a parse of
/// both texts gives the same JSON (objects compared key by key, since the byte encoder keeps declaration order).
@Suite("JSON byte encoder")
struct JSONByteEncoderTests {
    let reference = JSONCoding.encoder()

    /// Encodes with both encoders; requires equal JSON and a round trip through the tape decoder.
    func agree<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try JSONByteEncoding.encode(value)
        let expected = try JSONParser.parse(Array(try reference.encode(value)))
        let actual = try JSONParser.parse(bytes)
        #expect(sortedKeys(actual) == sortedKeys(expected), "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(try TapeDecoding.decode(T.self, from: bytes) == value, sourceLocation: sourceLocation)
    }

    func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.entries.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        case .array(let items): return .array(items.map(sortedKeys))
        default: return value
        }
    }

    func text<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONByteEncoding.encode(value), as: UTF8.self) }

    @Test func generatedModelsEncodeAsJSONEncoderEncodesThem() throws {
        let booking = try TapeDecoding.decode(Airline.BookingRequest.self, from: Array(TapeDecoderTests.booking.utf8))
        try agree(booking)
        let flight = Airline.Flight(flightID: "BA1", origin: "LHR", destination: "JFK", departureTime: Date(timeIntervalSince1970: 1_795_593_600),
                                    arrivalTime: Date(timeIntervalSince1970: 1_795_593_600.25), cabin: .unknown("suite"),
                                    price: Airline.Money(amount: 2890, currency: "EUR"), seatsLeft: 8)
        try agree(Airline.FlightPage(items: [flight, flight], total: 2, nextCursor: nil))
        try agree(MLPredict.PredictionRequest(features: [1, 2.5, -300, 1e-7, 1e21, 0.1, 7, 8, 9, 10]))
        try agree(UsersV2.User(userID: 1, email: "a\"b\\c\n\u{1}é😀@x.y", emailVerified: true, accountStatus: .unknown("archived")))
        try agree(["b": 1, "a": 2, "": 3, "é": 4, "Z": 5])
        try agree([Int?]([1, nil, 3]))
        try agree([[String: [Int]]]([["x": [], "w": [Int.min, Int.max]]]))
        try agree(try JSONParser.parse(Array(#"{"big": 123456789012345678901234567890, "n": null, "d": 0.1}"#.utf8)))
        try agree(Data([0, 1, 2, 255]))
        try agree(UUID(uuidString: "8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A10"))
        try agree(URL(string: "https://example.com/a?b=c"))
        try agree([UInt64.max, 0])
        try agree([Float(0.5), Float(3), Float(1e-3)])
    }

    @Test func modelsKeepTheSpecsOrderAndMapsAreSorted() throws {
        #expect(try text(Airline.Money(amount: 612.4, currency: "EUR")) == #"{"amount":612.4,"currency":"EUR"}"#)
        #expect(try text(["b": 1, "a": 2, "c": 3, "aa": 4]) == #"{"a":2,"aa":4,"b":1,"c":3}"#)
        // Nested maps are sorted inside out, and the parent's later entries survive the rewrite.
        #expect(try text(["z": ["y": 1, "x": 2], "a": ["d": 3, "c": 4]]) == #"{"a":{"c":4,"d":3},"z":{"x":2,"y":1}}"#)
        #expect(try text([489.0, -0.5, 1e300]) == "[489,-0.5,1e+300]")
        #expect(try text("a/b\u{7F}\t") == #""a/b\#u{7F}\t""#)
    }

    @Test func nonFiniteNumbersAreErrorsWithTheirPath() throws {
        #expect(throws: EncodingError.self) { try JSONByteEncoding.encode(Airline.Money(amount: .nan, currency: "EUR")) }
        #expect(throws: EncodingError.self) { try JSONByteEncoding.encode([[0, Double.infinity]]) }
        do {
            _ = try JSONByteEncoding.encode(["a": [Airline.Money(amount: 1, currency: "EUR"), Airline.Money(amount: -.infinity, currency: "EUR")]])
            Issue.record("an infinite amount was encoded")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["a", "1", "amount"])
        }
    }

    /// Hand-written Encodable code that writes into a container after moving on still encodes right (by the
    /// fallback), and code that encodes nothing writes `{}`.
    @Test func outOfOrderContainersFallBackAndEmptyValuesAreObjects() throws {
        struct Interleaved: Encodable {
            enum Key: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var outer = encoder.container(keyedBy: Key.self)
                var list = outer.nestedUnkeyedContainer(forKey: .a)
                try outer.encode(1, forKey: .b)
                try list.encode("late")
            }
        }
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        let value = try JSONParser.parse(try JSONByteEncoding.encode(Interleaved()))
        #expect(sortedKeys(value) == .object(JSONObject([("a", .array([.string("late")])), ("b", .number(JSONNumber(1)))])))
        #expect(try text([Nothing()]) == "[{}]")
    }

    /// Dates are written digit by digit; Foundation's format style is the oracle, across eras and fractions.
    @Test func datesMatchFoundationsRFC3339() {
        var generator = SystemRandomNumberGenerator()
        var samples: [Double] = [0, -1, 86_399.5, 951_782_400, 1_795_593_600.25, -62_135_596_800, 253_402_300_799.999, -0.001, 1e-4]
        for _ in 0..<2_000 { samples.append(Double(Int64.random(in: -62_135_596_800...253_402_300_799, using: &generator)) + [0, 0.5, 0.123, 0.999][Int.random(in: 0..<4)]) }
        for t in samples {
            let date = Date(timeIntervalSince1970: t)
            let expected = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: t != t.rounded(.down)))
            #expect(RFC3339.string(from: date) == expected, "\(t)")
        }
    }
}
