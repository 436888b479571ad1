import Foundation
import OpenAPIRuntime

/// A body as it was received (a server's request, a client's response), read by its media type's coding and,
/// unless validation is off, already checked. Generated code reads it with the accessor for that coding:
///
///     body: request.requiredBody().json()
///     body: request.requiredBody().multipart { parts in try Upload(file: parts.requiredFile("file")) }
///
/// A body that cannot be read as asked throws: a 400 on a server, `UnexpectedResponse` on a client.
@_spi(Generated) public struct ReceivedBody: Sendable {
    /// The media type as the spec declares it (the one the body's Content-Type matched).
    public let mediaType: String
    /// The Content-Type the body came with.
    public let contentType: String?
    let content: Content
    let failure: BodyFailure
    /// How streamed items are checked (sequential codings).
    let itemCheck: ItemCheck?

    enum Content: Sendable {
        /// Parsed (and checked) JSON.
        case json(JSONTape)
        /// Form fields shaped by the schema.
        case form(JSONValue)
        case multipart(MultipartReading.Outcome)
        case text(String)
        /// An XML document, and the value it reads as under its schema (nil when it has no structured schema or
        /// could not be read).
        case xml(String, JSONValue?)
        /// Bytes not read yet: binary bodies and streams.
        case stream(HTTPBody)
        /// Bytes that could not be parsed (their issues were reported; reading them fails).
        case unreadable
    }

    /// The JSON body as a `T`.
    public func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard case .json(let tape) = content else { throw mismatch("JSON") }
        do {
            return try TapeDecoding.decode(T.self, from: tape)
        } catch {
            throw failure.error(field: "", "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// The url-encoded form as a `T` (the type its schema's JSON form decodes into).
    public func form<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard case .form(let value) = content else { throw mismatch("form") }
        do {
            return try ValueCoding.decode(T.self, from: value)
        } catch {
            throw failure.error(field: "", "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// The multipart form, built part by part by `build` (generated code names each property's part).
    public func multipart<T>(_ build: (MultipartFields) throws -> T) throws -> T {
        guard case .multipart(let outcome) = content else { throw mismatch("multipart") }
        return try build(outcome.fields)
    }

    /// The multipart form's parts in order (a form with no object schema).
    public func multipartForm() throws -> MultipartForm {
        guard case .multipart(let outcome) = content else { throw mismatch("multipart") }
        return outcome.form
    }

    /// The text body, decoded from its charset (an XML document as it came).
    public func text() throws -> String {
        switch content {
        case .text(let text), .xml(let text, _): return text
        default: throw mismatch("text")
        }
    }

    /// The XML document as a `T` (the type its schema's value decodes into).
    public func xml<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard case .xml(_, let value?) = content else { throw mismatch("XML") }
        do {
            return try ValueCoding.decode(T.self, from: value)
        } catch {
            throw failure.error(field: "", "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// The bytes, streamed (a server reads a request's at most once, within the operation's size limit).
    public func binary() throws -> HTTPBody {
        guard case .stream(let body) = content else { throw mismatch("binary") }
        return body
    }

    /// The bytes with the media type they came as (bodies declared with a range such as `image/*`).
    public func file() throws -> BinaryFile {
        BinaryFile(try binary(), contentType: contentType)
    }

    /// Server-sent events, each checked and its data decoded into `T` as it arrives.
    public func eventStream<T: Decodable & Sendable>(of type: T.Type = T.self) throws -> EventStream<ServerEvent<T>> {
        guard case .stream(let body) = content, let check = itemCheck else { throw mismatch("event stream") }
        return EventStream {
            DecodedItems(RawItemIterator(body, coding: .eventStream, maxItemSize: check.maxItemSize, failure: check.failure)) { item, index in
                try check.event(item, index: index) as ServerEvent<T>?
            }
        }
    }

    /// JSON Lines, each line checked and decoded into `T` as it arrives.
    public func jsonLines<T: Decodable & Sendable>(of type: T.Type = T.self) throws -> EventStream<T> {
        try records(.jsonLines, T.self)
    }

    /// A JSON text sequence (RFC 7464), each record checked and decoded into `T` as it arrives.
    public func jsonSequence<T: Decodable & Sendable>(of type: T.Type = T.self) throws -> EventStream<T> {
        try records(.jsonSequence, T.self)
    }

    private func records<T: Decodable & Sendable>(_ coding: BodyCoding, _: T.Type) throws -> EventStream<T> {
        guard case .stream(let body) = content, let check = itemCheck else { throw mismatch(coding.rawValue) }
        return EventStream {
            DecodedItems(RawItemIterator(body, coding: coding, maxItemSize: check.maxItemSize, failure: check.failure)) { item, index in
                try check.record(item, index: index) as T
            }
        }
    }

    /// The error for a media type the generated code does not know (a contract out of step with the code).
    public func unexpectedMediaType() -> any Error {
        failure.error(field: "", "No reader for media type '\(mediaType)'")
    }

    private func mismatch(_ expected: String) -> any Error {
        failure.error(field: "", "The \(mediaType) body was read as \(expected)")
    }

    /// `failure`'s error when the body is required but absent.
    static func missing(_ failure: BodyFailure) -> any Error {
        failure.error(field: "", failure.side == .request ? "Request body is required" : "The response has no body")
    }
}
