@testable import CharterMock
import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Testing

/// One exchange with a mock over a real port (AsyncHTTPClient: Foundation's URLSession on Linux stalls on some 401s).
struct MockExchange {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONParser.parse(body) }
}

func exchange(_ base: URL, _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> MockExchange {
    var request = HTTPRequest(method: HTTPRequest.Method(method) ?? .get, scheme: nil, authority: nil, path: path)
    for (name, value) in headers { if let field = HTTPField.Name(name) { request.headerFields.append(HTTPField(name: field, value: value)) } }
    let (response, responseBody) = try await AsyncHTTPClientTransport().send(request, body: body.map { HTTPBody(Array($0)) }, baseURL: base, operationID: "test")
    var bytes: [UInt8] = []
    if let responseBody { bytes = try await [UInt8](collecting: responseBody, upTo: 8 << 20) }
    return MockExchange(status: response.status.code, headers: response.headerFields, body: bytes)
}

/// The scheme, host and port of a server URL (the tests write paths with their base path).
func root(_ serverURL: URL) -> URL { URL(string: "http://127.0.0.1:\(serverURL.port ?? 0)")! }

func sample(_ spec: String) -> String { TestPaths.packageRoot.appendingPathComponent("Specs/\(spec)").path }

/// The mock of a spec written to a scratch folder (removed when `body` returns).
func withMock(of spec: String, _ body: (MockServer) async throws -> Void) async throws {
    let folder = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("openapi.yaml").path
    try spec.write(toFile: path, atomically: true, encoding: .utf8)
    try await body(try MockServer.load(path: path))
}

@Suite("generate mock: the mock server")
struct MockServerTests {
    static let samples = ["airline.yaml", "catalog-3.2.yaml", "documents.yaml", "ml-predict.yaml", "pets-3.1.yaml", "pets-swagger2.yaml",
                          "streams-3.2.yaml", "users-v1.yaml", "users-v2.yaml", "widgets/openapi.yaml"]

    /// Every operation of every sample, asked for each status it documents, answers that status with a body its
    /// contract allows (the mock validates its own answers: a lie would be a 500).
    @Test(arguments: samples)
    func everyOperationAnswersEveryDocumentedStatus(_ spec: String) async throws {
        let mock = try MockServer.load(path: sample(spec))
        let schemes = mock.validator.securitySchemes
        var built = 0, asked = 0
        var failures: [String] = []
        try await mock.withRunning { serverURL in
            let root = root(serverURL)
            for route in mock.catalog.routes {
                guard let request = SynthesizedRequest(route.contract, validator: mock.validator, schemes: schemes, seed: 3) else { continue }
                built += 1
                for response in route.contract.responses where response.status != "default" {
                    let code = Int(response.status) ?? (Int(response.status.prefix(1)) ?? 2) * 100
                    asked += 1
                    var headers = request.headers
                    headers["Prefer"] = "code=\(code)"
                    let answer = try await exchange(root, request.method, route.prefix + request.path, headers: headers, body: request.body)
                    if answer.status != code {
                        failures.append("\(route.contract.operationID) asked \(code): \(answer.status) \(answer.text.prefix(300))")
                        continue
                    }
                    if answer.headers[RequestID.headerName] == nil { failures.append("\(route.contract.operationID) \(code): no X-Request-ID") }
                    if !response.content.isEmpty, code != 204, code != 304, answer.body.isEmpty {
                        failures.append("\(route.contract.operationID) \(code): empty body where content is declared")
                    }
                }
            }
        }
        print("mock of \(spec): \(built) of \(mock.catalog.routes.count) operations, \(asked) documented statuses asked")
        #expect(failures.isEmpty, "\(failures)")
        // Most operations get a request built here (the rest need objects in parameters or multipart bodies).
        #expect(Double(built) >= 0.7 * Double(mock.catalog.routes.count), "\(built) of \(mock.catalog.routes.count) operations")
        #expect(asked > 0)
    }

    @Test func unknownPathsWrongMethodsAndMissingCredentialsAnswerInTheEnvelope() async throws {
        let mock = try MockServer.load(path: sample("airline.yaml"))
        #expect(mock.basePath == "/v2")
        try await mock.withRunning { serverURL in
            let missing = try await exchange(root(serverURL), "GET", "/v2/nowhere", headers: ["X-Request-ID": "req-1"])
            #expect(missing.status == 404)
            #expect(missing.json?["error"]?["code"] == "RESOURCE_NOT_FOUND")
            #expect(missing.headers[RequestID.headerName] == "req-1")
            // The paths live under the spec's base path only.
            let unprefixed = try await exchange(root(serverURL), "GET", "/flights?origin=LHR&destination=JFK&departure_date=2026-12-24")
            #expect(unprefixed.status == 404)

            let wrongMethod = try await exchange(root(serverURL), "PUT", "/v2/flights")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow] == "GET")
            #expect(wrongMethod.json?["error"]?["code"] == "METHOD_NOT_ALLOWED")

            let anonymous = try await exchange(root(serverURL), "GET", "/v2/bookings/BK12345678")
            #expect(anonymous.status == 401)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            // Any credential will do: the mock checks presence, not identity.
            let signed = try await exchange(root(serverURL), "GET", "/v2/bookings/BK12345678", headers: ["Authorization": "Bearer anything"])
            #expect(signed.status == 200)
            #expect(signed.json?["booking_id"] != nil)
        }
    }

    @Test func invalidRequestsGetEveryViolationListed() async throws {
        let mock = try MockServer.load(path: sample("airline.yaml"))
        try await mock.withRunning { serverURL in
            let answer = try await exchange(root(serverURL), "GET", "/v2/flights?origin=lhr&passengers=0")
            #expect(answer.status == 400)
            let fields = answer.json?["error"]?["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(Set(fields).isSuperset(of: ["origin", "destination", "departure_date", "passengers"]), "\(fields)")

            let body = try await exchange(root(serverURL), "POST", "/v2/bookings", headers: ["Authorization": "Bearer t", "Content-Type": "application/json",
                                                                                          "Idempotency-Key": UUID().uuidString],
                                          body: Data(#"{"flight_id": 7, "passengers": []}"#.utf8))
            #expect(body.status == 400)
            #expect((body.json?["error"]?["details"]?.arrayValue?.count ?? 0) >= 2, "\(body.text)")
            let unsupported = try await exchange(root(serverURL), "POST", "/v2/bookings", headers: ["Authorization": "Bearer t", "Content-Type": "text/csv",
                                                                                                 "Idempotency-Key": UUID().uuidString], body: Data("a,b".utf8))
            #expect(unsupported.status == 415)
        }
    }

    /// The same seed gives the same answer (in a new process too); another seed or `dynamic` gives others.
    @Test func answersFollowTheSeed() async throws {
        func body(_ options: MockOptions, prefer: String? = nil, times: Int = 1) async throws -> [String] {
            let mock = try MockServer.load(path: sample("airline.yaml"), options: options)
            return try await mock.withRunning { serverURL in
                var bodies: [String] = []
                for _ in 0..<times {
                    let headers = prefer.map { ["Prefer": $0] } ?? [:]
                    bodies.append(try await exchange(root(serverURL), "GET", "/v2/flights?origin=LHR&destination=JFK&departure_date=2026-12-24", headers: headers).text)
                }
                return bodies
            }
        }
        let first = try await body(MockOptions(seed: 5), times: 2)
        let again = try await body(MockOptions(seed: 5))
        let other = try await body(MockOptions(seed: 6))
        #expect(first[0] == first[1])
        #expect(first[0] == again[0])
        #expect(first[0] != other[0])
        let dynamic = try await body(MockOptions(seed: 5, dynamic: true), times: 2)
        #expect(dynamic[0] != dynamic[1])
        let asked = try await body(MockOptions(seed: 5), prefer: "dynamic=true", times: 2)
        #expect(asked[0] != asked[1])
    }

    static let examplesSpec = """
    openapi: 3.1.0
    info: {title: Examples, version: "1"}
    servers: [{url: "https://api.example.com/{version}", variables: {version: {default: v3}}}]
    paths:
      /plans/{id}:
        get:
          operationId: getPlan
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses:
            "200":
              description: A plan
              headers:
                X-Rate-Remaining: {required: true, schema: {type: integer, minimum: 0, maximum: 100}}
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Plan"}
                  examples:
                    broken: {value: {name: "no price"}}
                    basic: {value: {name: "Basic", price: 5}}
                    premium: {value: {name: "Premium", price: 50}}
            "404":
              description: No such plan
              content:
                application/json:
                  schema: {type: object, required: [error], properties: {error: {type: string}}}
      /plans:
        post:
          operationId: createPlan
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/Plan"}
          responses:
            "201": {description: Created}
            "400":
              description: The API's own error body
              content:
                application/json:
                  schema:
                    type: object
                    required: [message, code]
                    additionalProperties: false
                    properties: {message: {type: string}, code: {type: integer, minimum: 400, maximum: 499}}
      /plans/{id}/renewals:
        post:
          operationId: renewPlan
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {type: object, required: [months], properties: {months: {type: integer, minimum: 1}}}
          responses:
            "201": {description: Renewed}
            "422": {description: Invalid renewal}
    components:
      schemas:
        Plan:
          type: object
          required: [name, price]
          properties: {name: {type: string}, price: {type: integer, minimum: 1}}
    """

    @Test func examplesAreServedByNameAndBrokenOnesReported() async throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("openapi.yaml").path
        try Self.examplesSpec.write(toFile: path, atomically: true, encoding: .utf8)
        let mock = try MockServer.load(path: path)
        let warnings = mock.diagnostics.map(\.description)
        #expect(warnings.contains { $0.contains("example 'broken'") && $0.contains("does not serve it") && $0.contains("openapi.yaml:18:") }, "\(warnings)")
        #expect(mock.basePath == "/v3")
        try await mock.withRunning { serverURL in
            #expect(serverURL.path == "/v3")
            let first = try await exchange(root(serverURL), "GET", "/v3/plans/a")
            #expect(first.json == ["name": "Basic", "price": 5])
            #expect(Int(first.headers[HTTPField.Name("X-Rate-Remaining")!] ?? "") != nil)
            let named = try await exchange(root(serverURL), "GET", "/v3/plans/a", headers: ["Prefer": "example=premium"])
            #expect(named.json == ["name": "Premium", "price": 50])
            #expect(named.headers[HTTPField.Name("Preference-Applied")!] == "example=premium")
            let broken = try await exchange(root(serverURL), "GET", "/v3/plans/a", headers: ["Prefer": "example=broken"])
            #expect(broken.json == ["name": "Basic", "price": 5])
            let missing = try await exchange(root(serverURL), "GET", "/v3/plans/a", headers: ["Prefer": "code=404"])
            #expect(missing.status == 404)
            #expect(missing.json?["error"]?.stringValue != nil)
            // A refusal takes the spec's documented error shape, its message naming each violation.
            let refused = try await exchange(root(serverURL), "POST", "/v3/plans", headers: ["Content-Type": "application/json"],
                                             body: Data(#"{"name": 7}"#.utf8))
            #expect(refused.status == 400)
            #expect(refused.json?["code"] == 400, "\(refused.text)")
            let message = refused.json?["message"]?.stringValue ?? ""
            #expect(message.contains("name (body): Must be a string") && message.contains("price (body)"), "\(message)")
            #expect(refused.json?["error"] == nil)
            // Validation errors documented as 422 (and not 400) are refused with 422.
            let unprocessable = try await exchange(root(serverURL), "POST", "/v3/plans/a/renewals", headers: ["Content-Type": "application/json"],
                                                   body: Data(#"{"months": 0}"#.utf8))
            #expect(unprocessable.status == 422)
            #expect(unprocessable.json?["error"]?["code"] == "VALIDATION_ERROR")
            // A status the spec does not document is not invented.
            let undocumented = try await exchange(root(serverURL), "GET", "/v3/plans/a", headers: ["Prefer": "code=503"])
            #expect(undocumented.status == 200)
        }
    }

    /// OpenAPI 3.1 lets an operation document no responses: the contract then constrains none, and the mock answers
    /// 200 without a body instead of refusing its own answer as undeclared (a 500).
    @Test func anOperationWithoutResponsesIsAnsweredNotRefused() async throws {
        try await withMock(of: """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /users:
            get:
              parameters: [{name: limit, in: query, schema: {type: integer}}]
        """) { mock in
            try await mock.withRunning { serverURL in
                let answer = try await exchange(root(serverURL), "GET", "/users")
                #expect(answer.status == 200)
                #expect(answer.text.isEmpty)
                // Requests are still checked.
                #expect(try await exchange(root(serverURL), "GET", "/users?limit=many").status == 400)
            }
        }
    }

    /// Templates that fill part of a segment (`{country}.{format}`, `v{version}`) route like whole-segment ones, as do
    /// paths naming one position differently (a trie router traps on them), and a single-valued query parameter sent twice is refused rather than read as its first value (both found by
    /// schemathesis on vendors' specs, and both the generated servers' behaviour too).
    @Test func partSegmentTemplatesRouteAndRepeatedScalarsAreRefused() async throws {
        try await withMock(of: """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /country/{country}.{format}:
            get:
              parameters:
                - {name: country, in: path, required: true, schema: {type: string, pattern: '^[a-z]{2}$'}}
                - {name: format, in: path, required: true, schema: {type: string, enum: [json, csv]}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, required: [n], properties: {n: {type: integer}}}}}}
          /fees/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /fees/{fee}/refunds/{id}:
            get:
              parameters:
                - {name: fee, in: path, required: true, schema: {type: string, pattern: '^fee_'}}
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses: {'200': {description: ok}}
          /objects/{key}:
            get:
              parameters: [{name: key, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}, additionalProperties: false}}}}}
          /objects/{key}#tagging:
            get:
              parameters: [{name: key, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [tags], properties: {tags: {type: array}}, additionalProperties: false}}}}}
          /numbers/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [uuid], properties: {uuid: {type: string}}, additionalProperties: false}}}}}
          /numbers/{number}:
            get:
              parameters: [{name: number, in: path, required: true, schema: {type: integer}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [n], properties: {n: {type: integer}}, additionalProperties: false}}}}}
          /contacts/{number}:
            get:
              parameters: [{name: number, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [number], properties: {number: {type: string}}, additionalProperties: false}}}}}
          /contacts/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}, additionalProperties: false}}}}}
          /v{version}/items:
            get:
              parameters:
                - {name: version, in: path, required: true, schema: {type: integer}}
                - {name: limit, in: query, schema: {type: integer}}
              responses:
                '200': {description: ok}
        components:
          schemas:
            Id: {type: string, format: uuid}
        """) { mock in try await mock.withRunning { serverURL in
            let base = root(serverURL)
            #expect(try await exchange(base, "GET", "/country/fr.json").status == 200)
            let refused = try await exchange(base, "GET", "/country/fra.xml")
            #expect(refused.status == 400)
            #expect(refused.text.contains(#""field":"country""#) && refused.text.contains(#""field":"format""#), "\(refused.text)")
            #expect(try await exchange(base, "GET", "/country/fr").status == 404)
            // One position, two parameter names (Stripe's `{id}` and `{fee}`): both route, each read by its own name.
            #expect(try await exchange(base, "GET", "/fees/x").status == 200)
            #expect(try await exchange(base, "GET", "/fees/fee_1/refunds/7").status == 200)
            // Paths that differ only in a query written into them (S3's `#tagging`) or in a parameter's name and
            // type (Xero's `{ContactID}` and `{ContactNumber}`) share a route; the request picks the operation.
            #expect(try await exchange(base, "GET", "/objects/k").json?["name"] != nil)
            #expect(try await exchange(base, "GET", "/objects/k?tagging").json?["tags"] != nil)
            #expect(try await exchange(base, "GET", "/numbers/42").json?["n"] != nil)
            #expect(try await exchange(base, "GET", "/numbers/3f2504e0-4f89-41d3-9a0c-0305e82c3301").json?["uuid"] != nil)
            // Written first, the any-string `{number}` would take every request; the narrower `{id}` (a uuid, through
            // a reference) is tried first, so each operation gets its own (Xero's `{ContactNumber}` and `{ContactID}`).
            #expect(try await exchange(base, "GET", "/contacts/3f2504e0-4f89-41d3-9a0c-0305e82c3301").json?["id"] != nil)
            #expect(try await exchange(base, "GET", "/contacts/SB2").json?["number"] != nil)
            let wrongNames = try await exchange(base, "GET", "/fees/x/refunds/seven")
            #expect(wrongNames.text.contains(#""field":"fee""#) && wrongNames.text.contains(#""field":"id""#), "\(wrongNames.text)")
            #expect(try await exchange(base, "GET", "/v2/items?limit=3").status == 200)
            #expect(try await exchange(base, "GET", "/vx/items").status == 400)
            let twice = try await exchange(base, "GET", "/v2/items?limit=3&limit=4")
            #expect(twice.status == 400)
            #expect(twice.text.contains(#""field":"limit""#), "\(twice.text)")
        } }
    }

    @Test func streamsCarryABoundedSequenceOfValidEvents() async throws {
        let mock = try MockServer.load(path: sample("streams-3.2.yaml"), options: MockOptions(streamLength: 4))
        var checked = 0
        try await mock.withRunning { serverURL in
            for route in mock.catalog.routes {
                guard let media = route.contract.responses.first?.content.first, media.coding == .eventStream || media.coding == .jsonLines,
                      let request = SynthesizedRequest(route.contract, validator: mock.validator, schemes: [], seed: 1) else { continue }
                let answer = try await exchange(root(serverURL), request.method, route.prefix + request.path, headers: request.headers, body: request.body)
                #expect(answer.status == 200, "\(route.contract.operationID): \(answer.text)")
                checked += 1
                if media.coding == .eventStream {
                    #expect(answer.text.components(separatedBy: "data:").count - 1 == 4, "\(answer.text)")
                } else {
                    let lines = answer.text.split(separator: "\n")
                    #expect(lines.count == 4)
                    #expect(lines.allSatisfy { (try? JSONParser.parse(Array($0.utf8))) != nil })
                }
            }
        }
        #expect(checked >= 2)
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// The mock of every corpus spec routes every operation: a router that traps on a path shape it dislikes (Stripe's
/// `/v1/application_fees/{id}` beside `/v1/application_fees/{fee}/refunds` once did) would take the process down.
@Suite("generate mock over the corpus", .enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
struct MockCorpusRoutingTests {
    @Test func everyCorpusSpecsMockRegistersItsRoutes() throws {
        let corpus = TestPaths.shared.appendingPathComponent("corpus")
        let manifest = try String(contentsOf: corpus.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        var routed = 0
        for line in manifest.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["file"] as? String,
                  let mock = try? MockServer.load(path: corpus.appendingPathComponent(file).path) else { continue }
            _ = try mock.router()
            routed += mock.catalog.routes.count
        }
        #expect(routed > 4_000)
    }
}
