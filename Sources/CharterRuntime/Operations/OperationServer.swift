import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Registers generated operations on a swift-openapi-runtime `ServerTransport` (Hummingbird, Vapor …),
/// each behind the caller's middlewares and then request/response validation, so a handler only ever sees
/// input that satisfies the contract.
public struct OperationServer {
    let transport: any ServerTransport
    let pathPrefix: String
    let schemas: SchemaSet
    let middlewares: [any ServerMiddleware]
    let validation: ValidationMiddleware
    let logger: Logger

    /// - Parameters:
    ///   - serverURL: only its path is used, as a prefix of every route (`https://api.example.com/v2` → `/v2/...`).
    ///   - middlewares: run before validation, outermost first (authentication, logging).
    public init(transport: any ServerTransport, serverURL: URL, schemas: SchemaSet, contracts: [OperationContract],
                options: ValidationOptions, middlewares: [any ServerMiddleware], logger: Logger = Logger(label: "charter.server")) {
        self.transport = transport
        let path = serverURL.path
        pathPrefix = path == "/" ? "" : (path.hasSuffix("/") ? String(path.dropLast()) : path)
        self.schemas = schemas
        self.middlewares = middlewares
        validation = ValidationMiddleware(validator: ContractValidator(schemas: schemas, contracts: contracts, options: options), logger: logger)
        self.logger = logger
    }

    /// Routes `Op` to `handler`. Input that cannot be read answers 400; an error thrown by the handler
    /// answers 500 `INTERNAL_ERROR` with the request id (the error itself is logged, not sent).
    public func register<Op: APIOperation>(_ operation: Op.Type, handler: @escaping @Sendable (Op.Input) async throws -> Op.Output) throws {
        let contract = Op.contract
        let options = validation.validator.options
        let schemas = schemas
        let logger = logger
        guard let method = HTTPRequest.Method(contract.method) else { throw InvalidContract(operationID: contract.operationID, method: contract.method) }
        try transport.register(operationID: contract.operationID, method: method, path: pathPrefix + contract.path,
                               middlewares: middlewares + [validation]) { request, body, metadata in
            let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
            let instance = request.path.map { String($0.prefix { $0 != "?" }) }
            func failure(_ error: APIError) -> (HTTPResponse, HTTPBody?) {
                let (head, bytes) = error.response(format: options.errorFormat, requestID: requestID, instance: instance)
                return (head, HTTPBody(bytes))
            }
            let bytes: [UInt8]?
            do {
                bytes = try await BodyCollection.collect(body, limit: contract.maxBodySize ?? options.maxBodySize)
            } catch is BodyCollection.TooLarge {
                return failure(.payloadTooLarge(limit: contract.maxBodySize ?? options.maxBodySize))
            }
            let reader = ServerRequestReader(request: request, pathParameters: metadata.pathParameters, body: bytes, contract: contract, schemas: schemas)
            let input: Op.Input
            do {
                input = try Op.decodeInput(from: reader)
            } catch let error as InputDecodingError {
                return failure(.validation([error.issue]))
            }
            let output: Op.Output
            do {
                output = try await handler(input)
            } catch let error as APIError {
                return failure(error)
            } catch {
                logger.error("handler failed", metadata: ["operation": "\(contract.operationID)", "request_id": "\(requestID)", "error": "\(error)"])
                return failure(.internalError)
            }
            var writer = ServerResponseWriter(contract: contract)
            try Op.encodeOutput(output, to: &writer)
            return (writer.response, writer.body.map { HTTPBody($0) })
        }
    }

    /// Answers 405 `METHOD_NOT_ALLOWED` (with `Allow`) on declared paths for undeclared methods.
    public func registerMethodNotAllowed(for contracts: [OperationContract]) throws {
        let prefixed = contracts.map { c in
            var c = c
            c.path = pathPrefix + c.path
            return c
        }
        try transport.registerMethodNotAllowed(for: prefixed, format: validation.validator.options.errorFormat)
    }
}

/// A contract whose method is not an HTTP method token (registration refuses it rather than skipping it).
public struct InvalidContract: Error, Sendable, CustomStringConvertible {
    public var operationID: String
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
