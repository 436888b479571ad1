import Logging
import OpenAPIRuntime

/// Who handles a body — a server (reading requests, sending responses) or a client — and what validation does with it.
struct BodyParty: Sendable {
    var isServer: Bool
    var operationID: String
    /// The response's status (a client reading one), for errors.
    var statusCode = 0
    /// Check bodies against their schemas (collected ones at once, streams item by item).
    var validate: Bool
    /// Streams: a violating item fails the stream, or ends it when a server sends it (else it is logged). A server
    /// always refuses an invalid request item; a client always fails on an invalid item it sends.
    var enforce: Bool
    var logger: Logger
    /// A webhook's or callback's parties (`OperationContract.sentByAPI`): the request is the API's message, so
    /// `readOnly` and `writeOnly` apply to it as to the API's responses.
    var sentByAPI = false

    /// What a body that cannot be read is, for this party receiving it.
    var failure: BodyFailure { BodyFailure(side: isServer ? .request : .response, statusCode: statusCode) }
    /// The direction of a message this party receives (requests for a server), as `readOnly`/`writeOnly` read it.
    var received: MessageDirection { isServer != sentByAPI ? .request : .response }
    /// The direction of a message this party sends.
    var sent: MessageDirection { isServer != sentByAPI ? .response : .request }
}

extension BodyParty {
    /// The party handling `contract`'s bodies (its operation id and whether the API sends its requests).
    init(isServer: Bool, contract: OperationContract, statusCode: Int = 0, validate: Bool, enforce: Bool, logger: Logger) {
        self.init(isServer: isServer, operationID: contract.operationID, statusCode: statusCode, validate: validate, enforce: enforce,
                  logger: logger, sentByAPI: contract.sentByAPI)
    }
}

extension ContractValidator {
    /// A body read by its coding, and every problem found in it (syntax, then schema violations).
    struct Reception: Sendable {
        var body: ReceivedBody
        var issues: [ValidationIssue]
    }

    /// Reads `body` as `media` says: JSON, forms and text collected (up to `limit`) and parsed; multipart parsed
    /// as it streams, files spooled; binary and sequential bodies left streaming (binary reads fail past `limit`).
    /// `.failure` is an answer to give at once (413, or a 400 for an unusable multipart Content-Type).
    func receive(_ body: HTTPBody, contentType: String?, media: MediaTypeContract, limit: Int, reader: BodyParty) async throws -> Result<Reception, APIError> {
        switch media.coding {
        case .json, .form, .text, .xml:
            let bytes: [UInt8]
            do {
                bytes = try await BodyCollection.collect(body, limit: limit) ?? []
            } catch is BodyCollection.TooLarge {
                return .failure(.payloadTooLarge(limit: limit))
            }
            return receive(bytes, contentType: contentType, media: media, limit: limit, reader: reader)
        case .multipart:
            let reading = MultipartReading(media: media, limits: options.multipart, bodyLimit: limit, decoding: decoding)
            return try await reading.read(body, contentType: contentType, failure: reader.failure).map { outcome in
                checked(outcome, media: media, contentType: contentType, reader: reader)
            }
        case .binary, .eventStream, .jsonLines, .jsonSequence:
            if case .known(let length) = body.length, length > Int64(limit) { return .failure(.payloadTooLarge(limit: limit)) }
            let limited = limit == .max ? body : HTTPBody(LimitedBytes(base: body, limit: limit), length: body.length, iterationBehavior: body.iterationBehavior)
            return .success(Reception(body: ReceivedBody(mediaType: media.mediaType, contentType: contentType, content: .stream(limited),
                                                         failure: reader.failure, itemCheck: itemCheck(media, reader: reader)), issues: []))
        }
    }

