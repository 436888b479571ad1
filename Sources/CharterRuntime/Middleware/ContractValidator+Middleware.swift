import HTTPTypes
import Logging
import OpenAPIRuntime

/// What the validation middlewares (server and client) share: they see a message's raw parts, and must hand on
/// a body the next step can still read.
extension ContractValidator {
    /// Checks a request's parameters and body; the body to hand on, or the answer to give. Collected codings and
    /// multipart are read into memory (up to the limit) and handed on as bytes; binary bodies and streams are
    /// handed on unread, limited, and (streams) checked item by item as they are read.
    func inspectRequest(_ request: HTTPRequest, body: HTTPBody?, pathParameters: [String: Substring], contract: OperationContract,
                        logger: Logger) async throws -> Result<HTTPBody?, APIError> {
        let limit = contract.maxBodySize ?? options.maxBodySize
        let contentType = request.headerFields.value(.contentType)
        if let media = contentType.flatMap({ contract.requestBody?.content.declared($0) }), !media.coding.isCollected, media.coding != .multipart {
            if let accept = request.headerFields.value(.accept), let rejection = checkAccept(accept, contract: contract) { return .failure(rejection) }
            let issues = checkParameters(request, pathParameters: pathParameters, contract: contract)
            if !issues.isEmpty { return .failure(.validation(issues)) }
            guard let body else { return .success(nil) }
            let reader = BodyParty(isServer: true, contract: contract, validate: true, enforce: true, logger: logger)
            return try await receive(body, contentType: contentType, media: media, limit: limit, reader: reader).map { reception in
                guard case .stream(let stream) = reception.body.content else { return body }
                guard let check = reception.body.itemCheck else { return stream }
                return HTTPBody(CheckedItemBytes(base: stream, check: check), length: stream.length, iterationBehavior: .single)
            }
        }
        let bytes: [UInt8]?
        do {
            bytes = try await BodyCollection.collect(body, limit: limit)
        } catch is BodyCollection.TooLarge {
            return .failure(.payloadTooLarge(limit: limit))
        }
        switch checkRequest(request, pathParameters: pathParameters, body: bytes, contract: contract) {
        case .rejected(let error): return .failure(error)
        case .valid(let checked): return .success(checked.map { HTTPBody($0) } ?? body)
        }
    }

    /// A response's violations that can be known now, and the body to hand on: collected codings are read whole
    /// (up to `maxResponseBodySize`; `tooLarge` past it, handed on unchecked), binary bodies are checked by their
    /// head only, streams are wrapped to be checked item by item as they pass (violations then do what the
    /// response validation mode says).
    func inspectResponse(_ response: HTTPResponse, body: HTTPBody?, contract: OperationContract,
                         logger: Logger) async throws -> (body: HTTPBody?, issues: [ValidationIssue], tooLarge: Bool) {
        let media = response.headerFields.value(.contentType).flatMap { contract.response(for: response.status.code)?.content.declared($0) }
        if let media, let body, !media.coding.isCollected, media.coding != .multipart {
            let issues = checkResponseHead(response, hasBody: true, contract: contract).issues
            let reader = BodyParty(isServer: false, contract: contract, statusCode: response.status.code, validate: true,
                                    enforce: options.responseValidation == .enforce, logger: logger)
            guard issues.isEmpty, let check = itemCheck(media, reader: reader) else { return (body, issues, false) }
            return (HTTPBody(CheckedItemBytes(base: body, check: check), length: body.length, iterationBehavior: .single), [], false)
        }
        do {
            let bytes = try await BodyCollection.collect(body, limit: options.maxResponseBodySize)
            return (bytes.map { HTTPBody($0) }, checkResponse(response, body: bytes, contract: contract), false)
        } catch is BodyCollection.TooLarge {
            return (body, [], true)
        }
    }
}
