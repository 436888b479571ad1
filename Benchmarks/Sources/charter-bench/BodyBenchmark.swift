import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import HTTPTypes

// Bodies that are not JSON, in process: a url-encoded form parsed and validated against the same data as JSON
// (the same schema), and server-sent events framed, parsed and validated per second against a hand-written
// reader (split lines, JSONSerialization per event, no validation), both measured in the same run.

let bodyBenchSpec = """
openapi: 3.1.0
info: {title: bodies, version: '1'}
paths:
  /customers:
    post:
      operationId: createCustomer
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/Customer'}}
          application/x-www-form-urlencoded:
            schema: {$ref: '#/components/schemas/Customer'}
            encoding:
              metadata: {style: deepObject, explode: true}
              expand: {style: deepObject, explode: true}
              address: {style: deepObject, explode: true}
      responses:
        '200':
          description: ok
          content:
            text/event-stream: {schema: {$ref: '#/components/schemas/Event'}}
            application/jsonl: {schema: {$ref: '#/components/schemas/Event'}}
components:
  schemas:
    Customer:
      type: object
      additionalProperties: false
      required: [email]
      properties:
        email: {type: string, maxLength: 512}
        name: {type: string, maxLength: 256}
        description: {type: string, maxLength: 5000}
        balance: {type: integer}
        tax_exempt: {type: string, enum: [none, exempt, reverse]}
        metadata: {type: object, maxProperties: 50, additionalProperties: {type: string, maxLength: 500}}
        expand: {type: array, items: {type: string, maxLength: 5000}}
        preferred_locales: {type: array, items: {type: string, maxLength: 10}}
        address:
          type: object
          properties:
            city: {type: string, maxLength: 200}
            country: {type: string, maxLength: 2}
            line1: {type: string, maxLength: 200}
            postal_code: {type: string, maxLength: 20}
    Event:
      type: object
      required: [type, document_id, sequence, at]
      properties:
        type: {type: string, enum: [created, replaced, noted]}
        document_id: {type: string, pattern: '^DOC[0-9]{6}$'}
        sequence: {type: integer, minimum: 1}
        at: {type: string, format: date-time}
"""

let customerJSON = #"""
{"email": "ada@example.com", "name": "Ada Lovelace", "description": "First programmer", "balance": -1250, "tax_exempt": "none",
 "metadata": {"order_id": "6735", "source": "web", "campaign": "winter", "tier": "gold", "ref": "a1b2c3"},
 "expand": ["default_source", "invoice_settings.default_payment_method"], "preferred_locales": ["en", "fr"],
 "address": {"city": "London", "country": "GB", "line1": "12 St James's Square", "postal_code": "SW1Y 4JH"}}
