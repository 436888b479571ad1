@_spi(Generated) import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Writes one operation's answer: the status the caller prefers (or the first documented success), a media type
/// the caller accepts, the body from a valid example or synthesised from the schema, and the required headers.
/// The server around it then validates the answer before it leaves.
struct MockResponder: Sendable {
    let route: MockCatalog.Route
    let values: MockValues
    let options: MockOptions
    /// Set when the mock sends callbacks (`MockOptions.sendsCallbacks`).
    let callbacks: MockCallbacks?

    func respond(_ reader: ServerRequestReader, _ writer: inout ServerResponseWriter) async throws {
        if options.latencyMilliseconds > 0 { try await Task.sleep(nanoseconds: UInt64(options.latencyMilliseconds) * 1_000_000) }
        let preferences = MockPreferences(reader.request.headerFields)
        let dynamic = preferences.dynamic ?? options.dynamic
        // A fresh seed per call in dynamic mode; otherwise the configured one, so answers repeat.
        let seed = dynamic ? UInt64.random(in: 1...UInt64.max) : options.seed
        let (status, response) = choose(preferences.code)
        writer.status = status
        // A subscription answered with a success is followed by its callbacks, as the API would send them.
        if let callbacks, !route.callbacks.isEmpty, (200..<300).contains(status) {
            callbacks.schedule(route.callbacks, after: reader, seed: seed)
        }
        var applied: [String] = []
        if let code = preferences.code, code == status { applied.append("code=\(code)") }
        guard let response else { return }

        for header in response.headers where header.required && !Self.framingHeaders.contains(header.name.lowercased()) {
            let value = try header.schema.map { try values.value(for: $0, seed: seed, what: "header '\(header.name)'") } ?? .string("mock")
            try writer.header(header.name, value)
        }
        guard status != 204, status != 304, !response.content.isEmpty, reader.request.method != .head else { return }
        let accept = AcceptHeader(reader.request.headerFields[.accept])
        guard let media = accept.preferred(response.content.map(\.mediaType)).flatMap({ type in response.content.first { $0.mediaType == type } })
                ?? response.content.first else { return }
        let contentType = Self.concreteType(for: media.mediaType, accept: accept)

        let examples = route.examples[response.status]?[media.mediaType] ?? []
        var example: JSONValue?
        if let name = preferences.example, let named = examples.first(where: { $0.name == name }) {
            example = named.value
            applied.append("example=\(name)")
        } else if !dynamic {
            example = examples.first?.value
        }
        try await write(media, contentType: contentType, example: example, seed: seed, to: &writer)
        if dynamic && preferences.dynamic == true { applied.append("dynamic=true") }
        if !applied.isEmpty { writer.headerFields[.preferenceApplied] = applied.joined(separator: ", ") }
    }

    /// Headers the transport frames the body with; a spec declaring them describes, it does not ask to set them.
    static let framingHeaders: Set<String> = ["content-type", "content-length", "transfer-encoding"]

    /// The preferred status when the spec documents it (exactly, by its range, or through `default`), else the
    /// first documented success, else `default` as 200, else the first response written.
    func choose(_ preferred: Int?) -> (Int, ResponseContract?) {
        let responses = route.contract.responses
        if let code = preferred {
            if let exact = responses.first(where: { $0.status == String(code) }) { return (code, exact) }
            if let range = responses.first(where: { $0.status.uppercased() == "\(code / 100)XX" }) { return (code, range) }
            if let fallback = responses.first(where: { $0.status == "default" }) { return (code, fallback) }
        }
        for response in responses {
            if let code = Int(response.status), (200..<300).contains(code) { return (code, response) }
            if response.status.uppercased() == "2XX" { return (200, response) }
        }
        if let fallback = responses.first(where: { $0.status == "default" }) { return (200, fallback) }
        guard let first = responses.first else { return (200, nil) }
        if let code = Int(first.status) { return (code, first) }
        let hundreds = Int(first.status.prefix(1)) ?? 2
        return (hundreds * 100, first)
    }

