import Airline
import CharterRuntime
import Foundation
import MLPredict
import Pets
import CharterTestSupport
import Testing
import UsersV2

/// The tape decoder (what generated servers and clients read bodies with) agrees with the JSONDecoder it
/// replaced, and fails where it failed, with the path of the value that did not fit.
@Suite("Tape decoder")
struct TapeDecoderTests {
    let reference = JSONCoding.decoder()

    /// Decodes with both decoders and requires the same value.
    func agree<T: Decodable & Equatable>(_ type: T.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference.decode(T.self, from: Data(json.utf8))
        let actual = try TapeDecoding.decode(T.self, from: Array(json.utf8))
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    /// The path JSONDecoder-style errors render as (`passengers[1].age`), via the reader's message.
    func failure<T: Decodable>(_ type: T.Type, _ json: String) -> (path: String, error: DecodingError?) {
        do {
            _ = try TapeDecoding.decode(T.self, from: Array(json.utf8))
            return ("", nil)
        } catch let error as DecodingError {
            let context: DecodingError.Context? = switch error {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): c
            @unknown default: nil
            }
            let path = (context?.codingPath ?? []).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return (path, error)
        } catch {
            return ("not a DecodingError: \(error)", nil)
        }
    }

    static let booking = #"""
    {"flight_id": "BA117-20261201", "passengers": [
       {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "age": 36, "seat": "12C"},
       {"first_name": "Grace", "last_name": "Hopper", "email": "grace@example.com", "age": 85, "loyalty_number": null}],
     "payment": {"method": "card", "amount": {"amount": 612.40, "currency": "EUR"}, "card": {"token": "tok_4f9a8b7c6d5e4f3a", "last4": "4242"}}}
    """#

    @Test func generatedModelsDecodeAsJSONDecoderDecodesThem() throws {
        try agree(Airline.BookingRequest.self, Self.booking)
        try agree(Airline.Booking.self, #"""
        {"booking_id": "BK12AB34CD", "status": "confirmed", "flight_id": "BA117-20261201",
         "passengers": [{"first_name": "Ada", "last_name": "L", "email": "ada@example.com", "age": 36}],
         "total": {"amount": 10, "currency": "EUR"}, "created_at": "2026-11-25T08:00:00.250Z"}
        """#)
        try agree(Airline.FlightPage.self, #"""
        {"items": [{"flight_id": "BA1-20261201", "origin": "LHR", "destination": "JFK", "departure_time": "2026-12-01T10:00:00Z",
                    "arrival_time": "2026-12-01T17:00:00+01:00", "cabin": "suite", "price": {"amount": 2890, "currency": "EUR"}, "seats_left": 8}],
         "total": 3, "next_cursor": "offset:1", "added_later": {"deep": [1, {"x": null}]}}
        """#)
        try agree(MLPredict.PredictionRequest.self, #"{"features": [1, 2.5, -3e2, 4, 5, 6, 7, 8, 9, 10]}"#)
        try agree(UsersV2.User.self, #"{"user_id": 1, "email": "a@b.c", "email_verified": true, "account_status": "archived"}"#)
        try agree([Airline.Money].self, #"[{"amount": 1, "currency": "EUR"}, {"amount": 0.1, "currency": "USD"}]"#)
        try agree([String: Int].self, #"{"a": 1, "b\u0062": 2, "": 3}"#)
        try agree(Int?.self, "null")
        try agree([Int?].self, "[1, null, 3]")
    }

    @Test func integersAcceptExactIntegralNumbersAndRefuseTheRest() throws {
        #expect(try TapeDecoding.decode(Int.self, from: Array("1.0".utf8)) == 1)
        #expect(try TapeDecoding.decode(Int.self, from: Array("1e2".utf8)) == 100)
        #expect(try TapeDecoding.decode(Int64.self, from: Array("-9223372036854775808".utf8)) == .min)
        #expect(try TapeDecoding.decode(UInt64.self, from: Array("18446744073709551615".utf8)) == .max)
        #expect(try TapeDecoding.decode(Int32.self, from: Array("2147483647".utf8)) == .max)
        for text in ["1.5", "2147483648", "9223372036854775808", "1e400", "\"1\"", "true"] {
            #expect(throws: DecodingError.self, "\(text)") { try TapeDecoding.decode(Int32.self, from: Array(text.utf8)) }
        }
        #expect(try TapeDecoding.decode(Double.self, from: Array("9007199254740993".utf8)) == 9007199254740992)
        #expect(try TapeDecoding.decode(Float.self, from: Array("0.5".utf8)) == 0.5)
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Float.self, from: Array("1e300".utf8)) }
    }

    @Test func specialTypesFollowJSONCodingsStrategies() throws {
        let date = try TapeDecoding.decode(Date.self, from: Array(#""2026-11-25T08:00:00.250Z""#.utf8))
        #expect(abs(date.timeIntervalSince1970 - 1_795_593_600.25) < 0.001)
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Date.self, from: Array(#""2026-02-30T08:00:00Z""#.utf8)) }
        #expect(try TapeDecoding.decode(Data.self, from: Array(#""AAEC/w==""#.utf8)) == Data([0, 1, 2, 255]))
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Data.self, from: Array(#""not base64!""#.utf8)) }
        #expect(try TapeDecoding.decode(UUID.self, from: Array(#""8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A10""#.utf8))
            == UUID(uuidString: "8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A10"))
        #expect(try TapeDecoding.decode(URL.self, from: Array(#""https://example.com/a?b=c""#.utf8)) == URL(string: "https://example.com/a?b=c"))
        #expect(try TapeDecoding.decode(Decimal.self, from: Array("612.40".utf8)) == Decimal(string: "612.4"))
    }

    @Test func freeFormValuesKeepTheirExactNumbers() throws {
        let value = try TapeDecoding.decode(JSONValue.self, from: Array(#"{"big": 123456789012345678901234567890, "d": 0.1, "s": "\u00e9", "a": [true, null]}"#.utf8))
        guard case .object(let object) = value else { Issue.record("not an object: \(value)"); return }
        #expect(object["big"]?.encodedString == "123456789012345678901234567890")
        #expect(object["d"]?.encodedString == "0.1")
        #expect(object["s"] == .string("é"))
        #expect(object["a"] == .array([.bool(true), .null]))
    }

    @Test func failuresNameTheValueThatDidNotFit() {
        let ageAsString = Self.booking.replacingOccurrences(of: #""age": 85"#, with: #""age": "85""#)
        let mismatch = failure(Airline.BookingRequest.self, ageAsString)
        #expect(mismatch.path == ".passengers[1].age")
        if case .typeMismatch? = mismatch.error {} else { Issue.record("expected typeMismatch, got \(String(describing: mismatch.error))") }

        let missing = failure(Airline.BookingRequest.self, Self.booking.replacingOccurrences(of: #""currency": "EUR""#, with: #""currenc": "EUR""#))
        #expect(missing.path == ".payment.amount")
        if case .keyNotFound(let key, _)? = missing.error { #expect(key.stringValue == "currency") } else { Issue.record("expected keyNotFound") }

        let null = failure(Airline.BookingRequest.self, Self.booking.replacingOccurrences(of: #""first_name": "Ada""#, with: #""first_name": null"#))
        #expect(null.path == ".passengers[0].first_name")
        if case .valueNotFound? = null.error {} else { Issue.record("expected valueNotFound") }

        let short = failure([Int].self, "[1, \"two\"]")
        #expect(short.path == "[1]")
        #expect(failure(Airline.Money.self, "[1]").error != nil)
        #expect(failure(Airline.Money.self, #"{"amount": 1, "currency": "EUR""#).error != nil, "syntax errors are decoding errors")
    }

    @Test func duplicateKeysAreRefusedAsTheValidatorRefusesThem() {
        // JSONDecoder would take one of the two; a decoder that disagreed with the validator is a smuggling risk.
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Airline.Money.self, from: Array(#"{"amount": 1, "currency": "EUR", "amount": 2}"#.utf8)) }
    }
}

extension JSONValue {
    /// The value as compact JSON text.
    var encodedString: String { String(decoding: encoded(), as: UTF8.self) }
}
