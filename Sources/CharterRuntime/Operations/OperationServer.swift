import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Registers generated operations on a swift-openapi-runtime `ServerTransport` (Hummingbird, Vapor …),
/// each behind the caller's middlewares. Every request's body is read once, by its media type's coding, and
/// checked with its parameters before the handler runs; the handler only ever sees input that satisfies the
/// contract, and its answer is checked as `ValidationOptions.responseValidation` says.
@_spi(Generated) public struct OperationServer {
    let transport: any ServerTransport
    let pathPrefix: String
    let middlewares: [any ServerMiddleware]
    let validator: ContractValidator
    let security: SecurityGate
    let logger: Logger
    /// Routes registered so far: operations whose templates route alike (`/files/{name}.json` and `/files/{id}`)
    /// share one registration, which picks the operation by the path (routers trap on a second handler).
    let routes = RouteTable()

    /// - Parameters:
    ///   - serverURL: only its path is used, as a prefix of every route (`https://api.example.com/v2` → `/v2/...`).
    ///   - middlewares: run before security and validation, outermost first (logging, rate limits).
    ///   - securitySchemes: the spec's schemes, which contracts' `security` names.
    ///   - security: resolves credentials to principals; nil refuses every operation that needs credentials.
    public init(transport: any ServerTransport, serverURL: URL, schemas: SchemaSet, contracts: [OperationContract],
                options: ValidationOptions, middlewares: [any ServerMiddleware], securitySchemes: [SecuritySchemeContract] = [],
                security: (any SecurityHandler)? = nil, logger: Logger = Logger(label: "charter.server")) {
        self.transport = transport
        let path = serverURL.path
        pathPrefix = path == "/" ? "" : (path.hasSuffix("/") ? String(path.dropLast()) : path)
        self.middlewares = middlewares
        validator = ContractValidator(schemas: schemas, contracts: contracts, options: options)
        self.security = SecurityGate(schemes: securitySchemes, handler: security)
        self.logger = logger
    }

    /// Routes `Op` to `handler`. A request that breaks the contract is answered 400 (413, 415, 406) with every
    /// problem; an error thrown by the handler answers as an `APIError` says, or 500 `INTERNAL_ERROR` with the
    /// request id (the error itself is logged, not sent).
    public func register<Op: APIOperation>(_ operation: Op.Type, handler: @escaping @Sendable (Op.Input) async throws -> Op.Output) throws {
        try register(contract: Op.contract) { reader, writer in
            let input = try Op.decodeInput(from: reader)
            let output = try await handler(input)
            try Op.encodeOutput(output, to: &writer)
        }
    }

    /// Routes the webhook `Op` to `handler` at `path` (webhooks have no path in the spec: the receiver chooses the
    /// URL it gives the sender). Webhooks registered at the same path and method share it, as senders deliver every
    /// event to one URL: each request goes to the first registered whose contract its body satisfies, else to the one
    /// whose contract finds fewest problems in it (and whose 400 lists them).
    public func register<Op: APIOperation>(webhook operation: Op.Type, at path: String,
                                           handler: @escaping @Sendable (Op.Input) async throws -> Op.Output) throws {
        var contract = Op.contract
        contract.path = path.hasPrefix("/") ? path : "/" + path
        try register(contract: contract, toldApartByBody: true) { reader, writer in
            let input = try Op.decodeInput(from: reader)
            let output = try await handler(input)
            try Op.encodeOutput(output, to: &writer)
        }
    }

