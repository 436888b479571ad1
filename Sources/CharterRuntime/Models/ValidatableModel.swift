import Foundation

/// A generated model that knows its schema: `try booking.validationIssues()` lists every violation, with
/// the same items a server would answer with.
public protocol ValidatableModel: Encodable {
    static var schemaIndex: SchemaIndex { get }
    static var validator: Validator { get }
}

extension ValidatableModel {
    /// Every violation of this value against its schema (encoded as generated code sends it first).
    public func validationIssues(direction: MessageDirection = .request) throws -> [ValidationIssue] {
        // Sorted keys: issues come in a stable order.
        let tape = try JSONTape(parsing: try JSONByteEncoding.encode(self))
        return Self.validator.validate(tape, against: Self.schemaIndex, direction: direction)
    }
}
