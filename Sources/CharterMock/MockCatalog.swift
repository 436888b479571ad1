import CharterRuntime
import CharterSpec
import CharterValidation

/// What the mock knows about each routed operation, read once at start-up: its contract, the path prefix its
/// server URL gives it, and the examples of each response that pass their own schema.
struct MockCatalog: Sendable {
    struct Route: Sendable {
        var contract: OperationContract
        /// The path of the operation's first server URL (`/v2`), or "" at the root.
        var prefix: String
        /// Valid examples by response status (as the spec writes it) and media type, in spec order.
        var examples: [String: [String: [NamedExample]]]
        /// What the API sends later to URLs this operation's request names.
        var callbacks: [Callback] = []
    }

    /// One request a callback makes the API send: to the URL its key reads from the subscribing request.
    struct Callback: Sendable {
        var name: String
        var template: String
        var contract: OperationContract
    }

    /// One webhook operation: what the API sends to the URL a subscriber registered outside the spec.
    struct Webhook: Sendable {
        /// Its key under `webhooks`.
        var name: String
        var contract: OperationContract
        /// Valid examples of its body, in spec order.
        var examples: [NamedExample]
    }

    struct NamedExample: Sendable {
        /// The name under `examples`; `nil` for a lone `example` or a schema's own example.
        var name: String?
        var value: JSONValue
    }

    var routes: [Route] = []
    var webhooks: [Webhook] = []
    /// Examples that break their schema (not served), and operations that cannot be routed.
    var diagnostics: [Diagnostic] = []

    init(validator: SpecValidator) {
        let document = validator.document
        let callbacks = Dictionary(grouping: validator.callbackContracts, by: \.parent)
        for ((item, operation), contract) in zip(document.operations, validator.pathContracts) {
            let server = operation.servers.first ?? item.servers.first ?? document.servers.first
            var route = Route(contract: contract, prefix: server.map(Self.pathPrefix) ?? "", examples: [:])
            route.callbacks = (callbacks[operation.operationId] ?? []).map { Callback(name: $0.name, template: $0.template, contract: $0.contract) }
            // A structured schema under a text coding (YAML, say) cannot be checked: the body is read as text. XML is
            // read by its schema (`XMLShaping`).
            for (media, coded) in zip(operation.requestBody?.content ?? [], contract.requestBody?.content ?? []) where coded.coding == .text {
                if let schema = coded.schema, let types = validator.schemas[schema].types, !types.isDisjoint(with: [.object, .array]) {
                    diagnostics.append(Diagnostic(.warning, "\(operation.displayName) takes \(media.mediaType) bodies as text: their schema (structured data) is not checked against them",
                                                  at: media.location))
                }
            }
            for response in operation.responses {
                for media in response.content {
                    let found = examples(of: media, in: document, validator: validator, where: "\(operation.displayName) \(response.statusCode)")
                    if !found.isEmpty { route.examples[response.statusCode, default: [:]][media.mediaType] = found }
                }
            }
            routes.append(route)
        }
        for (name, operation, contract) in validator.webhookContracts {
            // A webhook's body is the API's message, checked as an answer is (read-only fields belong in it).
            let media = operation.requestBody?.content.first
            let found = media.map { examples(of: $0, in: document, validator: validator, where: "webhook \(name)") } ?? []
            webhooks.append(Webhook(name: name, contract: contract, examples: found))
        }
    }

    /// The media type's examples (named ones, then `example`), else the examples its schema carries; each checked
    /// against the schema as a response, the failures reported and left out.
    private mutating func examples(of media: MediaType, in document: Document, validator: SpecValidator, where place: String) -> [NamedExample] {
        var candidates: [(name: String?, node: Node)] = media.examples.compactMap { entry in entry.value.value.map { (entry.name, $0) } }
        if let example = media.example { candidates.append((nil, example)) }
        if candidates.isEmpty, let schema = media.schema {
            // A schema's own examples, following one `$ref` (where component schemas usually keep them).
            let own = document.schemas[schema.index]
            let target = own.ref?.target.map { document.schemas[$0.index] }
            candidates = (own.examples.isEmpty ? target?.examples ?? [] : own.examples).map { (nil, $0) }
        }
        // Bodies that are not JSON-shaped (text, bytes) take examples as they are; streams describe items, not bodies.
        let coding = BodyCoding(mediaType: media.mediaType)
        guard coding != .eventStream, coding != .jsonLines, coding != .jsonSequence else { return [] }
        return candidates.compactMap { candidate in
            let value = JSONValue(candidate.node)
            if let schema = media.schema, coding != .binary {
                let issues = validator.validator.validate(value, against: schema.index, direction: .response)
                if let first = issues.first {
                    let label = candidate.name.map { "example '\($0)'" } ?? "example"
                    let field = first.field.isEmpty ? "" : "\(first.field): "
                    diagnostics.append(Diagnostic(.warning, "\(label) of \(place) \(media.mediaType) does not match its schema (\(field)\(first.message)); the mock does not serve it",
                                                  at: candidate.node.location))
                    return nil
                }
            }
            return NamedExample(name: candidate.name, value: value)
        }
    }

    /// The path of a server URL, its variables at their defaults: `https://{region}.example.com/v2/` → `/v2`.
    static func pathPrefix(_ server: Server) -> String {
        var url = server.urlWithDefaults
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            url = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        }
        if let query = url.firstIndex(where: { $0 == "?" || $0 == "#" }) { url = String(url[..<query]) }
        while url.hasSuffix("/") { url.removeLast() }
        if !url.isEmpty, !url.hasPrefix("/") { url = "/" + url }
        // A variable without a usable default leaves braces: no route could match them, so serve at the root.
        return url.contains("{") ? "" : url
    }
}
