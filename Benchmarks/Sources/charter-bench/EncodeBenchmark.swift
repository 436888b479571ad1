import CharterRuntime
import Foundation

// Response encoding (issue 24): the airline search page and a booking, as generated models declare them
// (synthesized Codable, snake_case keys, dates, a nested money object), written by Foundation's JSONEncoder set up
// as `JSONCoding.encoder()` (what generated code used) and by `JSONByteEncoding` (what it uses now), alternated in
// one run. The yardstick for the serving profile's largest single cost.

struct EncodeMoney: Codable { var amount: Double; var currency: String }
struct EncodeFlight: Codable {
    var flightID: String, origin: String, destination: String, departureTime: Date, arrivalTime: Date
    var cabin: String?, price: EncodeMoney, seatsLeft: Int, aircraft: String?
    enum CodingKeys: String, CodingKey {
        case flightID = "flight_id", origin, destination, departureTime = "departure_time", arrivalTime = "arrival_time", cabin, price
        case seatsLeft = "seats_left", aircraft
    }
}
struct EncodeFlightPage: Codable { var items: [EncodeFlight]; var total: Int?; var nextCursor: String?
    enum CodingKeys: String, CodingKey { case items, total, nextCursor = "next_cursor" }
}
struct EncodePassenger: Codable { var firstName: String, lastName: String, email: String, age: Int?, seat: String?
    enum CodingKeys: String, CodingKey { case firstName = "first_name", lastName = "last_name", email, age, seat }
}
struct EncodeBooking: Codable { var bookingID: String, status: String, flightID: String, passengers: [EncodePassenger], total: EncodeMoney, createdAt: Date
    enum CodingKeys: String, CodingKey { case bookingID = "booking_id", status, flightID = "flight_id", passengers, total, createdAt = "created_at" }
}

func runEncodeBenchmarks() {
    let departs = Date(timeIntervalSince1970: 1_795_595_400)
    let flights = (0..<10).map { i in
        EncodeFlight(flightID: "BA\(100 + i)-20261201", origin: "LHR", destination: "JFK", departureTime: departs.addingTimeInterval(Double(i) * 3600),
                     arrivalTime: departs.addingTimeInterval(Double(i) * 3600 + 28_800), cabin: "economy",
                     price: EncodeMoney(amount: 489 + Double(i) * 12.4, currency: "EUR"), seatsLeft: 3 + i, aircraft: i % 2 == 0 ? "A350" : nil)
    }
    let page = EncodeFlightPage(items: flights, total: 10, nextCursor: "offset:10")
    let booking = EncodeBooking(bookingID: "BK00000001", status: "confirmed", flightID: "BA117-20261201",
                                passengers: [EncodePassenger(firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", age: 36, seat: "12C"),
                                             EncodePassenger(firstName: "Grace", lastName: "Hopper", email: "grace@example.com", age: nil, seat: nil)],
                                total: EncodeMoney(amount: 1224.8, currency: "EUR"), createdAt: Date(timeIntervalSince1970: 1_795_000_000.25))
    let foundation = JSONCoding.encoder()
    print("| encode (best of 5 × N calls, alternated) | JSONEncoder (JSONCoding) | JSONByteEncoding | ratio | bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    func row<T: Encodable>(_ name: String, _ value: T, iterations: Int) {
        var sink = 0
        var a: [Double] = [], b: [Double] = []
        for _ in 0..<3 {
            a.append(nanosecondsPerCall(iterations: iterations) { sink &+= (try? foundation.encode(value))?.count ?? 0 })
            b.append(nanosecondsPerCall(iterations: iterations) { sink &+= (try? JSONByteEncoding.encode(value))?.count ?? 0 })
        }
        let size = (try? JSONByteEncoding.encode(value))?.count ?? 0
        let (fa, fb) = (a.min() ?? 0, b.min() ?? 0)
        print("| \(name) | \(String(format: "%.2f µs", fa / 1000)) | \(String(format: "%.2f µs", fb / 1000)) | \(String(format: "%.2f×", fb / fa)) | \(size) |")
        if sink == 42 { print("") }
    }
    row("flight page (10 flights, 20 dates)", page, iterations: 2_000)
    row("booking (2 passengers, 1 date)", booking, iterations: 10_000)
}