    /// Routes the operation `contract` describes to `respond`, which reads the checked request and writes the
    /// response: the same security, request checks and response validation as a typed operation (the mock server
    /// answers this way, with no generated types).
    /// - Parameter toldApartByBody: among operations sharing this one's route, choose by the request body (see
    ///   `register(webhook:at:handler:)`).
    public func register(contract: OperationContract, toldApartByBody: Bool = false,
                         respond: @escaping @Sendable (ServerRequestReader, inout ServerResponseWriter) async throws -> Void) throws {
        let validator = validator
        let security = security
        let logger = logger
        guard let method = HTTPRequest.Method(contract.method) else { throw InvalidContract(operationID: contract.operationID, method: contract.method) }
        let template = RouteTemplate(contract.path)
        let handle: RouteTable.Handler = { request, body, metadata in
            let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
            var (response, responseBody) = await Self.authenticated(contract, request, body, requestID: requestID, security: security,
                                                                    validator: validator, logger: logger) { principal in
                // An operation without security has no principal: binding nil over nil was a task-local push and pop
                // per request for nothing (an outer binding, say a handler calling another server in process, is
                // still hidden).
                if principal == nil, Principal.current == nil {
                    return await Self.serve(contract, request, body, metadata, requestID: requestID, validator: validator, logger: logger, respond: respond)
                }
                return await Principal.$current.withValue(principal) {
                    await Self.serve(contract, request, body, metadata, requestID: requestID, validator: validator, logger: logger, respond: respond)
                }
            }
            response.headerFields[RequestID.headerName] = requestID
            contract.deprecation(for: request, decoding: validator.decoding, defaults: validator.options.deprecationDefaults)?.announce(in: &response.headerFields)
            return (response, responseBody)
        }
        let fits: RouteTable.Fit = { request, parameters in validator.checkParameters(request, pathParameters: parameters, contract: contract).isEmpty }
        let limit = contract.maxBodySize ?? validator.options.maxBodySize
        var bodyFit: RouteTable.BodyFit?
        var fixed: [(name: String, value: JSONValue)] = []
        if toldApartByBody {
            bodyFit = { request, bytes in await Self.problems(in: bytes, of: request, contract: contract, validator: validator, limit: limit, logger: logger) }
            // A JSON body's fixed values, when every media type it may come in is JSON (the dispatcher reads it as JSON).
            let content = contract.requestBody?.content ?? []
            if let schema = content.first?.schema, content.allSatisfy({ $0.coding == .json && $0.schema == schema }) {
                fixed = validator.schemas.fixedProperties(schema)
            }
        }
        let narrowed = contract.parameters.filter { p in p.location == .path && !(p.schema.map(validator.schemas.acceptsAnyText) ?? true) }.count
        let candidate = RouteTable.Candidate(template: template, fits: fits, bodyFit: bodyFit, bodyLimit: limit, handler: handle,
                                             narrowedParameters: narrowed, fixedBodyProperties: fixed)
        guard let route = routes.add(method: method, candidate) else { return }
        try transport.register(operationID: contract.operationID, method: method, path: pathPrefix + template.routePath,
                               middlewares: middlewares) { request, body, routed in
            func answer(_ error: APIError) -> (HTTPResponse, HTTPBody?) {
                let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
                var (response, bytes) = error.response(format: validator.options.errorFormat, requestID: requestID, instance: APIError.instance(of: request))
                response.headerFields[RequestID.headerName] = requestID
                return (response, HTTPBody(bytes))
            }
            let found: (handler: RouteTable.Handler, parameters: [String: Substring], body: HTTPBody?)?
            do {
                found = try await route.handler(for: request, routed: routed.pathParameters, body: body)
            } catch is BodyCollection.TooLarge {
                return answer(.payloadTooLarge(limit: limit))
            }
            guard let found else { return answer(.notFound(path: request.path ?? "/")) }
            var metadata = routed
            metadata.pathParameters = found.parameters
            return try await found.handler(request, found.body, metadata)
        }
    }

    /// How many problems `contract` finds in a request body (a body it cannot read at all counts as many).
    private static func problems(in bytes: [UInt8], of request: HTTPRequest, contract: OperationContract, validator: ContractValidator,
                                 limit: Int, logger: Logger) async -> Int {
        let party = BodyParty(isServer: true, contract: contract, validate: true, enforce: false, logger: logger)
        let read = try? await IncomingBody.read(bytes.isEmpty ? nil : HTTPBody(bytes), request: request, contract: contract,
                                                validator: validator, limit: limit, reader: party)
        switch read {
        case .success(let reception)?:
            if let reception { return reception.issues.count }
            return contract.requestBody?.required == true ? 1 : 0
        case .failure?, nil:
            return Int.max - 1
        }
    }

    /// Applies the operation's security before anything else reads the request: 401 or 403 (the body unread), else
    /// `next` with the principal.
    private static func authenticated(_ contract: OperationContract, _ request: HTTPRequest, _ body: HTTPBody?, requestID: String,
                                      security: SecurityGate, validator: ContractValidator, logger: Logger,
                                      next: (Principal?) async -> (HTTPResponse, HTTPBody?)) async -> (HTTPResponse, HTTPBody?) {
        if contract.security.isEmpty { return await next(nil) }
        func respond(_ error: APIError) -> (HTTPResponse, HTTPBody?) {
            let (head, bytes) = error.response(format: validator.options.errorFormat, requestID: requestID,
                                               instance: APIError.instance(of: request))
            return (head, HTTPBody(bytes))
        }
        do {
            switch try await security.admit(contract, request, body: body) {
            case .allowed(let principal): return await next(principal)
            case .refused(let refusal): return respond(refusal)
            }
        } catch {
            logger.error("security handler failed", metadata: ["operation": "\(contract.operationID)", "request_id": "\(requestID)", "error": "\(error)"])
            return respond(.internalError)
        }
    }

