import Airline
import CharterGenerator
import CharterRuntime
import CharterSpec
import Foundation
import MLPredict
import Pets
import CharterTestSupport
import Testing
import UsersV2

/// The committed generated modules (compiled with the package) decode and encode real payloads.
@Suite("Generated models")
struct GeneratedModelTests {
    let decoder = JSONCoding.decoder()

    @Test func defaultsAreAppliedWhenDecoding() throws {
        let request = try decoder.decode(MLPredict.PredictionRequest.self, from: Data(#"{"features": [1,2,3,4,5,6,7,8,9,10]}"#.utf8))
        #expect(request.threshold == 0.5)
        #expect(request.modelVersion == .v20)
        #expect(request.features.count == 10)
    }

    @Test func enumsKeepWorkingWhenTheServerAddsValues() throws {
        let user = try decoder.decode(UsersV2.User.self, from: Data(#"{"user_id": 1, "email": "a@b.c", "email_verified": true, "account_status": "archived"}"#.utf8))
        #expect(user.accountStatus == .unknown("archived"))
        #expect(user.accountStatus.rawValue == "archived")
        let known = try decoder.decode(UsersV2.AccountStatus.self, from: Data(#""active""#.utf8))
        #expect(known == .active)
        #expect(String(decoding: try JSONEncoder().encode(known), as: UTF8.self) == #""active""#)
    }

    @Test func unknownResponseFieldsAreIgnored() throws {
        let money = try decoder.decode(Airline.Money.self, from: Data(#"{"amount": 12.5, "currency": "EUR", "added_later": {"x": 1}}"#.utf8))
        #expect(money == Airline.Money(amount: 12.5, currency: "EUR"))
    }

    @Test func nestedTypesDatesAndWireNamesRoundTrip() throws {
        let json = #"""
        {"booking_id": "BK12AB34CD", "status": "confirmed", "flight_id": "BA117-20261201",
         "passengers": [{"first_name": "Ada", "last_name": "L", "email": "ada@example.com", "age": 36, "loyalty_number": null}],
         "total": {"amount": 10, "currency": "EUR"}, "created_at": "2026-11-25T08:00:00Z"}
        """#
        let booking = try decoder.decode(Airline.Booking.self, from: Data(json.utf8))
        #expect(booking.bookingID == "BK12AB34CD")
        #expect(booking.status == .confirmed)
        #expect(booking.passengers.first?.firstName == "Ada")
        #expect(booking.createdAt == Date(timeIntervalSince1970: 1_795_593_600))
        let again = try decoder.decode(Airline.Booking.self, from: try JSONCoding.encoder().encode(booking))
        #expect(again == booking)
    }

    /// Models spell their coding out with string keys (no synthesised `CodingKeys`): it must read and write what the
    /// synthesised coding did — wire names, absent and `null` optionals as nil, nil left out, a missing required
    /// member named by its wire name, errors located by the wire path — through Foundation's coders and Charter's.
    @Test func writtenOutCodingMatchesWhatTheCompilerWouldSynthesise() throws {
        let passenger = Airline.Passenger(firstName: "Ada", lastName: "L", email: "ada@example.com", age: 36)
        for data in [try JSONEncoder().encode(passenger), try JSONCoding.encoder().encode(passenger)] {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(object.keys) == ["first_name", "last_name", "email", "age"], "nil optionals are left out")
        }
        let json = Data(#"{"first_name": "Ada", "last_name": "L", "email": "a@b.c", "age": 36, "seat": null}"#.utf8)
        let viaFoundation = try JSONDecoder().decode(Airline.Passenger.self, from: json)
        let viaTape = try TapeDecoding.decode(Airline.Passenger.self, from: Array(json))
        #expect(viaFoundation == viaTape)
        #expect(viaFoundation.seat == nil && viaFoundation.loyaltyNumber == nil && viaFoundation.firstName == "Ada")

        let missing = Data(#"{"first_name": "Ada", "email": "a@b.c", "age": 36}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Airline.Passenger.self, from: missing)
            Issue.record("a missing required member decoded")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "last_name")
        }
        let wrongType = Data(#"{"booking_id": "B", "status": "confirmed", "flight_id": "F", "passengers": [{"first_name": "Ada", "last_name": "L", "email": "a@b.c", "age": "old"}], "total": {"amount": 1, "currency": "EUR"}, "created_at": "2026-11-25T08:00:00Z"}"#.utf8)
        for decode in [{ try JSONDecoder().decode(Airline.Booking.self, from: wrongType) }, { try TapeDecoding.decode(Airline.Booking.self, from: Array(wrongType)) }] {
            do {
                _ = try decode()
                Issue.record("a string age decoded")
            } catch DecodingError.typeMismatch(_, let context) {
                #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["passengers", "0", "age"])
            }
        }
        // A struct without properties, as the renderer writes it: still an object both ways, through every coder.
        struct NoMembers: Codable, Equatable {
            init() {}
            init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: AnyCodingKey.self) }
            func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: AnyCodingKey.self) }
        }
        #expect(String(decoding: try JSONByteEncoding.encode(NoMembers()), as: UTF8.self) == "{}")
        #expect(String(decoding: try JSONEncoder().encode(NoMembers()), as: UTF8.self) == "{}")
        #expect(try TapeDecoding.decode(NoMembers.self, from: Array("{}".utf8)) == NoMembers())
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(NoMembers.self, from: Array("[]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NoMembers.self, from: Data("7".utf8)) }
        // Enums code as their raw value through the standard library's RawRepresentable defaults, unknown values too.
        #expect(String(decoding: try JSONEncoder().encode([Airline.BookingStatus.confirmed, .unknown("held")]), as: UTF8.self) == #"["confirmed","held"]"#)
        #expect(try JSONDecoder().decode([Airline.BookingStatus].self, from: Data(#"["held"]"#.utf8)) == [.unknown("held")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Airline.BookingStatus.self, from: Data("7".utf8)) }
    }

    @Test func dateTimesWithAndWithoutFractionsDecode() throws {
        for (text, seconds) in [("2026-11-25T08:00:00Z", 1_795_593_600.0), ("2026-11-25T08:00:00.250Z", 1_795_593_600.25),
                                ("2026-11-25t09:00:00+01:00", 1_795_593_600.0)] {
            let date = try decoder.decode(Date.self, from: Data("\"\(text)\"".utf8))
            #expect(abs(date.timeIntervalSince1970 - seconds) < 0.001, "\(text)")
        }
        #expect(throws: DecodingError.self) { try decoder.decode(Date.self, from: Data(#""2026-02-30T08:00:00Z""#.utf8)) }
        let encoded = String(decoding: try JSONCoding.encoder().encode([Date(timeIntervalSince1970: 1_795_593_600.25)]), as: UTF8.self)
        #expect(encoded == #"["2026-11-25T08:00:00.250Z"]"#)
    }

    @Test func discriminatedUnionsPickTheirBranch() throws {
        let pet = try decoder.decode(Pets.NewPet.self, from: Data(#"{"name": "Rex", "species": "dog", "details": {"kind": "dog", "good_with_children": true}}"#.utf8))
        guard case .dogDetails(let details)? = pet.details else {
            Issue.record("wrong branch: \(String(describing: pet.details))")
            return
        }
        #expect(details.goodWithChildren == true)
        // A branch outside the mapping is picked by the one value its `kind` admits.
        let bird = try decoder.decode(Pets.NewPet.self, from: Data(#"{"name": "Polly", "species": "bird", "details": {"kind": "bird", "can_talk": true}}"#.utf8))
        guard case .birdDetails(let birdDetails)? = bird.details else {
            Issue.record("wrong branch: \(String(describing: bird.details))")
            return
        }
        #expect(birdDetails.canTalk == true)
        #expect(throws: DecodingError.self) {
            try decoder.decode(Pets.NewPet.self, from: Data(#"{"name": "Rex", "species": "dog", "details": {"kind": "cow"}}"#.utf8))
        }
    }
}

@Suite("Generation over the corpus", .enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
struct CorpusGenerationTests {
    @Test(arguments: CorpusTests.files.filter { CorpusTests.knownInvalid[$0] == nil })
    func everyValidSpecGenerates(_ file: String) throws {
        let path = TestPaths.shared.appendingPathComponent("corpus").appendingPathComponent(file).path
        let document = try #require(SpecLoader().load(path: path).document)
        let (files, _) = Generator.generate(document, specName: file)
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.contents.hasPrefix("// Generated by Charter") })
        // The vendors whose bodies are not JSON get typed code for every one of them.
        let operations = files.filter { $0.name.hasPrefix("Operations") }.map(\.contents).joined()
        func count(_ text: String) -> Int { operations.components(separatedBy: text).count - 1 }
        switch file {
        case "stripe/spec3.v524.yaml":
            #expect(count("try request.form(") == 467, "every url-encoded request body is a typed form")
            #expect(count(".multipart { parts in") == 2 && count("content.binary()") + count("requiredBody().binary()") == 1)
        case "openai/openapi.yaml":
            #expect(count("try request.multipart") + count("try writer.multipart") == 18, "every upload is a typed multipart form")
            #expect(count(".eventStream()") == 7, "every event stream is typed")
            #expect(count(".binary()") == 5)
        default:
            break
        }
    }
}
