@_spi(Generated) @testable import CharterRuntime
import Foundation
import HTTPTypes
import CharterTestSupport
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
        return ServerRequestReader(request: request, pathParameters: [:], body: nil, contract: contract,
                                   decoding: ParameterDecoding(schemas: SchemaSet([integer]).schemas))
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

/// Which schemas can have defaults filled in below them: the per-request search is skipped everywhere else,
/// so a default reached only through items, `$ref` and `allOf` must still be found.
@Suite("Defaults reach")
struct DefaultsReachTests {
    @Test func defaultsAreFoundThroughItemsRefsAndAllOf() throws {
        var k = Array(repeating: SchemaKeywords(), count: 8)
        k[0].types = .object; k[0].properties = [("items", 1)]
        k[1].types = .array; k[1].items = .schema(2)
        k[2].ref = 3
        k[3].allOf = [4]
        k[4].types = .object; k[4].properties = [("flag", 5)]
        k[5].types = .boolean; k[5].defaultValue = .bool(true)
        k[6].types = .object; k[6].properties = [("x", 7)]
        k[7].types = .string
        let set = SchemaSet(k)
        let reach = Defaults.reach(set.schemas)
        #expect(reach.reaches == [true, true, true, true, true, false, false, false])
        // Only properties with a default at or below them are looked up in a request (schemas 2 and 3 reach `flag`
        // through `$ref` and `allOf`; schema 6's `x` can never change).
        #expect(reach.watched.map { $0.map { "\($0.name)>\($0.schema)\($0.hasDefault ? "!" : "")" } } == [
            ["items>1"], [], ["flag>5!"], ["flag>5!"], ["flag>5!"], [], [], [],
        ])
        let body = try JSONParser.parse(#"{"items": [{}, {"flag": false}]}"#)
        let tape = try JSONTape(parsing: Array(#"{"items": [{}, {"flag": false}]}"#.utf8))
        let defaults = Defaults(schemas: set.schemas, reach: reach)
        #expect(tape.withView { defaults.wouldApply($0, 0, 0) })
        #expect(defaults.apply(body, 0) == (try JSONParser.parse(#"{"items": [{"flag": true}, {"flag": false}]}"#)))
        let other = try JSONTape(parsing: Array(#"{"x": "y"}"#.utf8))
        #expect(!other.withView { defaults.wouldApply($0, 0, 6) })
    }
}
