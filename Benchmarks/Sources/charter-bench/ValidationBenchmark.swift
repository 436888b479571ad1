import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation

// Validation benchmark: parse + validate a ~1 KB booking body (all errors collected) against the airline
// spec's BookingRequest, valid and with 5 violations, next to JSONDecoder decoding the same bytes into
// Codable structs (what a server does anyway), measured in the same run.

let bookingValid = #"""
{"flight_id": "BA117-20261201",
 "passengers": [
  {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "age": 36, "seat": "12C", "loyalty_number": "BA12345678"},
  {"first_name": "Charles", "last_name": "Babbage", "email": "charles@example.com", "age": 79, "seat": "12D", "loyalty_number": null},
  {"first_name": "Mary", "last_name": "Somerville", "email": "mary.somerville@example.org", "age": 91, "seat": "12E"}],
 "payment": {"method": "card", "amount": {"amount": 1249.50, "currency": "EUR"},
             "card": {"token": "tok_4f9a8b7c6d5e4f3a2b1c", "last4": "4242", "expiry": "09/28"}},
 "notifications": {"email": true, "sms": false, "phone": "+447700900123"},
 "special_requests": ["vegetarian_meal", "extra_legroom"]}
"""#
// Five violations: bad email, age 130, seat pattern, unknown payment method, duplicate special request.
let bookingInvalid = #"""
{"flight_id": "BA117-20261201",
 "passengers": [
  {"first_name": "Ada", "last_name": "Lovelace", "email": "ada-at-example.com", "age": 36, "seat": "12C", "loyalty_number": "BA12345678"},
  {"first_name": "Charles", "last_name": "Babbage", "email": "charles@example.com", "age": 130, "seat": "12D", "loyalty_number": null},
  {"first_name": "Mary", "last_name": "Somerville", "email": "mary.somerville@example.org", "age": 91, "seat": "99Z"}],
 "payment": {"method": "cash", "amount": {"amount": 1249.50, "currency": "EUR"},
             "card": {"token": "tok_4f9a8b7c6d5e4f3a2b1c", "last4": "4242", "expiry": "09/28"}},
 "notifications": {"email": true, "sms": false, "phone": "+447700900123"},
 "special_requests": ["vegetarian_meal", "vegetarian_meal"]}
