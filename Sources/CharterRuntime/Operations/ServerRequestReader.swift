import Foundation
import HTTPTypes

/// What a generated server reads a request through: parameters by name and location, and the body, typed.
/// The request was validated before (unless validation is off), so reading normally succeeds; when it does
/// not, the error says which part and becomes a 400.
@_spi(Generated) public struct ServerRequestReader: Sendable {
    public let request: HTTPRequest
    public let contract: OperationContract
    /// The body, read by its media type's coding (and validated); nil when the request has none.
    public let body: ReceivedBody?
    let parameters: RequestParameters

    init(request: HTTPRequest, pathParameters: [String: Substring], body: ReceivedBody?, contract: OperationContract, decoding: ParameterDecoding) {
        self.init(request: request, parameters: RequestParameters(request: request, pathParameters: pathParameters, contract: contract, decoding: decoding),
                  body: body, contract: contract)
    }

    init(request: HTTPRequest, parameters: RequestParameters, body: ReceivedBody?, contract: OperationContract) {
        self.request = request
        self.body = body
        self.contract = contract
        self.parameters = parameters
    }

    /// The parameter `name` in `location`, or nil when the request does not carry it.
    public func parameter<T: Decodable>(_ name: String, in location: IssueLocation, as type: T.Type = T.self) throws -> T? {
        try parameter(name, in: location) { try ValueCoding.decode(T.self, from: $0) }
    }

    /// A string-enum parameter (generated code's `enum`s), read by its raw value.
    public func parameter<T: Decodable & RawRepresentable>(_ name: String, in location: IssueLocation, as type: T.Type = T.self) throws -> T?
        where T.RawValue == String {
        try parameter(name, in: location) { try ValueCoding.decode(T.self, from: $0) }
    }

    /// A string-enum parameter the contract requires.
    public func requiredParameter<T: Decodable & RawRepresentable>(_ name: String, in location: IssueLocation, as type: T.Type = T.self) throws -> T
        where T.RawValue == String {
        guard let value: T = try parameter(name, in: location) else {
            throw InputDecodingError(location: location, field: name, message: "Required \(location.rawValue) parameter missing")
        }
        return value
    }

    private func parameter<T>(_ name: String, in location: IssueLocation, decode: (JSONValue) throws -> T) throws -> T? {
        guard let index = contract.parameterIndex(name, in: location) else {
            throw InputDecodingError(location: location, field: name, message: "Not a parameter of \(contract.operationID)")
        }
        guard case .value(let value, _) = parameters.found[index] else { return nil }
        do {
            return try decode(value)
        } catch {
            // The schema may allow integers the Swift type cannot hold (`type: integer` with no bounds or format).
            if case .number = value, T.self is any FixedWidthInteger.Type {
                throw InputDecodingError(location: location, field: name, constraint: "format", message: "Must fit in \(T.self) (\(MemoryLayout<T>.size * 8)-bit integer)")
            }
            throw InputDecodingError(location: location, field: name, message: "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// A parameter the contract requires.
    public func requiredParameter<T: Decodable>(_ name: String, in location: IssueLocation, as type: T.Type = T.self) throws -> T {
        guard let value = try parameter(name, in: location, as: T.self) else {
            throw InputDecodingError(location: location, field: name, message: "Required \(location.rawValue) parameter missing")
        }
        return value
    }

    /// The media types the request accepts (operations whose responses come in several).
    public func accept() -> AcceptHeader {
        let values = request.headerFields[values: .accept]
        return AcceptHeader(values.isEmpty ? nil : values.joined(separator: ", "))
    }

    /// The body the contract requires.
    public func requiredBody() throws -> ReceivedBody {
        guard let body else { throw ReceivedBody.missing(BodyFailure(side: .request)) }
        return body
    }
}

/// A request part that could not be read into its Swift type; answered as a 400 with one detail.
public struct InputDecodingError: Error, Sendable, CustomStringConvertible {
    /// Where the value was: path, query, header, cookie or body.
    public var location: IssueLocation
    /// The parameter or field name.
    public var field: String
    /// The constraint the detail names (`type` unless said).
    public var constraint: String
    /// A sentence for a person.
    public var message: String

    /// An error about `field`.
    public init(location: IssueLocation, field: String, constraint: String = "type", message: String) {
        self.location = location
        self.field = field
        self.constraint = constraint
        self.message = message
    }

    public var description: String { "\(location.rawValue) \(field): \(message)" }

    var issue: ValidationIssue {
        ValidationIssue(field: field, pointer: "", location: location, constraint: constraint, value: nil, message: message)
    }

    /// A DecodingError's path and reason in one line (`passengers[1].age: expected Int`).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let (path, reason): ([any CodingKey], String) = switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): (c.codingPath, c.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return field.isEmpty ? reason : "\(field.hasPrefix(".") ? String(field.dropFirst()) : field): \(reason)"
    }
}
