@_spi(Generated) @testable import CharterRuntime
import HTTPTypes
import Testing

/// Which documented response a status falls under, and the checks of a response's head a validating server
/// makes before it sends it (status, declared headers, content type).
@Suite("Response contracts")
struct ResponseContractTests {
    func contract(_ statuses: [String]) -> OperationContract {
        OperationContract(operationID: "op", method: "GET", path: "/", responses: statuses.map { ResponseContract(status: $0) })
    }

    @Test func anExactCodeBeatsItsRangeWhichBeatsDefaultWhateverTheOrder() {
        for order in [["default", "2xx", "201", "4XX"], ["4XX", "201", "2xx", "default"]] {
            let c = contract(order)
            #expect(c.response(for: 201)?.status == "201")
            #expect(c.response(for: 200)?.status == "2xx")  // ranges in either case (the spec writes 2XX; specs send both)
            #expect(c.response(for: 404)?.status == "4XX")
            #expect(c.response(for: 500)?.status == "default")
        }
        #expect(contract(["200", "4XX"]).response(for: 503) == nil)
        #expect(contract(["200"]).response(for: 20) == nil && contract(["200"]).response(for: 2000) == nil)
        #expect(contract(["20", "2000", "2X", "2XXX", "X00"]).response(for: 200) == nil)
        // Two keys for one range (the loader warns): the first is the one.
        let twice = OperationContract(operationID: "op", method: "GET", path: "/", responses: [
            ResponseContract(status: "5XX", headers: [HeaderContract(name: "A", required: true, schema: nil)]),
            ResponseContract(status: "5xx"),
        ])
        #expect(twice.response(for: 502)?.headers.map(\.name) == ["A"])
    }

    /// A header's schema is checked against every value sent, repeated fields as one comma-joined value; a header
    /// contract renamed after it was made checks the new name.
    @Test func declaredResponseHeadersAreChecked() throws {
        var token = SchemaKeywords()
        token.types = .string
        token.pattern = try Pattern("^[a-z]+(,[a-z]+)*$")
        var header = HeaderContract(name: "X-Old", required: true, schema: 0)
        header.name = "X-Tag"
        let contract = OperationContract(operationID: "op", method: "GET", path: "/", responses: [
            ResponseContract(status: "200", content: [MediaTypeContract(mediaType: "application/json", schema: nil)], headers: [header]),
        ])
        let validator = ContractValidator(schemas: SchemaSet([token]), contracts: [contract])
        func issues(_ fields: [(String, String)], status: Int = 200) -> [String] {
            var response = HTTPResponse(status: .init(code: status))
            response.headerFields[.contentType] = "application/json"
            for (name, value) in fields {
                if let name = HTTPField.Name(name) { response.headerFields.append(HTTPField(name: name, value: value)) }
            }
            return validator.checkResponseHead(response, hasBody: true, contract: contract).issues.map { "\($0.field) \($0.constraint)" }
        }
        #expect(issues([("X-Tag", "abc")]).isEmpty)
        #expect(issues([("X-Tag", "abc"), ("X-Tag", "def")]).isEmpty)
        #expect(issues([("X-Tag", "abc"), ("X-Tag", "D E F")]) == ["X-Tag pattern"])
        #expect(issues([("X-Old", "abc")]) == ["X-Tag required"])
        #expect(issues([("X-Tag", "abc")], status: 201) == [" status"])
    }
}
