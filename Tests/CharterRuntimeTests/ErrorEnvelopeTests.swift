import CharterRuntime
import Foundation
import Testing

/// `ErrorEnvelope` reads both error formats the runtime writes, and refuses bodies that are neither.
@Suite("Error envelopes")
struct ErrorEnvelopeTests {
    let error = APIError.validation([
        ValidationIssue(field: "passengers[1].age", pointer: "/passengers/1/age", location: .body, constraint: "maximum",
                        value: .number(JSONNumber(130)), message: "Must be at most 120"),
    ])

    @Test(arguments: [ErrorFormat.charter, .problemDetails])
    func bothFormatsReadBack(format: ErrorFormat) throws {
        let (_, bytes) = error.response(format: format, requestID: "req-7", instance: "/bookings")
        let envelope = try #require(ErrorEnvelope(body: bytes))
        #expect(envelope.code == "VALIDATION_ERROR")
        #expect(envelope.requestID == "req-7")
        #expect(envelope.details.count == 1)
        #expect(envelope.details.first?.field == "passengers[1].age" && envelope.details.first?.constraint == "maximum")
        #expect(envelope.details.first?.location == "body")
    }

    @Test func otherBodiesAreNotEnvelopes() {
        #expect(ErrorEnvelope(body: Array("<html>502</html>".utf8)) == nil)
        #expect(ErrorEnvelope(body: Array(#"{"error": "nope"}"#.utf8)) == nil)
        #expect(ErrorEnvelope(body: Array(#"{"message": "rate limited"}"#.utf8)) == nil)
        #expect(ErrorEnvelope(body: [UInt8]())  == nil)
    }
}