    /// `receive` for a body already in memory (validation middlewares, `generate validate`).
    func receive(_ bytes: [UInt8], contentType: String?, media: MediaTypeContract, limit: Int, reader: BodyParty) -> Result<Reception, APIError> {
        guard bytes.count <= limit else { return .failure(.payloadTooLarge(limit: limit)) }
        func reception(_ content: ReceivedBody.Content, _ issues: [ValidationIssue]) -> Reception {
            Reception(body: ReceivedBody(mediaType: media.mediaType, contentType: contentType, content: content, failure: reader.failure,
                                         itemCheck: itemCheck(media, reader: reader)), issues: issues)
        }
        switch media.coding {
        case .json:
            let tape: JSONTape
            do {
                tape = try JSONTape(parsing: bytes, limits: options.jsonLimits)
            } catch {
                let issue = ValidationIssue(field: "", pointer: "", location: .body, constraint: "syntax", value: nil,
                                            message: "Invalid JSON at line \(error.line), column \(error.column) (offset \(error.offset)): \(error.message)")
                return .success(reception(.unreadable, [issue]))
            }
            guard reader.validate, let schema = media.schema else { return .success(reception(.json(tape), [])) }
            let issues = validator.validate(tape, against: schema, direction: reader.received)
            if reader.isServer, options.applyDefaults, issues.isEmpty, let filled = withDefaults(tape, schema: schema),
               let refilled = try? JSONTape(parsing: filled, limits: options.jsonLimits) {
                return .success(reception(.json(refilled), []))
            }
            return .success(reception(.json(tape), issues))
        case .form:
            let (value, syntax) = FormDecoding(decoding: decoding).decode(bytes[...], schema: media.schema, parts: media.parts)
            var issues = syntax
            var shaped = value
            if reader.validate, let schema = media.schema {
                issues += formNamed(validator.validate(value, against: schema, direction: reader.received))
                if reader.isServer, options.applyDefaults, issues.isEmpty, let filled = Defaults(schemas: schemas.schemas, reach: defaultsReach).apply(value, schema) {
                    shaped = filled
                }
            }
            return .success(reception(.form(shaped), issues))
        case .xml:
            let decoded = TextCharset.decode(bytes, contentType: contentType)
            guard let text = decoded.string else {
                return .success(reception(.unreadable, [ValidationIssue(field: "", pointer: "", location: .body, constraint: "charset", value: nil,
                                                                      message: decoded.problem ?? "Not text")]))
            }
            guard let schema = media.schema else { return .success(reception(.xml(text, nil), [])) }
            let (value, issues) = xmlReading(text, schema: schema, direction: reader.received, validate: reader.validate)
            return .success(reception(.xml(text, value), issues))
        case .text:
            let decoded = TextCharset.decode(bytes, contentType: contentType)
            guard let text = decoded.string else {
                return .success(reception(.unreadable, [ValidationIssue(field: "", pointer: "", location: .body, constraint: "charset", value: nil,
                                                                      message: decoded.problem ?? "Not text")]))
            }
            var issues: [ValidationIssue] = []
            if reader.validate, let schema = media.schema, decoding.expectedTypes(schema).contains(.string) || decoding.expectedTypes(schema).isEmpty {
                issues = validator.validate(.string(text), against: schema, direction: reader.received)
            }
            return .success(reception(.text(text), issues))
        case .multipart:
            let reading = MultipartReading(media: media, limits: options.multipart, bodyLimit: limit, decoding: decoding)
            return reading.read(bytes, contentType: contentType, failure: reader.failure).map { outcome in
                checked(outcome, media: media, contentType: contentType, reader: reader)
            }
        case .binary, .eventStream, .jsonLines, .jsonSequence:
            return .success(reception(.stream(HTTPBody(bytes)), []))
        }
    }

    /// A multipart outcome with its values (and file placeholders) validated as one object.
    private func checked(_ outcome: MultipartReading.Outcome, media: MediaTypeContract, contentType: String?, reader: BodyParty) -> Reception {
        var issues = outcome.issues
        if reader.validate, let schema = media.schema {
            issues += formNamed(validator.validate(outcome.checked, against: schema, direction: reader.received))
        }
        if reader.validate {
            for (part, header, value) in outcome.partHeaders {
                guard let schema = header.schema else { continue }
                issues += validator.validate(decoding.value(from: [value], header.parameter), against: schema, direction: reader.received,
                                             location: .body, base: "\(part).\(header.name)")
            }
        }
        return Reception(body: ReceivedBody(mediaType: media.mediaType, contentType: contentType, content: .multipart(outcome),
                                            failure: reader.failure, itemCheck: nil), issues: issues)
    }

    /// Issues named the way form fields are (`metadata[order_id]`, not `metadata.order_id`).
    private func formNamed(_ issues: [ValidationIssue]) -> [ValidationIssue] { issues.map(\.formNamed) }

    func itemCheck(_ media: MediaTypeContract, reader: BodyParty) -> ItemCheck? {
        guard media.coding.isSequential else { return nil }
        return ItemCheck(validator: validator, media: media, direction: reader.received, enabled: reader.validate, enforce: reader.enforce,
                         jsonLimits: options.jsonLimits, maxItemSize: options.maxStreamItemSize, isServer: reader.isServer,
                         failure: reader.failure, operationID: reader.operationID, logger: reader.logger)
    }
}

/// A body's bytes, failing with `BodyCollection.TooLarge` once more than `limit` have passed: a streamed upload
/// is held to the operation's limit even though it is never collected.
struct LimitedBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let base: HTTPBody
    let limit: Int

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), limit: limit) }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBody.Iterator
        let limit: Int
        var seen = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let chunk = try await base.next() else { return nil }
            seen += chunk.count
            if seen > limit { throw BodyCollection.TooLarge() }
            return chunk
        }
    }
}
