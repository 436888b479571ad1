import Foundation
import HTTPTypes

/// What a generated server reads a request through: parameters by name and location, and the body, typed.
/// The request was validated before (unless validation is off), so reading normally succeeds; when it does
/// not, the error says which part and becomes a 400.
public struct ServerRequestReader: Sendable {
    public let request: HTTPRequest
    public let contract: OperationContract
    /// The collected body (nil when the request had none).
    public let body: [UInt8]?
    let parameters: RequestParameters

    init(request: HTTPRequest, pathParameters: [String: Substring], body: [UInt8]?, contract: OperationContract, schemas: SchemaSet) {
        self.request = request
        self.body = body
        self.contract = contract
        parameters = RequestParameters(request: request, pathParameters: pathParameters, contract: contract,
                                       decoding: ParameterDecoding(schemas: schemas.schemas))
    }

    /// The parameter `name` in `location`, or nil when the request does not carry it.
    public func parameter<T: Decodable>(_ name: String, in location: IssueLocation, as type: T.Type = T.self) throws -> T? {
        guard let p = contract.parameters.first(where: { $0.name == name && $0.location == location }) else {
            throw InputDecodingError(location: location, field: name, message: "Not a parameter of \(contract.operationID)")
        }
        guard case .value(let value, _) = parameters.read(p) else { return nil }
        do {
            return try ValueCoding.decode(T.self, from: value)
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

    /// The JSON body decoded as `T`, or nil when there is none.
    public func jsonBody<T: Decodable>(_ type: T.Type = T.self) throws -> T? {
        guard let body, !body.isEmpty else { return nil }
        do {
            if let tape = ValidatedBody.tape, ValidatedBody.same(tape.bytes, body) { return try TapeDecoding.decode(T.self, from: tape) }
            return try TapeDecoding.decode(T.self, from: body)
        } catch {
            throw InputDecodingError(location: .body, field: "", message: "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// The body as bytes (for media types that are not JSON), or nil when there is none.
    public func rawBody() -> Data? {
        guard let body, !body.isEmpty else { return nil }
        return Data(body)
    }

    /// A body the contract requires.
    public func requiredJSONBody<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard let value = try jsonBody(T.self) else {
            throw InputDecodingError(location: .body, field: "", message: "Request body is required")
        }
        return value
    }

    /// A raw body the contract requires.
    public func requiredRawBody() throws -> Data {
        guard let value = rawBody() else { throw InputDecodingError(location: .body, field: "", message: "Request body is required") }
        return value
    }
}

/// The tape `ValidationMiddleware` parsed and validated, for the handler it calls (a task-local: it lives exactly
/// as long as that call). Readers use it only for the same bytes, so a middleware that rewrote the body in
/// between is harmless.
enum ValidatedBody {
    @TaskLocal static var tape: JSONTape?

    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in Bytes.equal(x, y) } }
    }
}

/// A request part that could not be read into its Swift type; answered as a 400 with one detail.
public struct InputDecodingError: Error, Sendable, CustomStringConvertible {
    public var location: IssueLocation
    public var field: String
    public var constraint: String
    public var message: String

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
