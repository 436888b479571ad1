import Foundation
import HTTPTypes

/// What a generated client writes a request through: parameters by name and location (serialized by the
/// style and explode the contract declares) and a typed body (see `BodyWriter` for the body methods).
@_spi(Generated) public struct ClientRequestWriter: BodyWriter, Sendable {
    public let contract: OperationContract
    var pathValues: [String: String] = [:]
    var query: [(name: String, value: String)] = []
    /// A 3.2 `querystring` parameter's whole, already encoded query string.
    var queryString: String?
    var cookies: [String] = []
    public var headerFields = HTTPFields()
    public var draft = BodyDraft()

    init(contract: OperationContract) {
        self.contract = contract
    }

    /// Sets the parameter `name` in `location` (nothing when nil).
    public mutating func parameter<T: Encodable>(_ name: String, in location: IssueLocation, _ value: T?) throws {
        guard let value else { return }
        let p = contract.parameterIndex(name, in: location).map { contract.parameters[$0] }
            ?? ParameterContract(name: name, location: location, schema: nil)
        let json = try ValueCoding.encode(value)
        switch location {
        case .path: pathValues[name] = ParameterEncoding.pathSegment(json, p)
        case .query: query += ParameterEncoding.queryItems(json, p)
        case .header: if let field = HTTPField.Name(name) { headerFields[field] = ParameterEncoding.header(json, p) }
        case .cookie: cookies += ParameterEncoding.cookie(json, p)
        case .querystring:
            queryString = p.isJSONContent
                ? PercentEncoding.encode(json.jsonText)
                : String(decoding: FormEncoding.body(FormEncoding.fields(json, parts: [])), as: UTF8.self)
        case .body: break
        }
    }

    /// Asks for the media types `accept` names (nothing: every type the operation declares).
    public mutating func accept(_ accept: AcceptHeader) {
        if let value = accept.value { headerFields[.accept] = value }
    }

    public func declaredMedia(_ contentType: String) -> MediaTypeContract? {
        contract.requestBody?.content.declared(contentType)
    }

    /// The query the parameters make (without `?`); nil when there is none.
    var queryText: String? {
        let queries = [queryString, query.isEmpty ? nil : PercentEncoding.query(query)].compactMap { $0 }.filter { !$0.isEmpty }
        return queries.isEmpty ? nil : queries.joined(separator: "&")
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
        if let queryText { path += "?" + queryText }
        var fields = headerFields
        if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
        if fields[.accept] == nil {
            let accepted = Set(contract.responses.flatMap { $0.content.map(\.mediaType) })
            if !accepted.isEmpty { fields[.accept] = accepted.sorted().joined(separator: ", ") }
        }
        return HTTPRequest(method: HTTPRequest.Method(contract.method) ?? .get, scheme: nil, authority: nil, path: path, headerFields: fields)
    }
}
