import CharterRuntime
import HTTPTypes

/// A request or response written as JSON, for checking fixtures and examples without a server:
/// `{"method": "POST", "path": "/models/m1/predict?x=1", "headers": {"Content-Type": "application/json"}, "body": {…}}`
/// and `{"status": 200, "headers": {…}, "body": {…}}`. `body` is any JSON value (sent as its encoding);
/// `body_text` gives a raw body instead.
public struct EnvelopeError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The outcome of checking an envelope: the status and code a server would answer with, and the issues.
public struct EnvelopeCheck: Sendable {
    /// The status the refusal was answered with; nil for a passing message.
    public var status: Int?
    /// The error code (`VALIDATION_ERROR`, `PAYLOAD_TOO_LARGE`…); nil when the message passed.
    public var code: String?
    /// Every violation found.
    public var issues: [ValidationIssue]
    /// Whether the message passed.
    public var isValid: Bool { code == nil && issues.isEmpty }

    /// A result.
    public init(status: Int?, code: String?, issues: [ValidationIssue]) {
        self.status = status
        self.code = code
        self.issues = issues
    }

    /// `{"valid": …, "status": …, "code": …, "errors": [...]}`.
    public var json: JSONValue {
        var object = JSONObject([("valid", .bool(isValid))])
        if let status { object.entries.append(("status", .number(JSONNumber(status)))) }
        if let code { object.entries.append(("code", .string(code))) }
        object.entries.append(("errors", .array(issues.map(\.json))))
        return .object(object)
    }
}

extension SpecValidator {
    /// Checks a request envelope against operation `operationID` as the server middleware would.
    public func check(request envelope: JSONValue, operationID: String, options: ValidationOptions = ValidationOptions()) throws(EnvelopeError) -> EnvelopeCheck {
        let validator = contractValidator(options: options)
        guard let contract = validator.contracts[operationID] else { throw EnvelopeError(description: "no operation '\(operationID)' in the spec") }
        // A webhook or callback is sent to whatever URL its receiver gave: its path is not the spec's to check.
        guard let path = envelope["path"]?.stringValue ?? (contract.sentByAPI ? "/" : nil) else {
            throw EnvelopeError(description: "the request envelope needs a \"path\"")
        }
        let method = HTTPRequest.Method(envelope["method"]?.stringValue ?? contract.method) ?? .get
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        let body = try Self.body(of: envelope)
        request.headerFields = try Self.headers(of: envelope, defaultContentType: body == nil ? nil : "application/json")
        guard let parameters = contract.sentByAPI ? [:] : PathTemplate.match(contract.path, requestPath: path) else {
            throw EnvelopeError(description: "path '\(path)' does not match the operation's template '\(contract.path)'")
        }
        switch validator.checkRequest(request, pathParameters: parameters, body: body, contract: contract) {
        case .valid: return EnvelopeCheck(status: nil, code: nil, issues: [])
        case .rejected(let error): return EnvelopeCheck(status: error.status, code: error.code, issues: error.details)
        }
    }

    /// Checks a response envelope against operation `operationID`.
    public func check(response envelope: JSONValue, operationID: String) throws(EnvelopeError) -> EnvelopeCheck {
        let validator = contractValidator()
        guard let contract = validator.contracts[operationID] else { throw EnvelopeError(description: "no operation '\(operationID)' in the spec") }
        guard case .number(let n)? = envelope["status"], let status = n.integer, status >= 100, status <= 599 else {
            throw EnvelopeError(description: "the response envelope needs a numeric \"status\"")
        }
        var response = HTTPResponse(status: .init(code: Int(status)))
        let body = try Self.body(of: envelope)
        response.headerFields = try Self.headers(of: envelope, defaultContentType: body == nil ? nil : "application/json")
        let issues = validator.checkResponse(response, body: body, contract: contract)
        return EnvelopeCheck(status: nil, code: issues.isEmpty ? nil : "RESPONSE_VALIDATION_ERROR", issues: issues)
    }

    private static func body(of envelope: JSONValue) throws(EnvelopeError) -> [UInt8]? {
        if let text = envelope["body_text"] {
            guard let s = text.stringValue else { throw EnvelopeError(description: "\"body_text\" must be a string") }
            return Array(s.utf8)
        }
        return envelope["body"].map { $0.encoded() }
    }

    private static func headers(of envelope: JSONValue, defaultContentType: String?) throws(EnvelopeError) -> HTTPFields {
        var fields = HTTPFields()
        if case .object(let object)? = envelope["headers"] {
            for (name, value) in object {
                guard let fieldName = HTTPField.Name(name) else { throw EnvelopeError(description: "invalid header name '\(name)'") }
                switch value {
                case .string(let s): fields.append(HTTPField(name: fieldName, value: s))
                case .array(let values): for v in values { fields.append(HTTPField(name: fieldName, value: Messages.plain(v))) }
                default: fields.append(HTTPField(name: fieldName, value: Messages.plain(value)))
                }
            }
        }
        if fields[.contentType] == nil, let defaultContentType { fields[.contentType] = defaultContentType }
        return fields
    }
}

enum Messages {
    static func plain(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return value.jsonText
    }
}
