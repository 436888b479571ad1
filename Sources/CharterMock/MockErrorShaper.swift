import CharterRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Refusals in the spec's own error shape. The mock refuses a bad request with Charter's envelope (`{"error":
/// {"code", "message", "details"}}`); where the spec documents that status with a JSON schema the envelope does not
/// satisfy (Stripe's `{"error": {"type", "message"}}`, a `{"message", "code": 400}` default), the answer would break
/// the contract the mock stands for. The body is then made from the documented schema instead — synthesised, then
/// the refusal's message (naming each violation), code and request id written into the properties that take them.
/// A 400 becomes a 422 where the spec documents 422 and not 400 (frameworks that answer validation errors so).
struct MockErrorShaper: ServerMiddleware {
    let contracts: [String: OperationContract]
    let validator: Validator
    let values: MockValues
    let seed: UInt64

    /// Property names that carry the message, the code and the request id, in vendors' specs.
    static let messageNames: Set<String> = ["message", "detail", "details", "error_description", "errormessage", "description", "title", "error", "reason"]
    static let codeNames: Set<String> = ["code", "error_code", "errorcode", "type", "status"]
    static let requestIDNames: Set<String> = ["request_id", "requestid", "trace_id", "traceid", "correlation_id", "correlationid"]

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        guard response.status.code >= 400, let contract = contracts[operationID] else { return (response, responseBody) }
        // A spec that documents its validation errors as 422 (and no 400) gets its invalid requests refused with 422.
        if response.status.code == 400, contract.response(for: 400) == nil, contract.response(for: 422) != nil {
            response.status = .init(code: 422)
        }
        guard let documented = contract.response(for: response.status.code),
              let media = documented.content.first(where: { $0.coding == .json }), let schema = media.schema,
              let responseBody, case .known(let length) = responseBody.length, length <= 1 << 20,
              response.headerFields[.contentType].map({ MediaTypes.isJSON($0[...]) }) == true else { return (response, responseBody) }
        let bytes = try await [UInt8](collecting: responseBody, upTo: 1 << 20)
        guard let sent = try? JSONParser.parse(bytes) else { return (response, HTTPBody(bytes)) }
        if validator.validate(sent, against: schema, direction: .response).isEmpty { return (response, HTTPBody(bytes)) }
        // An answer the responder made is valid already; what fails here is a refusal in Charter's envelope.
        guard let envelope = sent["error"], case .string(let code)? = envelope["code"],
              var shaped = try? values.value(for: schema, seed: seed, what: "error body") else { return (response, HTTPBody(bytes)) }
        let message = Self.message(envelope)
        let requestID = response.headerFields[RequestID.headerName] ?? ""
        let status = JSONValue.number(JSONNumber(Int64(response.status.code)))
        shaped = overlay(shaped, schema: schema) { name -> [JSONValue] in
            let key = name.lowercased()
            if Self.messageNames.contains(key) { return [.string(message)] }
            // A code property is the refusal's code where it takes text, else the HTTP status where it takes a number.
            if Self.codeNames.contains(key) { return [.string(code), status] }
            if Self.requestIDNames.contains(key), !requestID.isEmpty { return [.string(requestID)] }
            return []
        }
        var head = response
        let out = shaped.encoded()
        head.headerFields[.contentType] = media.mediaType.contains("*") ? "application/json" : media.mediaType
        head.headerFields[.contentLength] = String(out.count)
        return (head, HTTPBody(out))
    }

    /// The refusal's message followed by each violation (`origin (query): Required query parameter missing`).
    static func message(_ envelope: JSONValue) -> String {
        var text: String = if case .string(let m)? = envelope["message"] { m } else { "Request refused" }
        if case .array(let details)? = envelope["details"], !details.isEmpty {
            let named = details.prefix(10).map { detail -> String in
                let field = if case .string(let f)? = detail["field"], !f.isEmpty { f } else { "body" }
                let place = if case .string(let l)? = detail["in"] { " (\(l))" } else { "" }
                let why = if case .string(let m)? = detail["message"] { m } else { "invalid" }
                return "\(field)\(place): \(why)"
            }
            text += ": " + named.joined(separator: "; ") + (details.count > 10 ? "; and \(details.count - 10) more" : "")
        }
        return text
    }

    /// `value` with the properties `replacements` names set — at the top level and one object down (vendors nest the
    /// message under `error`) — each to the first candidate with which the whole still satisfies the schema.
    func overlay(_ value: JSONValue, schema: SchemaIndex, replacements: (String) -> [JSONValue]) -> JSONValue {
        guard case .object(var object) = value else { return value }
        func valid(_ candidate: JSONObject) -> Bool { validator.validate(.object(candidate), against: schema, direction: .response).isEmpty }
        for (key, current) in object.entries {
            let candidates = replacements(key)
            if !candidates.isEmpty {
                for new in candidates {
                    var trial = object
                    trial[key] = new
                    if valid(trial) { object = trial; break }
                }
            } else if case .object(var inner) = current {
                for (innerKey, _) in inner.entries {
                    for new in replacements(innerKey) {
                        var trialInner = inner
                        trialInner[innerKey] = new
                        var trial = object
                        trial[key] = .object(trialInner)
                        if valid(trial) {
                            inner = trialInner
                            object = trial
                            break
                        }
                    }
                }
            }
        }
        return .object(object)
    }
}
