@_spi(Generated) @testable import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes
import Testing

/// Parameters described by JSON `content` go on the wire as JSON text — a string quoted — in every location, and
/// the server reads them back as the same JSON: the string "123" stays a string (written as plain text it arrived as
/// the number 123 and failed its schema).
@Suite("JSON content parameters")
struct JSONContentParameterTests {
    static let spec = """
    openapi: 3.1.0
    info: {title: t, version: '1'}
    paths:
      /notes/{id}:
        get:
          operationId: find
          parameters:
            - {name: id, in: path, required: true, content: {application/json: {schema: {type: string, maxLength: 5}}}}
            - {name: q, in: query, required: true, content: {application/json: {schema: {type: string}}}}
            - {name: X-Flag, in: header, required: true, content: {application/json: {schema: {type: string, enum: ['true', 'no']}}}}
            - {name: pref, in: cookie, required: true, content: {application/json: {schema: {type: string}}}}
            - {name: n, in: query, content: {application/json: {schema: {type: integer}}}}
          responses: {'204': {description: ok}}
    """

    func setUp() throws -> (ContractValidator, OperationContract) {
        let result = SpecLoader().load(bytes: Array(Self.spec.utf8), path: "json-params.yaml")
        let validator = SpecValidator(document: try #require(result.document, "\(result.diagnostics)")).contractValidator()
        return (validator, try #require(validator.contracts["find"]))
    }

    /// The request the client's writer makes, and the issues the server's check finds in it.
    func roundTrip(id: String, q: String, flag: String, pref: String, n: Int?) throws -> (HTTPRequest, [String]) {
        let (validator, contract) = try setUp()
        var writer = ClientRequestWriter(contract: contract)
        try writer.parameter("id", in: .path, id)
        try writer.parameter("q", in: .query, q)
        try writer.parameter("X-Flag", in: .header, flag)
        try writer.parameter("pref", in: .cookie, pref)
        try writer.parameter("n", in: .query, n)
        let request = writer.request
        let path = String(request.path?.split(separator: "?")[0] ?? "")
        let parameters = try #require(PathTemplate.match(contract.path, requestPath: path))
        guard case .rejected(let error) = validator.checkRequest(request, pathParameters: parameters, body: nil, contract: contract) else {
            return (request, [])
        }
        return (request, error.details.map { "\($0.location.rawValue) \($0.field) \($0.constraint)" })
    }

    @Test func stringsThatLookLikeOtherJSONStayStrings() throws {
        let (request, issues) = try roundTrip(id: "123", q: "a b", flag: "true", pref: "null", n: 7)
        #expect(issues == [])
        #expect(request.path == "/notes/%22123%22?q=%22a%20b%22&n=7")
        #expect(request.headerFields[try #require(HTTPField.Name("X-Flag"))] == #""true""#)
        #expect(request.headerFields[.cookie] == "pref=%22null%22")
    }

    @Test func theServerStillChecksTheDecodedValues() throws {
        let (_, issues) = try roundTrip(id: "123456", q: "", flag: "yes", pref: "x", n: nil)
        #expect(issues.sorted() == ["header X-Flag enum", "path id maxLength"])
    }
}
