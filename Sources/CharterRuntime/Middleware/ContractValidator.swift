import HTTPTypes
import Logging

/// Checks requests and responses against operation contracts. Transport-independent: the middlewares
/// feed it what they read from the wire.
public struct ContractValidator: Sendable {
    /// The compiled schemas the contracts index into.
    public let schemas: SchemaSet
    /// Contracts by operation ID.
    public let contracts: [String: OperationContract]
    /// Limits, response checking and the error format.
    public var options: ValidationOptions
    let validator: Validator
    let decoding: ParameterDecoding
    /// Where filling in defaults can change a request body (`Defaults.reach`), computed once.
    let defaultsReach: Defaults.Reach

    /// A validator for `contracts`, whose schema indices point into `schemas`.
    public init(schemas: SchemaSet, contracts: [OperationContract], options: ValidationOptions = ValidationOptions()) {
        self.schemas = schemas
        self.contracts = Dictionary(contracts.map { ($0.operationID, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
        validator = Validator(schemas: schemas)
        decoding = ParameterDecoding(schemas: schemas.schemas, tabulated: true)
        defaultsReach = Defaults.reach(schemas.schemas)
    }

    /// The outcome of checking a request.
    public enum RequestOutcome: Sendable {
        /// Valid; `body` is the body to hand on (with defaults applied when that changed it).
        case valid(body: [UInt8]?)
        case rejected(APIError)
    }

    // MARK: Requests

    /// Checks parameters, content negotiation and a body already in memory; every violation is collected into one 400.
    public func checkRequest(_ request: HTTPRequest, pathParameters: [String: Substring], body: [UInt8]?,
                             contract: OperationContract) -> RequestOutcome {
        if let accept = request.headerFields.value(.accept), let rejection = checkAccept(accept, contract: contract) {
            return .rejected(rejection)
        }
        var issues = checkParameters(request, pathParameters: pathParameters, contract: contract)
        var forwarded = body
        switch requestMedia(request, body: body, contract: contract) {
        case .failure(let error):
            return .rejected(error)
        case .success(.none):
            if contract.requestBody?.required == true { issues.append(Self.bodyRequired) }
        case .success(.some(let media)):
            let reader = BodyParty(isServer: true, contract: contract, validate: true, enforce: true, logger: Self.silent)
            let limit = contract.maxBodySize ?? options.maxBodySize
            switch receive(body ?? [], contentType: request.headerFields.value(.contentType), media: media, limit: limit, reader: reader) {
            case .failure(let error): return .rejected(error)
            case .success(let reception):
                issues += reception.issues
                // JSON bodies hand on the bytes that were checked (defaults filled in, when they were).
                if case .json(let tape) = reception.body.content { forwarded = tape.bytes }
            }
        }
        return issues.isEmpty ? .valid(body: forwarded) : .rejected(.validation(issues))
    }

    /// The declared media type a request's body is read as: nil when it has none (an empty JSON body is none; an
    /// empty file or form is empty content); a 415 when its Content-Type is missing or not declared.
    func requestMedia(_ request: HTTPRequest, body: [UInt8]?, contract: OperationContract) -> Result<MediaTypeContract?, APIError> {
        // A body nobody declared is not read; validation does not refuse what the spec does not mention.
        guard let spec = contract.requestBody, let body else { return .success(nil) }
        let contentType = request.headerFields.value(.contentType)
        if body.isEmpty && contentType == nil { return .success(nil) }
        guard let contentType, let media = spec.content.declared(contentType) else {
            return .failure(.unsupportedMediaType(contentType, supported: spec.content.map(\.mediaType)))
        }
        return .success(body.isEmpty && media.coding == .json ? nil : media)
    }

    static let bodyRequired = ValidationIssue(field: "", pointer: "", location: .body, constraint: "required", value: nil, message: "Request body is required")
    static let silent = Logger(label: "charter.silent", factory: { _ in SwiftLogNoOpLogHandler() })

    func checkAccept(_ accept: String, contract: OperationContract) -> APIError? {
        let available = contract.responses.filter { $0.status.hasPrefix("2") }.flatMap { $0.content.map(\.mediaType) }
        guard !available.isEmpty else { return nil }
        let ranges = MediaTypes.acceptedRanges(accept)
        if ranges.isEmpty { return .notAcceptable(accept, available: available) }
        let ok = available.contains { type in ranges.contains { MediaTypes.matches(type[...], range: $0) || MediaTypes.matches($0, range: type[...]) } }
        return ok ? nil : .notAcceptable(accept, available: available)
    }

    /// The body with `default`s filled in, or nil when none is missing (checked on the tape first).
    func withDefaults(_ tape: JSONTape, schema: SchemaIndex) -> [UInt8]? {
        let defaults = Defaults(schemas: schemas.schemas, reach: defaultsReach)
        guard tape.withView({ defaults.wouldApply($0, 0, schema) }) else { return nil }
        return defaults.apply(tape.value, schema)?.encoded()
    }

    func checkParameters(_ request: HTTPRequest, pathParameters: [String: Substring], contract: OperationContract) -> [ValidationIssue] {
        guard !contract.parameters.isEmpty else { return [] }
        return checkParameters(RequestParameters(request: request, pathParameters: pathParameters, contract: contract, decoding: decoding), contract: contract)
    }

    /// The problems of parameters already read (a served request reads them once, for this and for its handler).
    func checkParameters(_ parameters: RequestParameters, contract: OperationContract) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var run = validator.valueRun(direction: .request)
        defer { run.release() }
        // By index: the contracts and what was found are two arrays in step.
        contract.parameters.withUnsafeBufferPointer { contracts in
            for i in 0..<min(contracts.count, parameters.found.count) {
                check(contracts[i], parameters.found[i], run: &run, into: &issues)
            }
        }
        return issues
    }

    private func check(_ p: borrowing ParameterContract, _ found: RequestParameters.Found, run: inout ValidationRun<ValueDocument>,
                       into issues: inout [ValidationIssue]) {
        switch found {
        case .absent:
            if p.required {
                issues.append(ValidationIssue(field: p.name, pointer: "", location: p.location, constraint: "required", value: nil,
                                              message: "Required \(p.location.rawValue) parameter missing"))
            }
        case .value(let value, let empty):
            // `status=` is how form style writes an empty array (validated as one: minItems decides); for
            // other non-string types an empty value is refused unless the spec allows it.
            // `allowEmptyValue` says the empty value is acceptable as it is (present, with no value): the schema
            // describes the non-empty ones (Canada Holidays' `federal=` with an enum of '1', '0', 'true', 'false').
            let types = decoding.expectedTypes(p.schema)
            if empty, p.location == .query, p.allowEmptyValue { return }
            if empty, p.location == .query, !types.contains(.string), !types.contains(.array) {
                issues.append(ValidationIssue(field: p.name, pointer: "", location: p.location, constraint: "allowEmptyValue", value: .string(""),
                                              message: "Must not be empty"))
            } else if let schema = p.schema {
                // A querystring parameter's members are the query's own fields: issues name them as the URL does.
                issues += run.issues(of: value, against: schema, location: p.location, base: p.location == .querystring ? "" : p.name)
            }
        }
    }

    // MARK: Responses

    /// Every way a response breaks its contract: undeclared status, missing or invalid headers, wrong
    /// content type, invalid body (held in memory).
    public func checkResponse(_ response: HTTPResponse, body: [UInt8]?, contract: OperationContract) -> [ValidationIssue] {
        let hasBody = !(body?.isEmpty ?? true)
        var (issues, media) = checkResponseHead(response, hasBody: hasBody, contract: contract)
        if let media, hasBody, !media.coding.isSequential, media.coding != .binary {
            let reader = BodyParty(isServer: false, contract: contract, statusCode: response.status.code,
                                    validate: true, enforce: true, logger: Self.silent)
            if case .success(let reception) = receive(body ?? [], contentType: response.headerFields.value(.contentType), media: media, limit: .max, reader: reader) {
                issues += reception.issues
            }
        } else if let media, hasBody, media.coding.isSequential, let check = itemCheck(media, reader: BodyParty(
            isServer: false, contract: contract, statusCode: response.status.code, validate: true, enforce: true, logger: Self.silent)) {
            issues += Self.itemIssues(body ?? [], check: check)
        }
        return issues
    }

    /// Status, headers and content type of a response; the declared media type its body is read as (nil when its
    /// status declares no content, or its Content-Type is not declared — an issue then).
    func checkResponseHead(_ response: HTTPResponse, hasBody: Bool, contract: OperationContract) -> (issues: [ValidationIssue], media: MediaTypeContract?) {
        let status = response.status.code
        // An operation that documents no responses (3.1 makes `responses` optional) constrains none.
        if contract.responses.isEmpty { return ([], nil) }
        guard let declared = contract.response(for: status) else {
            return ([ValidationIssue(field: "", pointer: "", location: .body, constraint: "status", value: .number(JSONNumber(status)),
                                     message: "Status \(status) is not declared for \(contract.operationID)")], nil)
        }
        var issues: [ValidationIssue] = []
        for header in declared.headers {
            guard let name = header.parameter.headerField else { continue }
            let values = response.headerFields[values: name]
            if values.isEmpty {
                if header.required {
                    issues.append(ValidationIssue(field: header.name, pointer: "", location: .header, constraint: "required", value: nil,
                                                  message: "Required response header missing"))
                }
                continue
            }
            if let schema = header.schema {
                // Repeated fields are one comma-separated value (RFC 9110 §5.3); most responses send one.
                let value = values.count == 1 ? values[0] : values.joined(separator: ",")
                issues += validator.validate(decoding.value(from: [value], header.parameter), against: schema,
                                             direction: .response, location: .header, base: header.name)
            }
        }
        if declared.content.isEmpty {
            if hasBody {
                issues.append(ValidationIssue(field: "", pointer: "", location: .body, constraint: "content", value: nil,
                                              message: "Status \(status) declares no body, but one was sent"))
            }
            return (issues, nil)
        }
        guard hasBody else { return (issues, nil) }
        let contentType = response.headerFields.value(.contentType)
        guard let contentType, let media = declared.content.declared(contentType) else {
            issues.append(ValidationIssue(field: "", pointer: "", location: .header, constraint: "contentType", value: contentType.map { .string($0) },
                                          message: "Content-Type must be one of: \(declared.content.map(\.mediaType).joined(separator: ", "))"))
            return (issues, nil)
        }
        return (issues, media)
    }

    /// Every violation among the items of a whole stream held in memory.
    static func itemIssues(_ bytes: [UInt8], check: ItemCheck) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var items: [StreamItem] = []
        do {
            if check.media.coding == .eventStream {
                var framer = SSEFramer(maxSize: check.maxItemSize)
                items = try framer.feed(bytes[...]).map(StreamItem.event)
            } else {
                var framer = RecordFramer(separator: check.media.coding == .jsonSequence ? 0x1E : 0x0A, maxSize: check.maxItemSize)
                items = try framer.feed(bytes[...]).map(StreamItem.json)
                if let last = framer.finish() { items.append(.json(last)) }
            }
        } catch {
            issues.append(ItemCheck.issue("", "maxLength", "A streamed item is larger than the \(ByteCountText.describe(error.limit)) limit"))
        }
        for (i, item) in items.enumerated() {
            if check.media.eventDataIsJSON, case .event(let event) = item, event.data == "[DONE]" { break }
            issues += check.issues(of: item, index: i).issues
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
        // One pass over the path's UTF-8 bytes for both `?` and `#`: walking the `Character` view (grapheme
        // clusters) was a sixth of a validated GET, two generic `firstIndex` walks of the UTF-8 view 4%.
        guard var path else { return nil }
        let bounds = path.withUTF8 { bytes -> (start: Int, end: Int)? in
            var start: Int?
            for i in 0..<bytes.count {
                if bytes[i] == UInt8(ascii: "#") { return start.map { ($0, i) } }
                if bytes[i] == UInt8(ascii: "?"), start == nil { start = i + 1 }
            }
            return start.map { ($0, bytes.count) }
        }
        guard let bounds else { return nil }
        let utf8 = path.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bounds.start)..<utf8.index(utf8.startIndex, offsetBy: bounds.end)])
    }
}
