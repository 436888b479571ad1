@testable import CharterRuntime
import Foundation
import HTTPTypes
import Testing

/// Reading typed parameters after validation: a value the schema allows but the Swift type cannot hold (an
/// unbounded `type: integer` beyond 64 bits, which schemathesis sends) is a located 400 saying so.
@Suite("Server request reader")
struct RequestReaderTests {
    func reader(query: String) -> ServerRequestReader {
        var integer = SchemaKeywords()
        integer.types = .integer
        let contract = OperationContract(operationID: "list", method: "GET", path: "/items",
                                         parameters: [ParameterContract(name: "offset", location: .query, schema: 0)])
        let request = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/items?\(query)")
        return ServerRequestReader(request: request, pathParameters: [:], body: nil, contract: contract, schemas: SchemaSet([integer]))
    }

    @Test func integersBeyondTheSwiftTypeAreNamedAsSuch() throws {
        #expect(try reader(query: "offset=42").parameter("offset", in: .query, as: Int.self) == 42)
        #expect(try reader(query: "").parameter("offset", in: .query, as: Int.self) == nil)
        do {
            _ = try reader(query: "offset=152869444172130254848").parameter("offset", in: .query, as: Int.self)
            Issue.record("expected an error")
        } catch let error as InputDecodingError {
            #expect(error.issue.field == "offset" && error.issue.location == .query)
            #expect(error.constraint == "format" && error.message == "Must fit in Int (64-bit integer)")
        }
        do {
            _ = try reader(query: "offset=300").parameter("offset", in: .query, as: Int8.self)
            Issue.record("expected an error")
        } catch let error as InputDecodingError {
            #expect(error.message == "Must fit in Int8 (8-bit integer)")
        }
    }
}
