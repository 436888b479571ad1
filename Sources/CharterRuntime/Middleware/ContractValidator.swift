import HTTPTypes

/// Checks requests and responses against operation contracts. Transport-independent: the middlewares
/// feed it what they read from the wire.
public struct ContractValidator: Sendable {
    public let schemas: SchemaSet
    public let contracts: [String: OperationContract]
    public var options: ValidationOptions
    let validator: Validator
    let decoding: ParameterDecoding
    /// Where filling in defaults can change a request body (`Defaults.reach`), computed once.
    let defaultsReach: [Bool]

    public init(schemas: SchemaSet, contracts: [OperationContract], options: ValidationOptions = ValidationOptions()) {
        self.schemas = schemas
        self.contracts = Dictionary(contracts.map { ($0.operationID, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
        validator = Validator(schemas: schemas)
        decoding = ParameterDecoding(schemas: schemas.schemas)
        defaultsReach = Defaults.reach(schemas.schemas)
    }

    /// The outcome of checking a request.
    public enum RequestOutcome: Sendable {
        /// Valid; `body` is the body to hand on (with defaults applied when that changed it).
        case valid(body: [UInt8]?)
        case rejected(APIError)
    }

    // MARK: Requests

    /// Checks parameters, content negotiation and body; every violation is collected into one 400.
    public func checkRequest(_ request: HTTPRequest, pathParameters: [String: Substring], body: [UInt8]?,
                             contract: OperationContract) -> RequestOutcome {
        checkRequestKeepingTape(request, pathParameters: pathParameters, body: body, contract: contract).outcome
    }

    /// `checkRequest`, also returning the parsed tape of a valid JSON body when it is the body handed on (no
    /// defaults filled in), so the handler decodes the very parse that was validated.
    func checkRequestKeepingTape(_ request: HTTPRequest, pathParameters: [String: Substring], body: [UInt8]?,
                                 contract: OperationContract) -> (outcome: RequestOutcome, tape: JSONTape?) {
        var validatedTape: JSONTape?
        var issues = checkParameters(request, pathParameters: pathParameters, contract: contract)
        var forwardedBody = body
        let hasBody = !(body?.isEmpty ?? true)

        if let accept = request.headerFields[.accept], let rejection = checkAccept(accept, contract: contract) {
            return (.rejected(rejection), nil)
        }
        if let spec = contract.requestBody {
            if !hasBody {
                if spec.required {
                    issues.append(ValidationIssue(field: "", pointer: "", location: .body, constraint: "required", value: nil, message: "Request body is required"))
                }
            } else {
                let contentType = request.headerFields[.contentType]
                let essence = contentType.map { MediaTypes.essence($0[...]) }
                guard let essence, let media = spec.content.first(where: { MediaTypes.matches(essence, range: $0.mediaType[...]) }) else {
                    return (.rejected(.unsupportedMediaType(contentType, supported: spec.content.map(\.mediaType))), nil)
                }
                if MediaTypes.isJSON(essence), let schema = media.schema, let bytes = body {
                    switch checkJSONBody(bytes, schema: schema, direction: .request) {
                    case .failure(let found): issues += found
                    case .success(let tape):
                        if options.applyDefaults, issues.isEmpty, let filled = withDefaults(tape, schema: schema) {
                            forwardedBody = filled
                        } else {
                            validatedTape = tape
                        }
                    }
                }
            }
        }
        return issues.isEmpty ? (.valid(body: forwardedBody), validatedTape) : (.rejected(.validation(issues)), nil)
    }

    func checkAccept(_ accept: String, contract: OperationContract) -> APIError? {
        let available = contract.responses.filter { $0.status.hasPrefix("2") }.flatMap { $0.content.map(\.mediaType) }
        guard !available.isEmpty else { return nil }
        let ranges = MediaTypes.acceptedRanges(accept)
        if ranges.isEmpty { return .notAcceptable(accept, available: available) }
        let ok = available.contains { type in ranges.contains { MediaTypes.matches(type[...], range: $0) || MediaTypes.matches($0, range: type[...]) } }
        return ok ? nil : .notAcceptable(accept, available: available)
    }

    /// Parses and validates a JSON body: the parsed tape, or every issue (a syntax error is one issue with its place).
    func checkJSONBody(_ bytes: [UInt8], schema: SchemaIndex, direction: MessageDirection) -> Result<JSONTape, IssueList> {
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: bytes, limits: options.jsonLimits)
        } catch {
            let issue = ValidationIssue(field: "", pointer: "", location: .body, constraint: "syntax", value: nil,
                                        message: "Invalid JSON at line \(error.line), column \(error.column) (offset \(error.offset)): \(error.message)")
            return .failure(IssueList([issue]))
        }
        let found = validator.validate(tape, against: schema, direction: direction)
        return found.isEmpty ? .success(tape) : .failure(IssueList(found))
    }

    /// The body with `default`s filled in, or nil when none is missing (checked on the tape first).
    func withDefaults(_ tape: JSONTape, schema: SchemaIndex) -> [UInt8]? {
        let defaults = Defaults(schemas: schemas.schemas, reach: defaultsReach)
        guard tape.withView({ defaults.wouldApply($0, 0, schema) }) else { return nil }
        return defaults.apply(tape.value, schema)?.encoded()
    }

    func checkParameters(_ request: HTTPRequest, pathParameters: [String: Substring], contract: OperationContract) -> [ValidationIssue] {
        guard !contract.parameters.isEmpty else { return [] }
        let parameters = RequestParameters(request: request, pathParameters: pathParameters, contract: contract, decoding: decoding)
        var issues: [ValidationIssue] = []
        for p in contract.parameters {
            switch parameters.read(p) {
            case .absent:
                if p.required {
                    issues.append(ValidationIssue(field: p.name, pointer: "", location: p.location, constraint: "required", value: nil,
                                                  message: "Required \(p.location.rawValue) parameter missing"))
                }
            case .value(let value, let raws):
                // `status=` is how form style writes an empty array (validated as one: minItems decides); for
                // other non-string types an empty value is refused unless the spec allows it.
                let types = decoding.expectedTypes(p.schema)
                if raws == [""], p.location == .query, !p.allowEmptyValue, !types.contains(.string), !types.contains(.array) {
                    issues.append(ValidationIssue(field: p.name, pointer: "", location: p.location, constraint: "allowEmptyValue", value: .string(""),
                                                  message: "Must not be empty"))
                } else {
                    issues += validateParameter(value, p)
                }
            }
        }
        return issues
    }

    private func validateParameter(_ value: JSONValue, _ p: ParameterContract) -> [ValidationIssue] {
        guard let schema = p.schema else { return [] }
        return validator.validate(value, against: schema, direction: .request, location: p.location, base: p.name)
    }

    // MARK: Responses

    /// Every way a response breaks its contract: undeclared status, missing or invalid headers, wrong
    /// content type, invalid body.
    public func checkResponse(_ response: HTTPResponse, body: [UInt8]?, contract: OperationContract) -> [ValidationIssue] {
        let status = response.status.code
        guard let declared = contract.response(for: status) else {
            return [ValidationIssue(field: "", pointer: "", location: .body, constraint: "status", value: .number(JSONNumber(status)),
                                    message: "Status \(status) is not declared for \(contract.operationID)")]
        }
        var issues: [ValidationIssue] = []
        for header in declared.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            let values = response.headerFields[values: name]
            if values.isEmpty {
                if header.required {
                    issues.append(ValidationIssue(field: header.name, pointer: "", location: .header, constraint: "required", value: nil,
                                                  message: "Required response header missing"))
                }
                continue
            }
            if let schema = header.schema {
                let p = ParameterContract(name: header.name, location: .header, schema: schema)
                issues += validator.validate(decoding.value(from: [values.joined(separator: ",")], p), against: schema,
                                             direction: .response, location: .header, base: header.name)
            }
        }
        let hasBody = !(body?.isEmpty ?? true)
        if declared.content.isEmpty {
            if hasBody {
                issues.append(ValidationIssue(field: "", pointer: "", location: .body, constraint: "content", value: nil,
                                              message: "Status \(status) declares no body, but one was sent"))
            }
            return issues
        }
        guard hasBody, let bytes = body else { return issues }
        let contentType = response.headerFields[.contentType]
        guard let essence = contentType.map({ MediaTypes.essence($0[...]) }),
              let media = declared.content.first(where: { MediaTypes.matches(essence, range: $0.mediaType[...]) })
        else {
            issues.append(ValidationIssue(field: "", pointer: "", location: .header, constraint: "contentType", value: contentType.map { .string($0) },
                                          message: "Content-Type must be one of: \(declared.content.map(\.mediaType).joined(separator: ", "))"))
            return issues
        }
        if MediaTypes.isJSON(essence), let schema = media.schema, case .failure(let found) = checkJSONBody(bytes, schema: schema, direction: .response) {
            issues += found.issues
        }
        return issues
    }
}

/// Issues as an `Error` (for `Result`).
struct IssueList: Error {
    var issues: [ValidationIssue]
    init(_ issues: [ValidationIssue]) { self.issues = issues }
}

extension Array where Element == ValidationIssue {
    static func += (lhs: inout [ValidationIssue], rhs: IssueList) { lhs += rhs.issues }
}

extension HTTPRequest {
    /// The query string (after `?`, before `#`).
    var queryString: Substring? {
        // On UTF-8: searching the `Character` view walked grapheme clusters, a sixth of a validated GET.
        guard let path else { return nil }
        let utf8 = path.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        guard let q = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) else { return nil }
        return Substring(utf8[utf8.index(after: q)..<end])
    }
}
