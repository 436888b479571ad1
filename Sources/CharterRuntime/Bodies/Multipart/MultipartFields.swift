import Foundation
import OpenAPIRuntime

/// A received multipart form as generated code reads it, property by property: value parts decoded into their
/// Swift types (already validated together as one object), file parts as `BinaryFile`s.
public struct MultipartFields: Sendable {
    /// Value parts shaped into an object by the body's schema (repeated parts are arrays, JSON parts parsed).
    let values: JSONObject
    /// File parts by name, in the order they came.
    let files: [String: [BinaryFile]]
    let failure: BodyFailure

    /// Value part `name` as a `T`, nil when the form has none.
    public func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let value = values[name] else { return nil }
        do {
            return try ValueCoding.decode(T.self, from: value)
        } catch {
            throw failure.error(field: name, "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// A value part the schema requires.
    public func required<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try value(name, as: T.self) else { throw failure.error(field: name, "Required part '\(name)' is missing") }
        return value
    }

    /// File part `name` (the first, if the form repeats it).
    public func file(_ name: String) -> BinaryFile? { files[name]?.first }

    /// A file part the schema requires.
    public func requiredFile(_ name: String) throws -> BinaryFile {
        guard let file = file(name) else { throw failure.error(field: name, "Required file part '\(name)' is missing") }
        return file
    }

    /// Every file part named `name`, nil when there is none.
    public func files(_ name: String) -> [BinaryFile]? { files[name] }

    /// File parts the schema requires at least one of.
    public func requiredFiles(_ name: String) throws -> [BinaryFile] {
        guard let files = files[name], !files.isEmpty else { throw failure.error(field: name, "Required file part '\(name)' is missing") }
        return files
    }
}

/// A multipart form with no schema to type it: every part in order, each with its name. Value parts arrive as
/// small in-memory files (read them with `BinaryFile.data(upTo:)`).
public struct MultipartForm: Sendable, Hashable {
    /// One file part: its field name and the file.
    public struct Part: Sendable, Hashable {
        /// The form field name.
        public var name: String
        /// The part's bytes, file name and content type.
        public var file: BinaryFile
        /// A part named `name`.
        public init(name: String, file: BinaryFile) {
            self.name = name
            self.file = file
        }
    }

    /// The parts, in the order received or to send.
    public var parts: [Part]

    /// A form of `parts`.
    public init(_ parts: [Part] = []) {
        self.parts = parts
    }
}

/// Which side reads a body, and so what a body that cannot be read is: a 400 for a server reading a request,
/// an `UnexpectedResponse` for a client reading a response.
struct BodyFailure: Sendable {
    enum Side: Sendable { case request, response }
    var side: Side
    var statusCode = 0

    func error(field: String, _ message: String) -> any Error {
        switch side {
        case .request: InputDecodingError(location: .body, field: field, message: message)
        case .response: UnexpectedResponse(statusCode: statusCode, body: [], reason: field.isEmpty ? message : "\(field): \(message)")
        }
    }
}
