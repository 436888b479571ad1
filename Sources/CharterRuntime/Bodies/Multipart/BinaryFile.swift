import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A file: bytes streamed as an `HTTPBody`, with the name and media type it travels with. Generated code uses it
/// for `format: binary` properties (multipart file parts) and for bodies of a media type range (`image/*`).
///
/// On a server, an uploaded file's body can be read while the handler runs (large uploads are kept in an
/// unlinked temporary file, never in memory whole); read it once.
public struct BinaryFile: Sendable, Hashable {
    /// The content.
    public var body: HTTPBody
    /// The file name the part carries (`filename` of its Content-Disposition).
    public var filename: String?
    /// The part's media type (`image/png`); nil: `application/octet-stream` is sent.
    public var contentType: String?
    /// Further header fields of the part (multipart only).
    public var headers: HTTPFields
    /// The bytes, when they are in memory (what JSON encoding needs).
    let bytes: [UInt8]?

    /// A file from a streamed body.
    public init(_ body: HTTPBody, filename: String? = nil, contentType: String? = nil, headers: HTTPFields = [:]) {
        self.body = body
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        bytes = nil
    }

    /// A file from bytes in memory.
    public init(_ data: Data, filename: String? = nil, contentType: String? = nil, headers: HTTPFields = [:]) {
        self.init(bytes: Array(data), filename: filename, contentType: contentType, headers: headers)
    }

    /// A file from bytes in memory.
    public init(bytes: [UInt8], filename: String? = nil, contentType: String? = nil, headers: HTTPFields = [:]) {
        body = HTTPBody(bytes)
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        self.bytes = bytes
    }

    /// The whole content, up to `limit` bytes (throws past it).
    public func data(upTo limit: Int) async throws -> Data {
        if let bytes {
            guard bytes.count <= limit else { throw BodyCollection.TooLarge() }
            return Data(bytes)
        }
        return try await Data(collecting: body, upTo: limit)
    }

    public static func == (a: BinaryFile, b: BinaryFile) -> Bool {
        a.body == b.body && a.filename == b.filename && a.contentType == b.contentType && a.headers == b.headers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(body)
        hasher.combine(filename)
        hasher.combine(contentType)
    }
}

extension BinaryFile: Codable {
    /// In JSON a binary string is its bytes in base64 (or, failing that, its text's UTF-8 bytes).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self.init(bytes: Data(base64Encoded: text).map(Array.init) ?? Array(text.utf8))
    }

    /// Files made from bytes encode as base64; a streamed file cannot be written into JSON.
    public func encode(to encoder: any Encoder) throws {
        guard let bytes else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                         debugDescription: "A streamed file cannot be encoded as JSON; send it as a multipart part"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(Data(bytes).base64EncodedString())
    }
}
