import CharterRuntime
import CharterSpec

/// Operation contracts for the runtime, read off a loaded document.
package enum ContractBuilder {
    static func contracts(for document: Document) -> [OperationContract] {
        document.operations.map { contract($0.operation, in: document) }
            + document.webhooks.flatMap { $0.item.operations.map { contract($0, in: document, isWebhook: true) } }
            + document.callbackOperations.map { contract($0.operation, in: document, isWebhook: true) }
    }

    /// `x-charter-max-body-size` on an operation (bytes) overrides the server-wide request body limit.
    static let maxBodySizeExtension = "x-charter-max-body-size"

    /// - Parameter isWebhook: the document's `security` is how callers authenticate to the API, not how the API
    ///   authenticates to the receivers of its webhooks and callbacks (OpenAI's bearer key is not sent with its
    ///   events): those have only their own `security`.
    static func contract(_ operation: Operation, in document: Document, isWebhook: Bool = false) -> OperationContract {
        let media = { (m: MediaType) in Self.media(m, in: document) }
        return OperationContract(
            operationID: operation.operationId,
            method: operation.method.wireName,
            path: operation.path,
            parameters: operation.parameters.map(parameter),
            requestBody: operation.requestBody.map { RequestBodyContract(required: $0.required, content: $0.content.map(media)) },
            responses: operation.responses.map { response in
                ResponseContract(status: response.statusCode, content: response.content.map(media),
                                 headers: response.headers.map { header($0.name, $0.value) })
            },
            maxBodySize: operation.extensions[maxBodySizeExtension]?.int,
            security: (operation.security ?? (isWebhook ? nil : document.security) ?? []).map { requirement in
                SecurityRequirement(requirement.schemes.map { SecurityRequirement.Scheme(name: $0.name, scopes: $0.scopes) })
            },
            deprecation: operation.deprecationDetails.details.map { DeprecationNotice(since: $0.since, sunset: $0.sunset, link: $0.link) },
            sentByAPI: isWebhook
        )
    }

    package static func parameter(_ p: Parameter) -> ParameterContract {
        let location: IssueLocation = switch p.location {
        case .path: .path
        case .query: .query
        case .header: .header
        case .cookie: .cookie
        case .querystring: .querystring
        }
        let value = valueSchema(p.schema, p.content)
        return ParameterContract(name: p.name, location: location, required: p.required,
                                 style: p.style, explode: p.explode,
                                 allowEmptyValue: p.allowEmptyValue,
                                 schema: (value.schema ?? (p.location == .querystring ? p.content.first?.schema : nil))?.index,
                                 isJSONContent: value.isJSONContent,
                                 deprecation: p.deprecationDetails.details.map { DeprecationNotice(since: $0.since, sunset: $0.sunset, link: $0.link) })
    }

    /// A response's or a multipart part's header: its schema, or the schema of its JSON `content`, and how it is
    /// serialized (the same reading as a header parameter's).
    static func header(_ name: String, _ h: Header) -> HeaderContract {
        let value = valueSchema(h.schema, h.content)
        return HeaderContract(name: name, required: h.required, schema: value.schema?.index, explode: h.explode, isJSONContent: value.isJSONContent)
    }

    /// What a parameter's or header's value is checked against: its `schema`, else the schema of its JSON `content`
    /// (the value is then a JSON document).
    private static func valueSchema(_ schema: SchemaID?, _ content: [MediaType]) -> (schema: SchemaID?, isJSONContent: Bool) {
        if let schema { return (schema, false) }
        guard let json = content.first(where: { $0.mediaType.lowercased().contains("json") }) else { return (nil, false) }
        return (json.schema, true)
    }

    static func media(_ m: MediaType, in document: Document) -> MediaTypeContract {
        let coding = ContentRules.coding(m, in: document)
        switch coding {
        case .eventStream, .jsonLines, .jsonSequence:
            let items = ContentRules.items(m, in: document)
            return MediaTypeContract(mediaType: m.mediaType, coding: coding, schema: items.schema?.index, eventSchema: items.eventSchema?.index,
                                     eventDataIsJSON: items.eventDataIsJSON)
        case .form, .multipart:
            return MediaTypeContract(mediaType: m.mediaType, coding: coding, schema: m.schema?.index, parts: ContentRules.parts(m, in: document))
        case .binary:
            // Bytes are not checked against a schema (a `format: binary` string says nothing more).
            return MediaTypeContract(mediaType: m.mediaType, coding: coding, schema: nil)
        case .json, .text, .xml:
            return MediaTypeContract(mediaType: m.mediaType, coding: coding, schema: m.schema?.index)
        }
    }
}

