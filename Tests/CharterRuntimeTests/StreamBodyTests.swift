@_spi(Generated) @testable import CharterRuntime
import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Server-sent events, JSON Lines and JSON text sequences: framing by the specifications' rules, checked and
/// decoded item by item, and what an invalid item does on each side.
@Suite("Stream bodies")
struct StreamBodyTests {
    func events(_ text: String, chunk size: Int = 3, maxSize: Int = 1 << 20) throws -> [RawEvent] {
        var framer = SSEFramer(maxSize: maxSize)
        let bytes = Array(text.utf8)
        var out: [RawEvent] = []
        var start = 0
        while start < bytes.count {
            out += try framer.feed(bytes[start..<min(start + size, bytes.count)])
            start += size
        }
        return out
    }

    @Test func eventsFollowTheHTMLParsingRules() throws {
        let text = "\u{FEFF}: a comment\r\nevent: update\r\ndata: line one\r\ndata:line two\r\nid: 7\rretry: 1500\n\n"
            + "data\n\n" + "retry: soon\ndata: x\n\n" + "event: empty\n\n" + "id: a\u{0}b\ndata: y\nunknown: z\n\n" + "data: never dispatched"
        let expected = [
            RawEvent(event: "update", data: "line one\nline two", id: "7", retry: 1500),
            RawEvent(event: nil, data: "", id: nil, retry: nil),
            RawEvent(event: nil, data: "x", id: nil, retry: nil),
            RawEvent(event: nil, data: "y", id: nil, retry: nil),
        ]
        for size in [1, 2, 3, 7, 64] { #expect(try events(text, chunk: size) == expected, "chunks of \(size)") }
        #expect(throws: StreamItemTooLarge.self) { try events("data: " + String(repeating: "x", count: 100) + "\n\n", maxSize: 50) }
    }

    @Test func encodingWritesWhatParsingReads() throws {
        let event = RawEvent(event: "tick", data: "a\r\nb\rc\nd", id: "42", retry: 10)
        let bytes = SSEFramer.encode(event)
        #expect(String(decoding: bytes, as: UTF8.self) == "event: tick\nid: 42\nretry: 10\ndata: a\ndata: b\ndata: c\ndata: d\n\n")
        #expect(try events(String(decoding: bytes, as: UTF8.self)) == [RawEvent(event: "tick", data: "a\nb\nc\nd", id: "42", retry: 10)])
        // A line break in a single-line field cannot end the event early.
        #expect(String(decoding: SSEFramer.encode(RawEvent(event: "x\ny", data: "", id: nil, retry: nil)), as: UTF8.self) == "event: x\ndata: \n\n")
    }

    @Test func recordsSplitOnLinesOrRecordSeparators() throws {
        var lines = RecordFramer(separator: 0x0A, maxSize: 100)
        #expect(try lines.feed(Array("{\"a\":1}\r\n\n  \n{\"a\"".utf8)[...]) == [Array("{\"a\":1}".utf8)])
        #expect(try lines.feed(Array(":2}".utf8)[...]) == [])
        #expect(lines.finish() == Array("{\"a\":2}".utf8))
        var sequence = RecordFramer(separator: 0x1E, maxSize: 100)
        #expect(try sequence.feed(Array("\u{1E}1\n\u{1E}[2]\n\u{1E}".utf8)[...]) == [Array("1".utf8), Array("[2]".utf8)])
        var small = RecordFramer(separator: 0x0A, maxSize: 4)
        #expect(throws: StreamItemTooLarge.self) { try small.feed(Array("123456".utf8)[...]) }
    }

    /// A response body of `coding` carrying `text`, read as a client with `mode`, items of `schema`.
    func received(_ text: String, _ coding: BodyCoding, mode: ResponseValidationMode) throws -> ReceivedBody {
        var number = SchemaKeywords()
        number.types = .object
        number.properties = [("n", 1)]
        number.required = ["n"]
        var integer = SchemaKeywords()
        integer.types = .integer
        integer.maximum = NumericBound(JSONNumber(10))
        let media = MediaTypeContract(mediaType: coding == .eventStream ? "text/event-stream" : "application/jsonl", schema: 0)
        let validator = ContractValidator(schemas: SchemaSet([number, integer]), contracts: [], options: ValidationOptions(responseValidation: mode))
        let reader = BodyParty(isServer: false, operationID: "op", statusCode: 200, validate: mode != .off, enforce: mode == .enforce,
                                logger: ContractValidator.silent)
        guard case .success(let reception) = validator.receive(Array(text.utf8), contentType: media.mediaType, media: media, limit: .max, reader: reader)
        else { throw TestFailure("refused") }
        return reception.body
    }

    struct Item: Decodable, Sendable, Equatable { var n: Int }

    func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var out: [S.Element] = []
        for try await item in sequence { out.append(item) }
        return out
    }

    @Test func eventsAreCheckedAndDecodedAndDoneEndsTheStream() async throws {
        let body = try received("data: {\"n\": 1}\n\ndata: {\"n\": 2}\nid: 2\n\ndata: [DONE]\n\ndata: {\"n\": 3}\n\n", .eventStream, mode: .enforce)
        let events = try await collect(try body.eventStream(of: Item.self))
        #expect(events.map(\.data) == [Item(n: 1), Item(n: 2)] && events.map(\.id) == [nil, "2"])
    }

    @Test func anInvalidItemFailsTheStreamWhenEnforcedAndIsLoggedWhenReported() async throws {
        let text = "{\"n\": 1}\n{\"n\": 11}\n{\"n\": 2}\n"
        do {
            _ = try await collect(try received(text, .jsonLines, mode: .enforce).jsonLines(of: Item.self))
            Issue.record("expected a violation")
        } catch let violation as ContractViolation {
            #expect(violation.issues.map(\.field) == ["[1].n"] && violation.issues.map(\.constraint) == ["maximum"])
        }
        // Reported: the item passes (it decodes); off: not even checked.
        #expect(try await collect(try received(text, .jsonLines, mode: .report).jsonLines(of: Item.self)).count == 3)
        #expect(try await collect(try received(text, .jsonLines, mode: .off).jsonLines(of: Item.self)).count == 3)
        // What cannot be decoded fails the stream in any mode, saying which item.
        do {
            _ = try await collect(try received("{\"n\": 1}\nnot json\n", .jsonLines, mode: .off).jsonLines(of: Item.self))
            Issue.record("expected a failure")
        } catch let error as UnexpectedResponse {
            #expect(error.reason.hasPrefix("[1]: Not valid JSON"))
        }
    }

    @Test func acceptHeadersChooseByQualityThenSpecificity() {
        let types = ["application/json", "text/csv"]
        #expect(AcceptHeader().preferred(types) == "application/json")
        #expect(AcceptHeader("text/csv").preferred(types) == "text/csv")
        #expect(AcceptHeader("text/*;q=0.9, application/json;q=0.5").preferred(types) == "text/csv")
        #expect(AcceptHeader("*/*;q=0.1, text/csv;q=0").preferred(types) == "application/json")
        #expect(AcceptHeader("image/png").preferred(types) == nil)
        #expect(AcceptHeader("*/*").preferred(types) == "application/json")
    }
}