"""#

struct BookingBody: Decodable {
    struct Passenger: Codable, Sendable {
        var first_name: String, last_name: String, email: String, age: Int, seat: String?, loyalty_number: String?
        // Encoding written out as the generator writes it (the serving benchmark answers with these); decoding
        // stays synthesised, the JSONDecoder baseline's form.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(first_name, forKey: "first_name")
            try container.encode(last_name, forKey: "last_name")
            try container.encode(email, forKey: "email")
            try container.encode(age, forKey: "age")
            try container.encodeIfPresent(seat, forKey: "seat")
            try container.encodeIfPresent(loyalty_number, forKey: "loyalty_number")
        }
    }
    struct Money: Codable, Sendable {
        var amount: Double, currency: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(amount, forKey: "amount")
            try container.encode(currency, forKey: "currency")
        }
    }
    struct Card: Decodable { var token: String, last4: String, expiry: String? }
    struct Payment: Decodable { var method: String, amount: Money, card: Card? }
    struct Notifications: Decodable { var email: Bool?, sms: Bool?, phone: String? }
    var flight_id: String
    var passengers: [Passenger]
    var payment: Payment
    var notifications: Notifications?
    var special_requests: [String]?
}

func bookingValidator() -> (Validator, SchemaIndex) {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let spec = here.appendingPathComponent("../../../Specs/airline.yaml").standardizedFileURL.path
    guard let validator = try? SpecValidator.load(path: spec), let index = validator.schemaIndex("BookingRequest") else {
        fatalError("cannot load \(spec)") // benchmark driver only: the sample spec is part of the repo
    }
    return (validator.validator, index)
}

func nanosecondsPerCall(iterations: Int, _ body: () -> Void) -> Double {
    for _ in 0..<(iterations / 10) { body() }
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { body() }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations))
    }
    return best
}

func runValidationBenchmarks() {
    let (validator, index) = bookingValidator()
    let valid = Array(bookingValid.utf8), invalid = Array(bookingInvalid.utf8)
    let validIssues = validator.validate(try! JSONParser.parse(valid), against: index).count
    let invalidIssues = validator.validate(try! JSONParser.parse(invalid), against: index).count
    precondition(validIssues == 0 && invalidIssues == 5, "fixture drifted: \(validIssues) / \(invalidIssues) issues")
    let n = 200_000
    var sink = 0
    let parseOnly = nanosecondsPerCall(iterations: n) { sink &+= (try? JSONTape(parsing: valid))?.bytes.count ?? 0 }
    let validTime = nanosecondsPerCall(iterations: n) { sink &+= validator.validate(try! JSONTape(parsing: valid), against: index).count }
    let invalidTime = nanosecondsPerCall(iterations: n) { sink &+= validator.validate(try! JSONTape(parsing: invalid), against: index).count }
    // The same, then every issue's field and pointer read (as building a 400 body does).
    let invalidRendered = nanosecondsPerCall(iterations: n) {
        for issue in validator.validate(try! JSONTape(parsing: invalid), against: index) { sink &+= issue.field.utf8.count &+ issue.pointer.utf8.count }
    }
    let valueTree = nanosecondsPerCall(iterations: n) { sink &+= validator.validate(try! JSONParser.parse(valid), against: index).count }
    let decoder = JSONDecoder()
    let validData = Data(valid)
    let decode = nanosecondsPerCall(iterations: n / 4) { sink &+= (try? decoder.decode(BookingBody.self, from: validData))?.passengers.count ?? 0 }
    // What a generated server does since session 4: the body decoded from Charter's tape, not by JSONDecoder.
    let tapeDecode = nanosecondsPerCall(iterations: n / 4) { sink &+= (try? TapeDecoding.decode(BookingBody.self, from: valid))?.passengers.count ?? 0 }
    let validateAndDecode = nanosecondsPerCall(iterations: n / 4) {
        guard let tape = try? JSONTape(parsing: valid) else { return }
        sink &+= validator.validate(tape, against: index).count
        sink &+= (try? TapeDecoding.decode(BookingBody.self, from: tape))?.passengers.count ?? 0
    }
    let serialization = nanosecondsPerCall(iterations: n / 4) { sink &+= ((try? JSONSerialization.jsonObject(with: validData)) as? [String: Any])?.count ?? 0 }
    func us(_ ns: Double) -> String { String(format: "%.2f µs", ns / 1000) }
    print("| booking body (\(valid.count) bytes) | time per call | vs JSONDecoder |")
    print("| --- | ---: | ---: |")
    print("| JSONDecoder → Codable structs (baseline) | \(us(decode)) | 1.00× |")
    print("| JSONSerialization.jsonObject | \(us(serialization)) | \(String(format: "%.2f×", serialization / decode)) |")
    print("| Charter parse only | \(us(parseOnly)) | \(String(format: "%.2f×", parseOnly / decode)) |")
    print("| Charter parse + validate, valid | \(us(validTime)) | \(String(format: "%.2f×", validTime / decode)) |")
    print("| Charter parse + validate, 5 violations (all collected) | \(us(invalidTime)) | \(String(format: "%.2f×", invalidTime / decode)) |")
    print("| … and every issue's field and pointer rendered | \(us(invalidRendered)) | \(String(format: "%.2f×", invalidRendered / decode)) |")
    print("| Charter tape decoder → the same Codable structs (parse included) | \(us(tapeDecode)) | \(String(format: "%.2f×", tapeDecode / decode)) |")
    print("| Charter parse + validate + tape decode (a generated server's body path) | \(us(validateAndDecode)) | \(String(format: "%.2f×", validateAndDecode / decode)) |")
    print("| Charter parse to JSONValue tree + validate, valid | \(us(valueTree)) | \(String(format: "%.2f×", valueTree / decode)) |")
    print("")
    print("Best of 5 rounds of \(n) calls (JSONDecoder, JSONSerialization and the decoders: \(n / 4)); release build. sink \(sink % 10)")
    print("")
    runUnevaluatedBenchmark()
}

/// A 2020-12 schema using `unevaluatedProperties: false` over `allOf`, `anyOf` and `if`/`then` (annotations
/// collected only where the keyword is), valid and with 2 unevaluated properties; `Benchmarks/Fixtures/
/// unevaluated.json` holds schema and payloads, read by the Python peers too.
func runUnevaluatedBenchmark() {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let path = here.appendingPathComponent("../../Fixtures/unevaluated.json").standardizedFileURL.path
    guard let data = FileManager.default.contents(atPath: path), let fixture = try? JSONParser.parse(Array(data)),
          let valid = fixture["valid"]?.encoded(), let invalid = fixture["invalid"]?.encoded() else {
        fatalError("cannot read \(path)") // benchmark driver only: the fixture is part of the repo
    }
    let (document, root, _) = SpecLoader().loadSchema(bytes: Array(data), path: path, version: .v3_1)
    guard let document, let root else { fatalError("cannot load the schema in \(path)") }
    let validator = SpecValidator(document: document).validator
    let validIssues = validator.validate(try! JSONTape(parsing: valid), against: root.index).count
    let invalidIssues = validator.validate(try! JSONTape(parsing: invalid), against: root.index).count
    precondition(validIssues == 0 && invalidIssues == 2, "fixture drifted: \(validIssues) / \(invalidIssues) issues")
    let n = 200_000
    var sink = 0
    let parseOnly = nanosecondsPerCall(iterations: n) { sink &+= (try? JSONTape(parsing: valid))?.bytes.count ?? 0 }
    let validTime = nanosecondsPerCall(iterations: n) { sink &+= validator.validate(try! JSONTape(parsing: valid), against: root.index).count }
    let invalidTime = nanosecondsPerCall(iterations: n) { sink &+= validator.validate(try! JSONTape(parsing: invalid), against: root.index).count }
    func us(_ ns: Double) -> String { String(format: "%.2f µs", ns / 1000) }
    print("| unevaluatedProperties account (\(valid.count) bytes) | time per call | vs parse only |")
    print("| --- | ---: | ---: |")
    print("| Charter parse only (baseline) | \(us(parseOnly)) | 1.00× |")
    print("| Charter parse + validate, valid | \(us(validTime)) | \(String(format: "%.2f×", validTime / parseOnly)) |")
    print("| Charter parse + validate, 2 unevaluated properties | \(us(invalidTime)) | \(String(format: "%.2f×", invalidTime / parseOnly)) |")
    print("")
    print("Best of 5 rounds of \(n) calls; release build. sink \(sink % 10)")
}

func runValidationProfile(_ n: Int) {
    let (validator, index) = bookingValidator()
    let mode = ProcessInfo.processInfo.environment["MODE"] ?? "invalid"
    let bytes = Array((mode == "invalid" ? bookingInvalid : bookingValid).utf8)
    let parsed = try! JSONTape(parsing: bytes)
    var sink = 0
    let start = DispatchTime.now().uptimeNanoseconds
    switch mode {
    case "parse": for _ in 0..<n { sink &+= (try? JSONTape(parsing: bytes))?.bytes.count ?? 0 }
    case "validate-only": for _ in 0..<n { sink &+= validator.validate(parsed, against: index).count }
    default: for _ in 0..<n { sink &+= validator.validate(try! JSONTape(parsing: bytes), against: index).count }
    }
    print(mode, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n), "ns/call", sink)
}
