import HTTPTypes

/// The error an API answers with: a status, a stable code, a message, and every violation found.
public struct APIError: Error, Sendable {
    /// The HTTP status sent.
    public var status: Int
    /// Stable, machine-readable: `VALIDATION_ERROR`, `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`, …
    public var code: String
    /// A sentence for a person.
    public var message: String
    /// Every violation, each with its field, pointer and constraint.
    public var details: [ValidationIssue]
    /// Header fields sent with the error: `WWW-Authenticate` on a 401, `Retry-After` on a 429 or 503, `Allow`…
    public var headers: HTTPFields

    /// An error answered with `status`.
    public init(status: Int, code: String, message: String, details: [ValidationIssue] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    /// 400 `VALIDATION_ERROR` listing `issues`.
    public static func validation(_ issues: [ValidationIssue]) -> APIError {
        APIError(status: 400, code: "VALIDATION_ERROR", message: "Request validation failed", details: issues)
    }

    /// 413: the body exceeds `limit` bytes.
    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "PAYLOAD_TOO_LARGE", message: "Request body is larger than the \(ByteCountText.describe(limit)) limit")
    }

    /// 415: `received` is none of the `supported` media types.
    public static func unsupportedMediaType(_ received: String?, supported: [String]) -> APIError {
        let got = received.map { "Content-Type '\($0)' is not supported" } ?? "Content-Type header is required"
        return APIError(status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "\(got); send one of: \(supported.joined(separator: ", "))")
    }

    /// 406: no `available` media type satisfies `accept`.
    public static func notAcceptable(_ accept: String, available: [String]) -> APIError {
        APIError(status: 406, code: "NOT_ACCEPTABLE", message: "No response matches Accept '\(accept)'; available: \(available.joined(separator: ", "))")
    }

    /// 500: the server's own response broke the contract (the issues are logged, not sent).
    public static func responseValidation(_ issues: [ValidationIssue]) -> APIError {
        APIError(status: 500, code: "RESPONSE_VALIDATION_ERROR", message: "Response validation failed", details: issues)
    }

    /// 404: no operation serves `path`.
    public static func notFound(path: String) -> APIError {
        APIError(status: 404, code: "RESOURCE_NOT_FOUND", message: "No resource at '\(path)'")
    }

    /// 405: the path exists but not for `method`; `allowed` goes into `Allow`.
    public static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(status: 405, code: "METHOD_NOT_ALLOWED", message: "\(method) is not allowed here; use one of: \(allowed.joined(separator: ", "))")
    }
}

/// The shape of error bodies.
public enum ErrorFormat: Sendable {
    /// `{"error": {"code", "message", "request_id", "details": [...]}}` as `application/json`.
    case charter
    /// RFC 9457 problem details as `application/problem+json` (`type`, `title`, `status`, `detail`,
    /// `instance`, `errors` with `pointer`).
    case problemDetails
}

extension APIError {
    /// The error body as JSON.
    public func body(format: ErrorFormat, requestID: String?, instance: String?) -> JSONValue {
        switch format {
        case .charter:
            var error = JSONObject([("code", .string(code)), ("message", .string(message))])
            if let requestID { error.entries.append(("request_id", .string(requestID))) }
            if !details.isEmpty || code.hasSuffix("VALIDATION_ERROR") { error.entries.append(("details", .array(details.map(\.json)))) }
            return .object(JSONObject([("error", .object(error))]))
        case .problemDetails:
            var problem = JSONObject([
                ("type", .string("urn:problem-type:charter:" + code.lowercased().replacingUnderscores())),
                ("title", .string(message)),
                ("status", .number(JSONNumber(status))),
                ("detail", .string(details.isEmpty ? message : "\(details.count) violation\(details.count == 1 ? "" : "s"): " + details.prefix(3).map { "\($0.field.isEmpty ? $0.location.rawValue : $0.field): \($0.message)" }.joined(separator: "; "))),
            ])
            if let instance { problem.entries.append(("instance", .string(instance))) }
            problem.entries.append(("code", .string(code)))
            if let requestID { problem.entries.append(("request_id", .string(requestID))) }
            if !details.isEmpty {
                problem.entries.append(("errors", .array(details.map { issue in
                    var item = JSONObject([("pointer", .string(issue.pointer)), ("detail", .string(issue.message)),
                                           ("field", .string(issue.field)), ("in", .string(issue.location.rawValue)),
                                           ("constraint", .string(issue.constraint))])
                    if let v = issue.value { item.entries.append(("value", v)) }
                    return .object(item)
                })))
            }
            return .object(problem)
        }
    }

    /// The `instance` an error about `request` names: its path without the query.
    static func instance(of request: HTTPRequest) -> String? { request.path.map { String($0.prefix { $0 != "?" }) } }

    /// The HTTP response head and body bytes for this error.
    public func response(format: ErrorFormat, requestID: String?, instance: String?) -> (HTTPResponse, [UInt8]) {
        let bytes = body(format: format, requestID: requestID, instance: instance).encoded()
        var response = HTTPResponse(status: .init(code: status), headerFields: headers)
        response.headerFields[.contentType] = format == .charter ? "application/json" : "application/problem+json"
        response.headerFields[.contentLength] = String(bytes.count)
        if let requestID, let name = HTTPField.Name("X-Request-ID") { response.headerFields[name] = requestID }
        return (response, bytes)
    }
}

enum ByteCountText {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes)-byte"
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
