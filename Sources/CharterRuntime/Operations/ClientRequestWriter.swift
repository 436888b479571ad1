import Foundation
import HTTPTypes

/// What a generated client writes a request through: parameters by name and location (serialized by the
/// style and explode the contract declares) and a typed body.
public struct ClientRequestWriter: Sendable {
    public let contract: OperationContract
    var pathValues: [String: String] = [:]
    var query: [(name: String, value: String)] = []
    var cookies: [String] = []
    public var headerFields = HTTPFields()
    public var body: [UInt8]?

    init(contract: OperationContract) {
        self.contract = contract
    }

    /// Sets the parameter `name` in `location` (nothing when nil).
    public mutating func parameter<T: Encodable>(_ name: String, in location: IssueLocation, _ value: T?) throws {
        guard let value else { return }
        let p = contract.parameters.first { $0.name == name && $0.location == location }
            ?? ParameterContract(name: name, location: location, schema: nil)
        let json = try ValueCoding.encode(value)
        switch location {
        case .path: pathValues[name] = ParameterEncoding.pathSegment(json, p)
        case .query: query += ParameterEncoding.queryItems(json, p)
        case .header: if let field = HTTPField.Name(name) { headerFields[field] = ParameterEncoding.header(json, p) }
        case .cookie: cookies.append(ParameterEncoding.cookie(json, p))
        case .body: break
        }
    }

    /// A JSON body.
    public mutating func json<T: Encodable>(_ value: T, contentType: String = "application/json") throws {
        body = Array(try ValueCoding.encoder.encode(value))
        headerFields[.contentType] = contentType
    }

    /// A body of another media type, as bytes.
    public mutating func raw(_ data: Data, contentType: String) {
        body = Array(data)
        headerFields[.contentType] = contentType
    }

    /// The request, its path relative to the server URL (as `ClientTransport`s expect).
    var request: HTTPRequest {
        var path = ""
        var rest = contract.path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            path += pathValues[name] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        if !query.isEmpty { path += "?" + PercentEncoding.query(query) }
        var fields = headerFields
        if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
        if fields[.accept] == nil {
            let accepted = Set(contract.responses.flatMap { $0.content.map(\.mediaType) })
            if !accepted.isEmpty { fields[.accept] = accepted.sorted().joined(separator: ", ") }
        }
        return HTTPRequest(method: HTTPRequest.Method(contract.method) ?? .get, scheme: nil, authority: nil, path: path, headerFields: fields)
    }
}

/// What a generated client reads a response through.
public struct ClientResponseReader: Sendable {
    public let response: HTTPResponse
    public let body: [UInt8]
    public var statusCode: Int { response.status.code }

    public init(response: HTTPResponse, body: [UInt8]) {
        self.response = response
        self.body = body
    }

    /// The body decoded as JSON.
    public func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        do {
            return try TapeDecoding.decode(T.self, from: body, limits: ValueCoding.responseLimits)
        } catch {
            throw UnexpectedResponse(statusCode: statusCode, body: body, reason: "body is not a \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// The body as bytes.
    public var data: Data { Data(body) }

    /// Header `name` as `T` (headers are `simple`-style strings), nil when absent.
    public func header<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let field = HTTPField.Name(name) else { return nil }
        let values = response.headerFields[values: field]
        guard !values.isEmpty else { return nil }
        let raw = values.joined(separator: ",")
        let value: JSONValue = (T.self == String.self) ? .string(raw) : (ParameterDecoding.number(raw).map(JSONValue.number)
            ?? (raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)))
        do {
            return try ValueCoding.decode(T.self, from: value)
        } catch {
            throw UnexpectedResponse(statusCode: statusCode, body: body, reason: "header \(name) is not a \(T.self): '\(raw)'")
        }
    }

    /// A header the contract requires.
    public func requiredHeader<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try header(name, as: T.self) else {
            throw UnexpectedResponse(statusCode: statusCode, body: body, reason: "required header \(name) is missing")
        }
        return value
    }
}

/// A response the client could not read as the contract describes.
public struct UnexpectedResponse: Error, Sendable, CustomStringConvertible {
    public var statusCode: Int
    public var body: [UInt8]
    public var reason: String
    public var description: String { "Unexpected \(statusCode) response: \(reason)" }
}
