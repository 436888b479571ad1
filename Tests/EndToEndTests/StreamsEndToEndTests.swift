import CharterRuntime
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import Streams
import CharterTestSupport
import Testing

/// `Specs/streams-3.2.yaml` (OpenAPI 3.2 `itemSchema`) served by a small implementation on a real port and
/// called through the generated client: event data as JSON text and as plain text, a JSON Lines request read
/// as it arrives, a JSON text sequence, an `image/*` response, repeated file parts with part headers, a CSV
/// streamed as bytes, a JSON body under `*/*`.
@Suite("Streams end to end")
struct StreamsEndToEndTests {
    struct Service: StreamsAPIProtocol {
        /// A tick with a negative price (the schema says > 0) is sent as the second event when set.
        var sendInvalidTick = false

        static func tick(_ n: Int) -> Tick { Tick(sequence: n, price: Double(n) * 1.5, symbol: "ABC") }

        func streamTicks(_ input: StreamTicks.Input) async throws -> StreamTicks.Output {
            var ticks = (0..<input.count).map { Self.tick($0 + 1) }
            if sendInvalidTick, ticks.count > 1 { ticks[1].price = -1 }
            return .ok(EventStream(ticks.map { ServerEvent(data: $0, event: "tick", id: String($0.sequence)) }))
        }

        func streamLog(_ input: StreamLog.Input) async throws -> StreamLog.Output {
            .ok(EventStream(["started", "two\nlines", "done"].map { ServerEvent(data: $0, event: "log") }))
        }

        func importTicks(_ input: ImportTicks.Input) async throws -> ImportTicks.Output {
            var count = 0, total = 0.0
            for try await tick in input.body {
                count += 1
                total += tick.price
            }
            return .ok(.init(imported: count, total: total))
        }

        func tickSequence(_ input: TickSequence.Input) async throws -> TickSequence.Output {
            .ok(EventStream((1...3).map(Self.tick)))
        }

        func getImage(_ input: GetImage.Input) async throws -> GetImage.Output {
            guard input.name == "logo" else { return .notFound }
            return .ok(BinaryFile(bytes: [0x89, 0x50, 0x4E, 0x47], contentType: "image/png"))
        }

        func addToGallery(_ input: AddToGallery.Input) async throws -> AddToGallery.Output {
            var sizes: [Int] = []
            for image in input.body.images { sizes.append(try await image.data(upTo: 1 << 20).count) }
            return .created(.init(stored: sizes.count, caption: input.body.caption, rating: input.body.rating, sizes: sizes))
        }

        func downloadReport(_ input: DownloadReport.Input) async throws -> DownloadReport.Output {
            .ok(HTTPBody("symbol,price\nABC,1.5\n"))
        }

        func echo(_ input: Echo.Input) async throws -> Echo.Output {
            .ok(input.body)
        }
    }

    func withStreams(_ service: Service = Service(), server: ResponseValidationMode = .enforce,
                     client validation: ClientValidation = ClientValidation(validateRequests: false, responses: .enforce),
                     _ body: @Sendable (StreamsClient) async throws -> Void) async throws {
        let router = Router()
        try service.registerHandlers(on: router, options: ValidationOptions(responseValidation: server))
        try await withServer(router) { url in try await body(StreamsClient(serverURL: url, validation: validation)) }
    }

