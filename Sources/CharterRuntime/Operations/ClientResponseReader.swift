import Foundation
import HTTPTypes

/// What a generated client reads a response through: its status, headers by name, and its body read by the
/// media type's coding (and checked, as the client's validation says).
@_spi(Generated) public struct ClientResponseReader: Sendable {
    public let response: HTTPResponse
    /// The body; nil when the response has none or its status declares none.
    public let body: ReceivedBody?
    /// The bytes of a response whose status the spec does not describe (collected, bounded).
    let raw: [UInt8]
    /// The status's documented response and the decoding that reads its headers by their schemas (nil: headers are
    /// read as plain values).
    let declared: ResponseContract?
    let decoding: ParameterDecoding?
    public var statusCode: Int { response.status.code }

    init(response: HTTPResponse, body: ReceivedBody?, raw: [UInt8] = [], declared: ResponseContract? = nil, decoding: ParameterDecoding? = nil) {
        self.response = response
        self.body = body
        self.raw = raw
        self.declared = declared
        self.decoding = decoding
    }

    /// The body the contract requires for this status.
    public func requiredBody() throws -> ReceivedBody {
        guard let body else { throw ReceivedBody.missing(BodyFailure(side: .response, statusCode: statusCode)) }
        return body
    }

    /// The bytes of an undocumented status.
    public var data: Data { Data(raw) }

    /// Header `name` as `T`, nil when absent. A header the status documents is read as the server wrote it: by its
    /// schema and serialization (`R,100,G,200` or, exploded, `R=100,G=200` into an object; `a,b` into an array;
    /// JSON for a `content` header); any other as a plain `simple`-style value.
    public func header<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let field = HTTPField.Name(name) else { return nil }
        let values = response.headerFields[values: field]
        guard !values.isEmpty else { return nil }
        let raw = values.joined(separator: ",")
        let documented = declared?.header(named: name)
        // A string is the value as sent, unless the header is JSON (`content`), whose string arrives quoted.
        if T.self == String.self, documented?.isJSONContent != true, let text = raw as? T { return text }
        // A documented header's schema shapes the value; if that does not give a `T` (a header documented without
        // a schema, say), the plain reading still may.
        if let decoding, let documented, let value = try? ValueCoding.decode(T.self, from: decoding.value(from: values, documented.parameter)) {
            return value
        }
        let plain = ParameterDecoding.number(raw).map(JSONValue.number) ?? (raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw))
        do {
            return try ValueCoding.decode(T.self, from: plain)
        } catch {
            throw UnexpectedResponse(statusCode: statusCode, body: [], reason: "header \(name) is not a \(T.self): '\(raw)'")
        }
    }

    /// A header the contract requires.
    public func requiredHeader<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try header(name, as: T.self) else {
            throw UnexpectedResponse(statusCode: statusCode, body: [], reason: "required header \(name) is missing")
        }
        return value
    }
}

/// A response the client could not read as the contract describes.
public struct UnexpectedResponse: Error, Sendable, CustomStringConvertible {
    /// The response's status.
    public var statusCode: Int
    /// The body's bytes, when they were collected.
    public var body: [UInt8]
    /// The server's `X-Request-ID`, to find the request in its logs.
    public var requestID: String?
    /// What could not be read, e.g. the decoding error.
    public var reason: String
    public var description: String { "Unexpected \(statusCode) response: \(reason)" + (requestID.map { " (request \($0))" } ?? "") }
}
