import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What writes a body: a server's response (`ServerResponseWriter`) or a client's request (`ClientRequestWriter`).
/// Generated code sets the body with the method for its media type's coding; the value is kept in the form
/// validation checks (a JSON value, a form's fields, multipart parts, items of a stream) and serialized only
/// when the message is sent, streams item by item.
@_spi(Generated) public protocol BodyWriter {
    /// The header fields written so far (Content-Type is set by the body methods).
    var headerFields: HTTPFields { get set }
    /// The body written so far.
    var draft: BodyDraft { get set }
    /// The contract's media type that `contentType` falls under, where this message may have a body.
    func declaredMedia(_ contentType: String) -> MediaTypeContract?
}

/// A body as written, before it is sent (see `BodyWriter`).
@_spi(Generated) public struct BodyDraft: Sendable {
    var payload: Payload?
    var contentType: String?
    var media: MediaTypeContract?

    public init() {}

    enum Payload: Sendable {
        /// Serialized already (JSON, forms, text), with what validation checks.
        case bytes([UInt8], checked: Checked)
        case multipart(MultipartWriter)
        /// An XML document's value, laid out as XML by its schema when sent (the writer has no schemas).
        case xml(JSONValue)
        /// Binary, streamed.
        case stream(HTTPBody)
        /// Sequential items, framed and checked as they are sent.
        case items(EventStream<StreamItem>)
    }

    enum Checked: Sendable {
        /// Parse the bytes as JSON.
        case json
        case value(JSONValue)
        case text(String)
        case xml(String)
        case none
    }
}

extension BodyWriter {
    private mutating func set(_ payload: BodyDraft.Payload, contentType: String, media: MediaTypeContract?) {
        draft.payload = payload
        draft.contentType = contentType
        draft.media = media
        headerFields[.contentType] = contentType
    }

    /// A JSON body.
    public mutating func json<T: Encodable>(_ value: T, contentType: String = "application/json") throws {
        set(.bytes(try JSONByteEncoding.encode(value), checked: .json), contentType: contentType, media: declaredMedia(contentType))
    }

    /// An `application/x-www-form-urlencoded` body: the value's properties as fields, each encoded as the spec's
    /// encoding object says (nested objects and arrays with brackets: `metadata[key]=v`).
    public mutating func form<T: Encodable>(_ value: T, contentType: String = "application/x-www-form-urlencoded") throws {
        let media = declaredMedia(contentType)
        let json = try ValueCoding.encode(value)
        set(.bytes(FormEncoding.body(FormEncoding.fields(json, parts: media?.parts ?? [])), checked: .value(json)), contentType: contentType, media: media)
    }

    /// A `multipart/form-data` body, written part by part by `write` (generated code names each property's part).
    public mutating func multipart(contentType: String = "multipart/form-data", _ write: (inout MultipartWriter) throws -> Void) throws {
        let media = declaredMedia(contentType)
        var parts = MultipartWriter(media: media)
        try write(&parts)
        set(.multipart(parts), contentType: contentType + "; boundary=" + parts.boundary, media: media)
    }

    /// A multipart body from parts given in order (a form with no object schema).
    public mutating func multipartForm(_ form: MultipartForm, contentType: String = "multipart/form-data") {
        let media = declaredMedia(contentType)
        var parts = MultipartWriter(media: media)
        for part in form.parts { parts.file(part.name, part.file) }
        set(.multipart(parts), contentType: contentType + "; boundary=" + parts.boundary, media: media)
    }

    /// A text body, sent as UTF-8 (a `charset` parameter is added when `contentType` has none).
    public mutating func text(_ value: String, contentType: String = "text/plain") {
        let media = declaredMedia(contentType)
        let type = Self.utf8(contentType)
        set(.bytes(Array(value.utf8), checked: .text(value)), contentType: type, media: media)
    }

    /// A value sent as the XML document its schema describes (OpenAPI's XML object lays it out), UTF-8.
    public mutating func xml<T: Encodable>(_ value: T, contentType: String = "application/xml") throws {
        let media = declaredMedia(contentType)
        let type = Self.utf8(contentType)
        set(.xml(try ValueCoding.encode(value)), contentType: type, media: media)
    }

    /// An XML document given as text, sent as UTF-8 (checked by reading it as its schema lays it out).
    public mutating func xml(_ value: String, contentType: String = "application/xml") {
        let media = declaredMedia(contentType)
        let type = Self.utf8(contentType)
        set(.bytes(Array(value.utf8), checked: .xml(value)), contentType: type, media: media)
    }

    /// `contentType` with `charset=utf-8` unless it names a charset (text and XML are sent as UTF-8).
    static func utf8(_ contentType: String) -> String {
        HeaderParameters.parse(contentType)["charset"] == nil ? contentType + "; charset=utf-8" : contentType
    }

    /// A binary body, streamed.
    public mutating func binary(_ body: HTTPBody, contentType: String = "application/octet-stream") {
        set(.stream(body), contentType: contentType, media: declaredMedia(contentType))
    }

    /// A file for a media type range (`image/*`): sent as its own media type, else as `range` when that names
    /// one type, else as `application/octet-stream`.
    public mutating func file(_ file: BinaryFile, range: String) {
        let type = file.contentType ?? (MediaTypes.isConcrete(range) ? range : "application/octet-stream")
        set(.stream(file.body), contentType: type, media: declaredMedia(type))
    }

    /// Server-sent events, each encoded (its data as JSON, or as the text itself when the payload is text)
    /// and checked as it is sent.
    public mutating func eventStream<T: Encodable & Sendable>(_ events: EventStream<ServerEvent<T>>, contentType: String = "text/event-stream") {
        let media = declaredMedia(contentType)
        let dataIsJSON = media?.eventDataIsJSON ?? (T.self != String.self)
        let items = events.mapItems { event -> StreamItem in
            let data: String
            if !dataIsJSON, let text = event.data as? String {
                data = text
            } else {
                data = String(decoding: try JSONByteEncoding.encode(event.data), as: UTF8.self)
            }
            return .event(RawEvent(event: event.event, data: data, id: event.id, retry: event.retry))
        }
        set(.items(items), contentType: contentType, media: media)
    }

    /// JSON Lines: one JSON document per line, each checked as it is sent.
    public mutating func jsonLines<T: Encodable & Sendable>(_ items: EventStream<T>, contentType: String = "application/jsonl") {
        set(.items(items.mapItems { .json(try JSONByteEncoding.encode($0)) }), contentType: contentType, media: declaredMedia(contentType))
    }

    /// A JSON text sequence (RFC 7464), each record checked as it is sent.
    public mutating func jsonSequence<T: Encodable & Sendable>(_ items: EventStream<T>, contentType: String = "application/json-seq") {
        set(.items(items.mapItems { .json(try JSONByteEncoding.encode($0)) }), contentType: contentType, media: declaredMedia(contentType))
    }
}

extension Array where Element == MediaTypeContract {
    /// The declared media type a concrete Content-Type falls under (an exact match before a range).
    func declared(_ contentType: String) -> MediaTypeContract? {
        // The usual call: a writer's own content type, spelt as the first declared one. What the loop below would
        // return too (a concrete type matching first), without cutting and comparing essences.
        if let first, first.mediaType == contentType, !contentType.utf8.contains(UInt8(ascii: "*")) { return first }
        let essence = MediaTypes.essence(contentType[...])
        var range: MediaTypeContract?
        for media in self where MediaTypes.matches(essence, range: MediaTypes.essence(media.mediaType[...])) {
            if MediaTypes.isConcrete(media.mediaType) { return media }
            if range == nil { range = media }
        }
        return range
    }
}