    func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var out: [S.Element] = []
        for try await item in sequence { out.append(item) }
        return out
    }

    @Test func eventDataIsJSONOrTextAsTheItemSchemaSays() async throws {
        try await withStreams { client in
            guard case .ok(let ticks) = try await client.streamTicks(count: 3) else { throw TestFailure("expected 200") }
            let events = try await collect(ticks)
            #expect(events.map(\.data.sequence) == [1, 2, 3] && events.map(\.id) == ["1", "2", "3"] && events.allSatisfy { $0.event == "tick" })
            guard case .ok(let log) = try await client.streamLog() else { throw TestFailure("expected 200") }
            #expect(try await collect(log).map(\.data) == ["started", "two\nlines", "done"])
        }
    }

    @Test func anInvalidEventNeverLeavesAnEnforcingServerAndFailsAnEnforcingClient() async throws {
        try await withStreams(Service(sendInvalidTick: true)) { client in
            guard case .ok(let ticks) = try await client.streamTicks(count: 3) else { throw TestFailure("expected 200") }
            // The server stops the stream before the invalid event: the client sees the valid one before it.
            #expect(try await collect(ticks).map(\.data.sequence) == [1])
        }
        try await withStreams(Service(sendInvalidTick: true), server: .report) { client in
            guard case .ok(let ticks) = try await client.streamTicks(count: 3) else { throw TestFailure("expected 200") }
            var seen: [Int] = []
            do {
                for try await event in ticks { seen.append(event.data.sequence) }
                Issue.record("expected a violation")
            } catch let violation as ContractViolation {
                #expect(seen == [1] && violation.issues.map(\.field) == ["[1].data.price"])
            }
        }
    }

    @Test func aStreamedRequestIsReadItemByItemAndAnInvalidItemIsA400() async throws {
        try await withStreams { client in
            let ticks = AsyncStream<Tick> { c in
                for n in 1...200 { c.yield(Service.tick(n)) }
                c.finish()
            }
            guard case .ok(let result) = try await client.importTicks(body: EventStream(ticks)) else { throw TestFailure("expected 200") }
            #expect(result.imported == 200 && result.total == (1...200).map { Double($0) * 1.5 }.reduce(0, +))
            var bad = Service.tick(2)
            bad.price = 0
            guard case .badRequest(let error) = try await client.importTicks(body: EventStream([Service.tick(1), bad])) else {
                throw TestFailure("expected 400")
            }
            #expect(error.error.code == "VALIDATION_ERROR")
        }
        // A client checking its requests refuses the item before it is sent.
        try await withStreams(client: ClientValidation(validateRequests: true, responses: .enforce)) { client in
            var bad = Service.tick(1)
            bad.symbol = "lower"
            await #expect(throws: (any Error).self) { _ = try await client.importTicks(body: EventStream([bad])) }
        }
    }

    @Test func sequencesRangesFilesWithHeadersBytesAndWildcardJSON() async throws {
        try await withStreams { client in
            guard case .ok(let sequence) = try await client.tickSequence() else { throw TestFailure("expected 200") }
            #expect(try await collect(sequence).map(\.sequence) == [1, 2, 3])

            guard case .ok(let image) = try await client.getImage(name: "logo") else { throw TestFailure("expected 200") }
            let imageBytes = try await image.data(upTo: 100)
            #expect(image.contentType == "image/png" && imageBytes == Data([0x89, 0x50, 0x4E, 0x47]))
            guard case .notFound = try await client.getImage(name: "nothing") else { throw TestFailure("expected 404") }

            let checksum: HTTPFields = [HTTPField.Name("X-Checksum")!: "abc"]
            let images = [BinaryFile(bytes: [1, 2, 3], filename: "a.png", contentType: "image/png", headers: checksum),
                          BinaryFile(bytes: [4, 5], filename: "b.png", contentType: "image/png", headers: checksum)]
            guard case .created(let stored) = try await client.addToGallery(body: .init(images: images, caption: "Two")) else {
                throw TestFailure("expected 201")
            }
            #expect(stored.stored == 2 && stored.sizes == [3, 2] && stored.rating == 3 && stored.caption == "Two")
            // Without the part header the encoding requires: a 400 naming the part.
            let bare = BinaryFile(bytes: [1], filename: "c.png", contentType: "image/png")
            guard case .badRequest(let error) = try await client.addToGallery(body: .init(images: [bare], caption: "x", rating: 9)) else {
                throw TestFailure("expected 400")
            }
            #expect(error.error.message == "Request validation failed")
            // A part header the encoding declares is checked against its schema.
            let badSum = BinaryFile(bytes: [1], filename: "d.png", contentType: "image/png", headers: [HTTPField.Name("X-Checksum")!: "NOT HEX"])
            guard case .badRequest = try await client.addToGallery(body: .init(images: [badSum], caption: "x")) else {
                throw TestFailure("expected 400 for a malformed part header")
            }

            guard case .ok(let report) = try await client.downloadReport() else { throw TestFailure("expected 200") }
            #expect(String(decoding: try await [UInt8](collecting: report, upTo: 1000), as: UTF8.self) == "symbol,price\nABC,1.5\n")
            guard case .ok(let echoed) = try await client.echo(body: Service.tick(7)) else { throw TestFailure("expected 200") }
            #expect(echoed == Service.tick(7))
        }
    }
}
