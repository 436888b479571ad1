@_spi(Generated) @testable import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes
import Testing

/// Response headers are serialized, checked and read back as their header objects say: `explode` for objects,
/// arrays split on commas, `content` headers as JSON — the server's writer, the response check and the client's
/// reader agreeing on one reading.
@Suite("Response headers")
struct ResponseHeaderTests {
    struct Dims: Codable, Equatable { var w: Int, h: Int }
    struct Meta: Codable, Equatable { var a: Int }

    static let spec = """
    openapi: 3.1.0
    info: {title: t, version: '1'}
    paths:
      /things:
        get:
          operationId: list
          responses:
            '200':
              description: ok
              headers:
                X-Tags: {schema: {type: array, items: {type: string}}}
                X-Dims: {explode: true, schema: {type: object, required: [w, h], properties: {w: {type: integer}, h: {type: integer}}}}
                X-Pair: {schema: {type: object, required: [w, h], properties: {w: {type: integer}, h: {type: integer}}}}
                X-Meta: {content: {application/json: {schema: {type: object, required: [a], properties: {a: {type: integer}}}}}}
                X-Count: {required: true, schema: {type: integer}}
                X-Note: {content: {application/json: {schema: {type: string}}}}
    """

    func contract() throws -> (ContractValidator, OperationContract) {
        let result = SpecLoader().load(bytes: Array(Self.spec.utf8), path: "headers.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        let validator = SpecValidator(document: document)
        return (validator.contractValidator(), try #require(validator.contracts.first))
    }

    @Test func theHeaderObjectsSerializationReachesTheContract() throws {
        let (_, contract) = try contract()
        let headers = try #require(contract.responses.first?.headers)
        let byName = Dictionary(uniqueKeysWithValues: headers.map { ($0.name, $0) })
        #expect(byName["X-Dims"]?.explode == true)
        #expect(byName["X-Pair"]?.explode == false)
        #expect(byName["X-Meta"]?.isJSONContent == true)
        #expect(byName["X-Meta"]?.schema != nil)  // the schema of its JSON content, checked like any other
        #expect(byName["X-Tags"]?.isJSONContent == false)
    }

    @Test func writtenCheckedAndReadBackAsDeclared() throws {
        let (validator, contract) = try contract()
        var writer = ServerResponseWriter(contract: contract)
        writer.status = 200
        try writer.header("X-Tags", ["a", "b"])
        try writer.header("X-Dims", Dims(w: 1, h: 2))
        try writer.header("X-Pair", Dims(w: 3, h: 4))
        try writer.header("X-Meta", Meta(a: 5))
        try writer.header("X-Count", 6)
        try writer.header("X-Note", "a, \"b\"")
        func field(_ name: String) -> String? { HTTPField.Name(name).flatMap { writer.headerFields[$0] } }
        #expect(field("X-Tags") == "a,b")
        #expect(field("X-Dims") == "w=1,h=2")
        // A header named in another case is the documented one still (HTTP field names are case-insensitive).
        var other = ServerResponseWriter(contract: contract)
        try other.header("x-dims", Dims(w: 1, h: 2))
        #expect(other.headerFields[try #require(HTTPField.Name("X-Dims"))] == "w=1,h=2")
        #expect(field("X-Pair") == "w,3,h,4")
        #expect(field("X-Meta") == #"{"a":5}"#)
        #expect(field("X-Count") == "6")
        #expect(field("X-Note") == #""a, \"b\"""#)  // JSON content: the string as JSON text

        let response = HTTPResponse(status: .ok, headerFields: writer.headerFields)
        #expect(validator.checkResponseHead(response, hasBody: false, contract: contract).issues.isEmpty)

        let reader = ClientResponseReader(response: response, body: nil, declared: contract.response(for: 200), decoding: validator.decoding)
        #expect(try reader.header("X-Tags", as: [String].self) == ["a", "b"])
        #expect(try reader.header("X-Dims", as: Dims.self) == Dims(w: 1, h: 2))
        #expect(try reader.header("X-Pair", as: Dims.self) == Dims(w: 3, h: 4))
        #expect(try reader.header("X-Meta", as: Meta.self) == Meta(a: 5))
        #expect(try reader.requiredHeader("X-Count", as: Int.self) == 6)
        #expect(try reader.header("X-Note", as: String.self) == #"a, "b""#)
        #expect(try reader.header("x-dims", as: Dims.self) == Dims(w: 1, h: 2))  // field names are case-insensitive
    }

    @Test func aHeaderSerializedAgainstItsDeclarationIsCaught() throws {
        let (validator, contract) = try contract()
        var fields = HTTPFields()
        fields[try #require(HTTPField.Name("X-Count"))] = "6"
        // Exploded where the spec says alternating keys and values, and the reverse.
        fields[try #require(HTTPField.Name("X-Dims"))] = "w,1,h,2"
        fields[try #require(HTTPField.Name("X-Pair"))] = "w=3,h=4"
        let issues = validator.checkResponseHead(HTTPResponse(status: .ok, headerFields: fields), hasBody: false, contract: contract).issues
        #expect(Set(issues.map { "\($0.field)|\($0.constraint)" }) == ["X-Dims.w|type", "X-Dims.h|type", "X-Pair.w|required", "X-Pair.h|required"])
        // The client refuses the value rather than guessing.
        let reader = ClientResponseReader(response: HTTPResponse(status: .ok, headerFields: fields), body: nil,
                                          declared: contract.response(for: 200), decoding: validator.decoding)
        #expect(throws: UnexpectedResponse.self) { try reader.header("X-Pair", as: Dims.self) }
        // A JSON `content` header's string, quoted as JSON by another server, is read unquoted.
        fields[try #require(HTTPField.Name("X-Note"))] = #""a, \"b\"""#
        let quoted = ClientResponseReader(response: HTTPResponse(status: .ok, headerFields: fields), body: nil,
                                          declared: contract.response(for: 200), decoding: validator.decoding)
        #expect(try quoted.header("X-Note", as: String.self) == #"a, "b""#)
        // Undocumented headers are still read as plain values.
        fields[try #require(HTTPField.Name("X-Other"))] = "7"
        let plain = ClientResponseReader(response: HTTPResponse(status: .ok, headerFields: fields), body: nil)
        #expect(try plain.header("X-Other", as: Int.self) == 7)
    }
}
