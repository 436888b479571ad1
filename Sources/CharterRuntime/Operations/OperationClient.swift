import Foundation
import HTTPTypes
import OpenAPIRuntime

/// How a generated client checks what it sends and receives.
public struct ClientValidation: Sendable {
    /// Refuse to send a request that breaks the contract (throws `ContractViolation` before any I/O).
    /// On by default in debug builds.
    public var validateRequests: Bool
    /// What to do with a response that breaks the contract.
    public var responses: ResponseValidationMode

    public init(validateRequests: Bool = ClientValidation.isDebugBuild, responses: ResponseValidationMode = .report) {
        self.validateRequests = validateRequests
        self.responses = responses
    }

    public static var isDebugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }
}

/// Sends generated operations through a swift-openapi-runtime `ClientTransport` (AsyncHTTPClient,
/// URLSession) behind the caller's middlewares, validating as `ClientValidation` says.
public struct OperationClient: Sendable {
    public let serverURL: URL
    /// Responses are read whole into memory (to decode them), up to this size.
    public static let maxResponseBodySize = 64 << 20
    let transport: any ClientTransport
    let middlewares: [any ClientMiddleware]

    public init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware], schemas: SchemaSet,
                contracts: [OperationContract], validation: ClientValidation) {
        self.serverURL = serverURL
        self.transport = transport
        var all = middlewares
        if validation.validateRequests || validation.responses != .off {
            var options = ValidationOptions(responseValidation: validation.responses)
            options.applyDefaults = false
            let validator = ContractValidator(schemas: schemas, contracts: contracts, options: options)
            all.append(ValidatingClientMiddleware(validator: validator, checksRequests: validation.validateRequests))
        }
        self.middlewares = all
    }

    /// Sends `input` as `Op` and reads the answer into its `Output`.
    public func send<Op: APIOperation>(_ operation: Op.Type, _ input: Op.Input) async throws -> Op.Output {
        var writer = ClientRequestWriter(contract: Op.contract)
        try Op.encodeInput(input, to: &writer)
        let operationID = Op.contract.operationID
        let transport = transport
        let chained = middlewares.reversed().reduce({ @Sendable (request: HTTPRequest, body: HTTPBody?, url: URL) in
            try await transport.send(request, body: body, baseURL: url, operationID: operationID)
        }) { next, middleware in
            { @Sendable request, body, url in
                try await middleware.intercept(request, body: body, baseURL: url, operationID: operationID, next: next)
            }
        }
        let (response, body) = try await chained(writer.request, writer.body.map { HTTPBody($0) }, serverURL)
        let bytes: [UInt8]
        do {
            bytes = try await BodyCollection.collect(body, limit: Self.maxResponseBodySize) ?? []
        } catch is BodyCollection.TooLarge {
            throw UnexpectedResponse(statusCode: response.status.code, body: [], reason: "body larger than \(Self.maxResponseBodySize >> 20) MiB")
        }
        return try Op.decodeOutput(from: ClientResponseReader(response: response, body: bytes))
    }
}