"""#

let customerForm = "email=ada%40example.com&name=Ada+Lovelace&description=First+programmer&balance=-1250&tax_exempt=none"
    + "&metadata%5Border_id%5D=6735&metadata%5Bsource%5D=web&metadata%5Bcampaign%5D=winter&metadata%5Btier%5D=gold&metadata%5Bref%5D=a1b2c3"
    + "&expand%5B0%5D=default_source&expand%5B1%5D=invoice_settings.default_payment_method&preferred_locales=en&preferred_locales=fr"
    + "&address%5Bcity%5D=London&address%5Bcountry%5D=GB&address%5Bline1%5D=12+St+James%27s+Square&address%5Bpostal_code%5D=SW1Y+4JH"

/// The bench spec's validator and its one operation.
func bodyBenchContract() -> (ContractValidator, OperationContract) {
    let result = SpecLoader().load(bytes: Array(bodyBenchSpec.utf8), path: "bodies.yaml")
    guard let document = result.document else { fatalError("bench spec: \(result.diagnostics)") } // driver only
    let spec = SpecValidator(document: document)
    guard let contract = spec.contracts.first else { fatalError("no contract") } // driver only
    return (spec.contractValidator(options: ValidationOptions(responseValidation: .enforce, applyDefaults: false)), contract)
}

/// `--profile-form N`: the customer form read and checked N times, nothing printed (for callgrind).
func profileForm(_ n: Int) {
    let (validator, contract) = bodyBenchContract()
    var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/customers")
    request.headerFields[.contentType] = "application/x-www-form-urlencoded"
    let form = Array(customerForm.utf8)
    for _ in 0..<n { _ = validator.checkRequest(request, pathParameters: [:], body: form, contract: contract) }
}

func runBodyBenchmarks() {
    let (validator, contract) = bodyBenchContract()

    func request(_ type: String) -> HTTPRequest {
        var r = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/customers")
        r.headerFields[.contentType] = type
        return r
    }
    let json = Array(customerJSON.utf8), form = Array(customerForm.utf8)
    let jsonRequest = request("application/json"), formRequest = request("application/x-www-form-urlencoded")
    // Both must be valid, or the figures time a rejection.
    for (r, b) in [(jsonRequest, json), (formRequest, form)] {
        guard case .valid = validator.checkRequest(r, pathParameters: [:], body: b, contract: contract) else { fatalError("fixture refused") }
    }
    var jsonTime = Double.infinity, formTime = Double.infinity
    for _ in 0..<3 {
        jsonTime = min(jsonTime, nanosecondsPerCall(iterations: 100_000) { _ = validator.checkRequest(jsonRequest, pathParameters: [:], body: json, contract: contract) })
        formTime = min(formTime, nanosecondsPerCall(iterations: 100_000) { _ = validator.checkRequest(formRequest, pathParameters: [:], body: form, contract: contract) })
    }
    let f = { (ns: Double) in String(format: "%.2f µs", ns / 1000) }
    print("| one customer (same data, same schema) | bytes | parse + validate | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print("| JSON | \(json.count) | \(f(jsonTime)) | 1.00× |")
    print("| url-encoded form (bracketed metadata, expand, address) | \(form.count) | \(f(formTime)) | \(String(format: "%.2f×", formTime / jsonTime)) |")
    print("")

    // Events: 20 000 document events as SSE and as JSON Lines, checked whole through the response check.
    let count = 20_000
    let payloads = (1...count).map { i in
        #"{"type":"created","document_id":"DOC\#(String(format: "%06d", i % 1_000_000))","sequence":\#(i),"at":"2026-12-02T08:00:00Z"}"#
    }
    let sse = Array(payloads.enumerated().map { "event: created\nid: \($0.offset + 1)\ndata: \($0.element)\n\n" }.joined().utf8)
    let lines = Array((payloads.joined(separator: "\n") + "\n").utf8)
    func response(_ type: String) -> HTTPResponse {
        var r = HTTPResponse(status: .ok)
        r.headerFields[.contentType] = type
        return r
    }
    let sseResponse = response("text/event-stream"), linesResponse = response("application/jsonl")
    guard validator.checkResponse(sseResponse, body: sse, contract: contract).isEmpty,
          validator.checkResponse(linesResponse, body: lines, contract: contract).isEmpty else { fatalError("fixture events refused") }
    /// A hand-written reader: lines split, `data:` taken, each parsed by JSONSerialization, nothing checked.
    func handWritten() -> Int {
        var parsed = 0
        for line in sse.split(separator: UInt8(ascii: "\n")) where line.starts(with: Array("data: ".utf8)) {
            if (try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6)))) != nil { parsed += 1 }
        }
        return parsed
    }
    guard handWritten() == count else { fatalError("hand-written reader miscounted") }
    func seconds(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
    let hand = seconds { _ = handWritten() }
    let checkedSSE = seconds { _ = validator.checkResponse(sseResponse, body: sse, contract: contract) }
    let checkedLines = seconds { _ = validator.checkResponse(linesResponse, body: lines, contract: contract) }
    let rate = { (s: Double) in String(format: "%.0f k/s", Double(count) / s / 1000) }
    print("| \(count) events (\(sse.count / count) bytes each as SSE) | events per second | ratio to the hand-written reader |")
    print("| --- | ---: | ---: |")
    print("| hand-written: split lines, JSONSerialization per event, nothing checked | \(rate(hand)) | 1.00× |")
    print("| Charter: SSE framed (WHATWG rules), data parsed, validated against the schema | \(rate(checkedSSE)) | \(String(format: "%.2f×", hand / checkedSSE)) |")
    print("| Charter: the same items as JSON Lines, parsed and validated | \(rate(checkedLines)) | \(String(format: "%.2f×", hand / checkedLines)) |")
    print("")
    print("Best of 3 × 100 000 calls (forms) and 5 passes (events); release build. A ratio above 1× is faster than the baseline.")
}
