import HTTPTypes
import OpenAPIRuntime

/// Finding and reading the body of a received message: whether it has one, which declared media type it is,
/// then `ContractValidator.receive`. Servers refuse an undeclared Content-Type (415); clients are lenient where
/// the meaning is clear (a response whose status declares one media type is read as it whatever its label).
enum IncomingBody {
    /// The body, read and checked; nil when the message has none (or its status or operation declares none).
    static func read(_ body: HTTPBody?, contentType: String?, declared content: [MediaTypeContract]?, validator: ContractValidator,
                     limit: Int, reader: BodyParty) async throws -> Result<ContractValidator.Reception?, APIError> {
        guard let content, !content.isEmpty, let body else { return .success(nil) }
        if case .known(0) = body.length, contentType == nil { return .success(nil) }
        let media: MediaTypeContract
        if let contentType, let match = content.declared(contentType) {
            media = match
        } else if !reader.isServer, content.count == 1 {
            media = content[0]
        } else if contentType == nil {
            // No Content-Type: only an empty body is acceptable.
            let bytes: [UInt8]
            do { bytes = try await BodyCollection.collect(body, limit: limit) ?? [] } catch is BodyCollection.TooLarge { return .failure(.payloadTooLarge(limit: limit)) }
            if bytes.isEmpty { return .success(nil) }
            return try refuse(contentType, content, reader)
        } else {
            return try refuse(contentType, content, reader)
        }
        // An empty body is no body for JSON (which cannot be empty); for other codings it is empty content
        // (an empty file, an empty string, a form with no fields).
        if case .known(0) = body.length, media.coding == .json { return .success(nil) }
        if media.coding.isCollected {
            let bytes: [UInt8]
            do { bytes = try await BodyCollection.collect(body, limit: limit) ?? [] } catch is BodyCollection.TooLarge { return .failure(.payloadTooLarge(limit: limit)) }
            if bytes.isEmpty && media.coding == .json { return .success(nil) }
            return validator.receive(bytes, contentType: contentType, media: media, limit: limit, reader: reader).map { $0 }
        }
        return try await validator.receive(body, contentType: contentType, media: media, limit: limit, reader: reader).map { $0 }
    }

    private static func refuse(_ contentType: String?, _ content: [MediaTypeContract], _ reader: BodyParty) throws -> Result<ContractValidator.Reception?, APIError> {
        guard reader.isServer else {
            throw UnexpectedResponse(statusCode: reader.statusCode, body: [],
                                     reason: "Content-Type '\(contentType ?? "")' is not one of \(content.map(\.mediaType).joined(separator: ", "))")
        }
        return .failure(.unsupportedMediaType(contentType, supported: content.map(\.mediaType)))
    }

    /// Under `read` on a server, for a request: its operation's declared content.
    static func read(_ body: HTTPBody?, request: HTTPRequest, contract: OperationContract, validator: ContractValidator,
                     limit: Int, reader: BodyParty) async throws -> Result<ContractValidator.Reception?, APIError> {
        try await read(body, contentType: request.headerFields.value(.contentType), declared: contract.requestBody?.content, validator: validator,
                       limit: limit, reader: reader)
    }
}

extension BodyDraft {
    /// Whether a body with content was written (an empty undocumented body is none).
    var hasContent: Bool {
        switch payload {
        case .none: false
        case .bytes(let bytes, _)?: !bytes.isEmpty
        default: true
        }
    }
}
