import Foundation
import HTTPTypes

/// What a generated server writes a response through: status, headers by name (serialized as the spec's
/// header declares) and a typed body.
public struct ServerResponseWriter: Sendable {
    public let contract: OperationContract
    public var status: Int = 200
    public var headerFields = HTTPFields()
    public var body: [UInt8]?

    init(contract: OperationContract) {
        self.contract = contract
    }

    /// Sets header `name` to `value` (nothing when nil).
    public mutating func header<T: Encodable>(_ name: String, _ value: T?) throws {
        guard let value, let field = HTTPField.Name(name) else { return }
        let p = ParameterContract(name: name, location: .header, schema: nil)
        headerFields[field] = ParameterEncoding.header(try ValueCoding.encode(value), p)
    }

    /// A JSON body.
    public mutating func json<T: Encodable>(_ value: T, contentType: String = "application/json") throws {
        body = Array(try ValueCoding.encoder.encode(value))
        headerFields[.contentType] = contentType
    }

    /// A body of another media type, as bytes.
    public mutating func raw(_ data: Data, contentType: String?) {
        body = Array(data)
        if let contentType { headerFields[.contentType] = contentType }
    }

    var response: HTTPResponse {
        var fields = headerFields
        if let body { fields[.contentLength] = String(body.count) }
        return HTTPResponse(status: .init(code: status), headerFields: fields)
    }
}
