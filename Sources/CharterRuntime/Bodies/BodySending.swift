import OpenAPIRuntime

extension ContractValidator {
    /// A written body as bytes to send, and its violations: collected payloads are checked at once, streams item
    /// by item as they are sent (see `ItemCheck`).
    func outgoing(_ draft: BodyDraft, sender: BodyParty) -> (body: HTTPBody?, issues: [ValidationIssue]) {
        guard let payload = draft.payload else { return (nil, []) }
        let direction = sender.sent
        let schema = sender.validate ? draft.media?.schema : nil
        switch payload {
        case .bytes(let bytes, let checked):
            guard let schema else { return (HTTPBody(bytes), []) }
            switch checked {
            case .json:
                do {
                    let tape = try JSONTape(parsing: bytes, limits: options.jsonLimits)
                    return (HTTPBody(bytes), validator.validate(tape, against: schema, direction: direction))
                } catch {
                    return (HTTPBody(bytes), [ItemCheck.issue("", "syntax", "Not valid JSON: \(error)")])
                }
            case .value(let value):
                return (HTTPBody(bytes), validator.validate(value, against: schema, direction: direction).map(\.formNamed))
            case .text(let text):
                let types = decoding.expectedTypes(schema)
                let issues = types.isEmpty || types.contains(.string) ? validator.validate(.string(text), against: schema, direction: direction) : []
                return (HTTPBody(bytes), issues)
            case .xml(let text):
                return (HTTPBody(bytes), xmlIssues(text, schema: schema, direction: direction))
            case .none:
                return (HTTPBody(bytes), [])
            }
        case .xml(let value):
            let text = XMLWriting(schemas: decoding.schemas).document(value, schema: draft.media?.schema)
            return (HTTPBody(Array(text.utf8)), schema.map { validator.validate(value, against: $0, direction: direction) } ?? [])
        case .multipart(let writer):
            let issues = schema.map { validator.validate(.object(writer.checked), against: $0, direction: direction).map(\.formNamed) } ?? []
            return (writer.body, issues)
        case .stream(let body):
            return (body, [])
        case .items(let items):
            guard let media = draft.media else {
                let loose = MediaTypeContract(mediaType: draft.contentType ?? "", schema: nil)
                return (HTTPBody(OutgoingItemBytes(items: items, check: check(loose, sender)), length: .unknown, iterationBehavior: .single), [])
            }
            return (HTTPBody(OutgoingItemBytes(items: items, check: check(media, sender)), length: .unknown, iterationBehavior: .single), [])
        }
    }

    private func check(_ media: MediaTypeContract, _ sender: BodyParty) -> ItemCheck {
        ItemCheck(validator: validator, media: media, direction: sender.sent, enabled: sender.validate,
                  enforce: sender.enforce, jsonLimits: options.jsonLimits, maxItemSize: options.maxStreamItemSize, isServer: sender.isServer,
                  failure: BodyFailure(side: sender.isServer ? .response : .request), operationID: sender.operationID, logger: sender.logger)
    }
}

extension ValidationIssue {
    /// The issue with its field named as forms name fields.
    var formNamed: ValidationIssue {
        var issue = self
        issue.field = formField
        return issue
    }
}