    /// One request of the operation `contract` describes (read once, at registration).
    private static func serve(_ contract: OperationContract, _ request: HTTPRequest, _ body: HTTPBody?,
                              _ metadata: ServerRequestMetadata, requestID: String, validator: ContractValidator, logger: Logger,
                              respond: @Sendable (ServerRequestReader, inout ServerResponseWriter) async throws -> Void) async -> (HTTPResponse, HTTPBody?) {
        let options = validator.options
        func failure(_ error: APIError) -> (HTTPResponse, HTTPBody?) {
            // The path is cut from the request only when an error names it.
            let (head, bytes) = error.response(format: options.errorFormat, requestID: requestID, instance: APIError.instance(of: request))
            return (head, HTTPBody(bytes))
        }
        let limit = contract.maxBodySize ?? options.maxBodySize
        do {
            // Parameters, content negotiation and the body: every problem in one answer.
            var issues: [ValidationIssue] = []
            // Read once: validation checks these values and the handler receives them.
            let parameters = RequestParameters(request: request, pathParameters: metadata.pathParameters, contract: contract, decoding: validator.decoding)
            if options.requestValidation {
                if let accept = request.headerFields.value(.accept), let rejection = validator.checkAccept(accept, contract: contract) { return failure(rejection) }
                issues = validator.checkParameters(parameters, contract: contract)
            }
            var received: ReceivedBody?
            switch try await IncomingBody.read(body, request: request, contract: contract, validator: validator, limit: limit, reader: BodyParty(
                isServer: true, contract: contract, validate: options.requestValidation, enforce: true, logger: logger)) {
            case .failure(let error): return failure(error)
            case .success(let reception):
                received = reception?.body
                issues += reception?.issues ?? []
            }
            if received == nil, contract.requestBody?.required == true, options.requestValidation { issues.append(ContractValidator.bodyRequired) }
            if !issues.isEmpty { return failure(.validation(issues)) }

            let reader = ServerRequestReader(request: request, parameters: parameters, body: received, contract: contract)
            var writer = ServerResponseWriter(contract: contract)
            try await RequestID.$current.withValue(requestID) { try await respond(reader, &writer) }
            let mode = options.responseValidation
            let sender = BodyParty(isServer: true, contract: contract, validate: mode != .off, enforce: mode == .enforce, logger: logger)
            let (responseBody, bodyIssues) = validator.outgoing(writer.draft, sender: sender)
            var response = HTTPResponse(status: .init(code: writer.status), headerFields: writer.headerFields)
            if let responseBody, case .known(let length) = responseBody.length { response.headerFields[.contentLength] = String(length) }
            if mode != .off {
                let issues = validator.checkResponseHead(response, hasBody: writer.draft.hasContent, contract: contract).issues + bodyIssues
                if !issues.isEmpty {
                    if mode == .enforce { return failure(.responseValidation(issues)) }
                    logger.warning("response breaks its contract", metadata: [
                        "operation": "\(contract.operationID)", "request_id": "\(requestID)", "status": "\(writer.status)",
                        "issues": "\(issues.map { "\($0.field.isEmpty ? $0.location.rawValue : $0.field): \($0.message)" }.joined(separator: "; "))",
                    ])
                }
            }
            return (response, responseBody)
        } catch let error as APIError {
            return failure(error)
        } catch let error as InputDecodingError {
            return failure(.validation([error.issue]))
        } catch is BodyCollection.TooLarge {
            return failure(.payloadTooLarge(limit: limit))
        } catch {
            logger.error("handler failed", metadata: ["operation": "\(contract.operationID)", "request_id": "\(requestID)", "error": "\(error)"])
            return failure(.internalError)
        }
    }

    /// Answers 405 `METHOD_NOT_ALLOWED` (with `Allow`) on declared paths for undeclared methods.
    public func registerMethodNotAllowed(for contracts: [OperationContract]) throws {
        let prefixed = contracts.map { c in
            var c = c
            c.path = pathPrefix + RouteTemplate(c.path).routePath
            return c
        }
        try transport.registerMethodNotAllowed(for: prefixed, format: validator.options.errorFormat)
    }

    /// Answers 405 at the path webhooks are received at (`register(webhook:at:handler:)`) for methods none uses.
    public func registerMethodNotAllowed(webhooks contracts: [OperationContract], at path: String) throws {
        try registerMethodNotAllowed(for: contracts.map { c in
            var c = c
            c.path = path.hasPrefix("/") ? path : "/" + path
            return c
        })
    }
}

/// A contract whose method is not an HTTP method token (registration refuses it rather than skipping it).
public struct InvalidContract: Error, Sendable, CustomStringConvertible {
    /// The operation whose contract is wrong.
    public var operationID: String
    /// The method it names.
    public var method: String
    public var description: String { "\(operationID): '\(method)' is not an HTTP method" }
}

extension OperationServer {
    /// The default server URL: routes are the spec's paths as they are.
    public static let rootURL = URL(string: "/") ?? URL(fileURLWithPath: "/")
}

extension APIError {
    /// A handler failed; the details stay in the server's log.
    public static let internalError = APIError(status: 500, code: "INTERNAL_ERROR", message: "The server could not complete the request")
}
