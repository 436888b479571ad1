import CharterRuntime
import CharterSpec

/// Operation contracts for the runtime, read off a loaded document.
enum ContractBuilder {
    static func contracts(for document: Document) -> [OperationContract] {
        document.operations.map { contract($0.operation, inherited: document.security) }
            + document.webhooks.flatMap { $0.item.operations.map { contract($0, inherited: document.security) } }
    }

    /// `x-charter-max-body-size` on an operation (bytes) overrides the server-wide request body limit.
    static let maxBodySizeExtension = "x-charter-max-body-size"

    static func contract(_ operation: Operation, inherited: [SecurityRequirement]?) -> OperationContract {
        OperationContract(
            operationID: operation.operationId,
            method: operation.method.rawValue.uppercased(),
            path: operation.path,
            parameters: operation.parameters.map(parameter),
            requestBody: operation.requestBody.map { RequestBodyContract(required: $0.required, content: $0.content.map(media)) },
            responses: operation.responses.map { response in
                ResponseContract(status: response.statusCode, content: response.content.map(media),
                                 headers: response.headers.map { HeaderContract(name: $0.name, required: $0.value.required, schema: $0.value.schema?.index) })
            },
            maxBodySize: operation.extensions[maxBodySizeExtension]?.int,
            security: (operation.security ?? inherited ?? []).map { $0.schemes.map(\.name) }
        )
    }

    static func parameter(_ p: Parameter) -> ParameterContract {
        let location: IssueLocation = switch p.location {
        case .path: .path
        case .query: .query
        case .header: .header
        case .cookie: .cookie
        }
        let jsonContent = p.content.first { $0.mediaType.lowercased().contains("json") }
        return ParameterContract(name: p.name, location: location, required: p.required,
                                 style: CharterRuntime.ParameterStyle(rawValue: p.style.rawValue), explode: p.explode,
                                 allowEmptyValue: p.allowEmptyValue, schema: (p.schema ?? jsonContent?.schema)?.index,
                                 isJSONContent: p.schema == nil && jsonContent != nil)
    }

    static func media(_ m: MediaType) -> MediaTypeContract {
        MediaTypeContract(mediaType: m.mediaType, schema: m.schema?.index)
    }
}

extension SpecValidator {
    /// Every operation's contract (paths and webhooks), keyed by operationId in the validator.
    public var contracts: [OperationContract] { ContractBuilder.contracts(for: document) }

    /// A contract validator for this spec's operations.
    public func contractValidator(options: ValidationOptions = ValidationOptions()) -> ContractValidator {
        ContractValidator(schemas: schemas, contracts: contracts, options: options)
    }

    /// A `ServerMiddleware` validating every request and response of this spec's operations.
    public func middleware(options: ValidationOptions = ValidationOptions()) -> ValidationMiddleware {
        ValidationMiddleware(validator: contractValidator(options: options))
    }

    /// A `ClientMiddleware` refusing invalid requests and checking responses.
    public func clientMiddleware(options: ValidationOptions = ValidationOptions()) -> ValidatingClientMiddleware {
        ValidatingClientMiddleware(validator: contractValidator(options: options))
    }
}