    private func write(_ media: MediaTypeContract, contentType: String, example: JSONValue?, seed: UInt64, to writer: inout ServerResponseWriter) async throws {
        let what = "\(media.mediaType) body"
        func body() throws -> JSONValue {
            if let example { return example }
            guard let schema = media.schema else { return .string("mock") }
            return try values.value(for: schema, seed: seed, what: what)
        }
        switch media.coding {
        case .json:
            try writer.json(try body(), contentType: contentType)
        case .form:
            try writer.form(try body(), contentType: contentType)
        case .multipart:
            let value = try body()
            try writer.multipart(contentType: contentType) { parts in
                guard case .object(let fields) = value else { return }
                for (name, field) in fields { try parts.value(name, field) }
            }
        case .text:
            let value = try body()
            if case .string(let text) = value { writer.text(text, contentType: contentType) } else { writer.text(String(decoding: value.encoded(), as: UTF8.self), contentType: contentType) }
        case .xml:
            let value = try body()
            // A string is the document itself (a string schema, or an example written as XML text); other values
            // are laid out by the schema's XML objects.
            if case .string(let text) = value {
                writer.xml(text, contentType: contentType)
            } else {
                try writer.xml(value, contentType: contentType)
            }
        case .binary:
            // Example text as its bytes; otherwise a short, recognisable placeholder (a schema says nothing of bytes).
            let bytes: [UInt8] = if case .string(let text)? = example { Array(text.utf8) } else { Array("charter mock \(seed % 1000)".utf8) }
            writer.binary(HTTPBody(bytes), contentType: contentType)
        case .eventStream:
            let events = try events(media, seed: seed)
            if media.eventDataIsJSON {
                writer.eventStream(EventStream(events), contentType: contentType)
            } else {
                // Text data goes out as written, not as a JSON string literal.
                let texts = events.map { event -> ServerEvent<String> in
                    let text = if case .string(let s) = event.data { s } else { String(decoding: event.data.encoded(), as: UTF8.self) }
                    return ServerEvent(data: text, event: event.event, id: event.id, retry: event.retry)
                }
                writer.eventStream(EventStream(texts), contentType: contentType)
            }
        case .jsonLines:
            writer.jsonLines(EventStream(try items(media, seed: seed, what: what)), contentType: contentType)
        case .jsonSequence:
            writer.jsonSequence(EventStream(try items(media, seed: seed, what: what)), contentType: contentType)
        }
    }

    private func items(_ media: MediaTypeContract, seed: UInt64, what: String) throws -> [JSONValue] {
        try (0..<options.streamLength).map { i in
            guard let schema = media.schema else { return .string("mock \(i)") }
            return try values.value(for: schema, seed: seed &+ UInt64(i), what: what)
        }
    }

    /// Events from 3.2's `itemSchema` (the whole event) or from the schema of each event's data.
    private func events(_ media: MediaTypeContract, seed: UInt64) throws -> [ServerEvent<JSONValue>] {
        try (0..<options.streamLength).map { i in
            let itemSeed = seed &+ UInt64(i)
            var event = ServerEvent<JSONValue>(data: .string("mock \(i)"))
            if let eventSchema = media.eventSchema, case .object(let fields) = try values.value(for: eventSchema, seed: itemSeed, what: "event") {
                if let data = fields["data"] { event.data = data }
                if case .string(let name)? = fields["event"] { event.event = name }
                if case .string(let id)? = fields["id"] { event.id = id }
            }
            if let schema = media.schema {
                event.data = try values.value(for: schema, seed: itemSeed, what: "event data")
            }
            return event
        }
    }

    /// A media type to send for a declared one: itself when concrete, else the first type the caller accepts
    /// within the range, else a common member of the range.
    static func concreteType(for declared: String, accept: AcceptHeader) -> String {
        guard declared.contains("*") else { return declared }
        let range = declared.split(separator: ";").first.map { $0.trimmingCharacters(in: " ").lowercased() } ?? declared
        let family = range.split(separator: "/").first.map(String.init) ?? "*"
        if let header = accept.value {
            for candidate in header.split(separator: ",") {
                let type = (candidate.split(separator: ";").first ?? candidate).trimmingCharacters(in: " \t").lowercased()
                guard !type.contains("*"), type.contains("/") else { continue }
                if family == "*" || type.hasPrefix(family + "/") { return type }
            }
        }
        switch family {
        case "image": return "image/png"
        case "text": return "text/plain"
        case "audio": return "audio/mpeg"
        case "video": return "video/mp4"
        default: return "application/octet-stream"
        }
    }
}