extension ContractBuilder {
    /// The document's security schemes as the server reads credentials for them.
    static func securitySchemes(for document: Document) -> [SecuritySchemeContract] {
        document.components.securitySchemes.map { entry in
            let kind: SecuritySchemeContract.Kind = switch entry.value.kind {
            case .apiKey(let name, let location):
                .apiKey(name: name, location: location == .query ? .query : location == .cookie ? .cookie : .header)
            case .http(let scheme, _):
                switch scheme.lowercased() {
                case "bearer": .bearer
                case "basic": .basic
                default: .http(scheme: scheme)
                }
            case .oauth2: .oauth2
            case .openIdConnect: .openIdConnect
            case .mutualTLS: .mutualTLS
            }
            return SecuritySchemeContract(name: entry.name, kind: kind)
        }
    }
}

extension SpecValidator {
    /// Every operation's contract (paths, webhooks and callbacks), keyed by operationId in the validator.
    public var contracts: [OperationContract] { ContractBuilder.contracts(for: document) }

    /// The same contracts without compiling the schemas (a contract names schemas by their index in the document,
    /// which is their index in the compiled set): the generator translates operations while the schemas compile.
    package static func contracts(of document: Document) -> [OperationContract] { ContractBuilder.contracts(for: document) }

    /// The contract of each operation under `paths`, in the order of `document.operations` (webhooks are not
    /// routes a server answers).
    package var pathContracts: [OperationContract] { document.operations.map { ContractBuilder.contract($0.operation, in: document) } }

    /// Each path operation's callbacks: the operation that subscribes (its operationId), the callback's name and key
    /// (a URL template of runtime expressions), and the contract of the request the API sends there.
    package var callbackContracts: [(parent: String, name: String, template: String, contract: OperationContract)] {
        document.callbackOperations.map { entry in
            (entry.parent.operationId, entry.name, entry.expression, ContractBuilder.contract(entry.operation, in: document, isWebhook: true))
        }
    }

    /// Each webhook's operations (3.1 `webhooks`), in the spec's order: the webhook's name (its key), the operation,
    /// and the contract of the request the API sends.
    package var webhookContracts: [(name: String, operation: Operation, contract: OperationContract)] {
        document.webhooks.flatMap { webhook in
            webhook.item.operations.map { (webhook.name, $0, ContractBuilder.contract($0, in: document, isWebhook: true)) }
        }
    }

    /// The spec's security schemes, for `OperationServer` and the security middleware.
    public var securitySchemes: [SecuritySchemeContract] { ContractBuilder.securitySchemes(for: document) }

    /// A contract validator for this spec's operations.
    public func contractValidator(options: ValidationOptions = ValidationOptions()) -> ContractValidator {
        ContractValidator(schemas: schemas, contracts: contracts, options: options)
    }

    /// A `ServerMiddleware` applying this spec's security with `handler` (put it before `middleware(options:)`).
    public func securityMiddleware(handler: any SecurityHandler, errorFormat: ErrorFormat = .charter) -> SecurityMiddleware {
        SecurityMiddleware(contracts: contracts, schemes: securitySchemes, handler: handler, errorFormat: errorFormat)
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
