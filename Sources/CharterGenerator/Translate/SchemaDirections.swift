import CharterSpec

/// Which schemas travel in which direction: those reachable from what a client sends (request bodies and
/// parameters) and those reachable from what a server sends (responses). A property that is `required` and
/// `readOnly` is required only in what the server sends; one generated type serves both directions, so where the
/// type is also sent by clients the property must be optional in Swift — else the generated client could only
/// build a body the server refuses ("read-only and must not be sent"). `writeOnly` is the mirror case.
struct SchemaDirections {
    private(set) var sentByClients: Set<SchemaID> = []
    private(set) var sentByServers: Set<SchemaID> = []

    init(document: Document) {
        var requestRoots: [SchemaID] = []
        var responseRoots: [SchemaID] = []
        func add(_ op: Operation, sentByAPI: Bool) {
            // A webhook's or callback's request is the API's message, as its responses are (`OperationContract.sentByAPI`).
            var sent: [SchemaID] = []
            for p in op.parameters {
                sent += [p.schema].compactMap { $0 } + p.content.flatMap(Self.schemas)
            }
            sent += op.requestBody?.content.flatMap(Self.schemas) ?? []
            var answered: [SchemaID] = []
            for response in op.responses {
                answered += response.content.flatMap(Self.schemas)
                answered += response.headers.flatMap { [$0.value.schema].compactMap { $0 } + $0.value.content.flatMap(Self.schemas) }
            }
            requestRoots += sentByAPI ? answered : sent
            responseRoots += sentByAPI ? sent : answered
        }
        for (_, op) in document.operations { add(op, sentByAPI: false) }
        for (_, item) in document.webhooks { for op in item.operations { add(op, sentByAPI: true) } }
        for entry in document.callbackOperations { add(entry.operation, sentByAPI: true) }
        sentByClients = Self.reachable(from: requestRoots, in: document)
        sentByServers = Self.reachable(from: responseRoots, in: document)
    }

    /// Whether a property `required` by schema `owner` can be absent from a valid value in one of the directions
    /// the owner travels in.
    func requiredOnlyOneWay(property: SchemaID, owner: SchemaID, in document: Document) -> Bool {
        let declared = document[property]
        let target = document[document.resolved(property)]
        let readOnly = declared.readOnly || target.readOnly
        let writeOnly = declared.writeOnly || target.writeOnly
        return (readOnly && sentByClients.contains(owner)) || (writeOnly && sentByServers.contains(owner))
    }

    private static func schemas(_ media: MediaType) -> [SchemaID] {
        [media.schema, media.itemSchema].compactMap { $0 }
    }

    /// Every schema reachable through references, compositions, properties and items (iterative: no depth limit
    /// to hit, each schema visited once).
    private static func reachable(from roots: [SchemaID], in document: Document) -> Set<SchemaID> {
        var seen: Set<SchemaID> = []
        var stack = roots
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            let s = document[id]
            if let target = s.ref?.target { stack.append(target) }
            stack += s.allOf + s.anyOf + s.oneOf + s.properties.map(\.schema) + s.prefixItems + s.patternProperties.map(\.schema)
            if let items = s.items { stack.append(items) }
            if case .schema(let extra)? = s.additionalProperties { stack.append(extra) }
            for branch in [s.ifSchema, s.thenSchema, s.elseSchema] { if let branch { stack.append(branch) } }
        }
        return seen
    }
}
