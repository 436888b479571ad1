import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What a generated server writes a response through: status, headers by name (serialized as the spec's
/// header declares) and a typed body (see `BodyWriter` for the body methods).
@_spi(Generated) public struct ServerResponseWriter: BodyWriter, Sendable {
    public let contract: OperationContract
    public var status: Int = 200
    public var headerFields = HTTPFields()
    public var draft = BodyDraft()

    init(contract: OperationContract) {
        self.contract = contract
    }

    /// Sets header `name` to `value` (nothing when nil).
    public mutating func header<T: Encodable>(_ name: String, _ value: T?) throws {
        guard let value else { return }
        // The status's documented header, as the response check reads it (generated code sets the status first);
        // a header the spec does not document for it is serialized with the defaults.
        let p = contract.response(for: status)?.header(named: name)?.parameter ?? ParameterContract(name: name, location: .header, schema: nil)
        guard let field = p.headerField else { return }
        headerFields[field] = ParameterEncoding.header(try ValueCoding.encode(value), p)
    }

    /// The bytes of a status the spec does not document, sent as they are.
    public mutating func raw(_ data: Data, contentType: String?) {
        draft.payload = .bytes(Array(data), checked: .none)
        draft.contentType = contentType
        if let contentType { headerFields[.contentType] = contentType }
    }

    public func declaredMedia(_ contentType: String) -> MediaTypeContract? {
        contract.response(for: status)?.content.declared(contentType)
    }
}
