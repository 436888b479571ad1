import HTTPTypes
import OpenAPIRuntime

/// Writes a multipart form part by part (generated code calls one method per property). Values become text
/// parts (arrays of scalars one part per item), objects JSON parts, or — where the encoding gives a `style` —
/// bracketed text parts like a form's (`file_link_data[create]`); files are streamed when the form is sent.
public struct MultipartWriter: Sendable {
    let media: MediaTypeContract?
    /// Random, so it never occurs in the content it separates.
    let boundary: String
    private(set) var parts: [OutgoingPart] = []
    /// Values, with a placeholder per file: what validation checks.
    private(set) var checked = JSONObject()

    struct OutgoingPart: Sendable {
        var header: [UInt8]
        var content: Content
        enum Content: Sendable {
            case bytes([UInt8])
            case stream(HTTPBody)
        }
    }

    init(media: MediaTypeContract?) {
        self.media = media
        var rng = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        boundary = "charter-" + String(decoding: (0..<24).map { _ in hex[Int((rng.next() as UInt8) & 15)] }, as: UTF8.self)
    }

    /// Value part `name` (nothing when nil).
    public mutating func value<T: Encodable>(_ name: String, _ value: T?) throws {
        guard let value else { return }
        let json = try ValueCoding.encode(value)
        if case .null = json { return }
        checked[name] = json
        let part = media?.part(name)
        let declared = part?.contentType
        if part?.style != nil {
            for field in FormEncoding.fields(.object(JSONObject([(name, json)])), parts: part.map { [$0] } ?? []) {
                append(name: field.name, contentType: nil, bytes: Array(field.value.utf8))
            }
        } else if declared.map({ BodyCoding(mediaType: $0) == .json }) ?? !json.isScalarList {
            append(name: name, contentType: declared ?? "application/json", bytes: json.encoded())
        } else if case .array(let items) = json {
            for item in items { append(name: name, contentType: declared, bytes: Array(ParameterEncoding.text(item).utf8)) }
        } else {
            append(name: name, contentType: declared, bytes: Array(ParameterEncoding.text(json).utf8))
        }
    }

    /// File part `name` (nothing when nil).
    public mutating func file(_ name: String, _ file: BinaryFile?) {
        guard let file else { return }
        let declared = media?.part(name)?.contentType.flatMap { range -> String? in
            let first = String(range.split(separator: ",").first ?? "").trimmingSpaces()
            return MediaTypes.isConcrete(first) ? first : nil
        }
        var lines = "--\(boundary)\r\nContent-Disposition: form-data; name=\(HeaderParameters.quoted(name)); filename=\(HeaderParameters.quoted(file.filename ?? name))\r\n"
        lines += "Content-Type: \(file.contentType ?? declared ?? "application/octet-stream")\r\n"
        for field in file.headers where field.name != .contentType && field.name.canonicalName != "content-disposition" {
            lines += "\(field.name.canonicalName): \(field.value)\r\n"
        }
        parts.append(OutgoingPart(header: Array((lines + "\r\n").utf8), content: file.bytes.map { .bytes($0) } ?? .stream(file.body)))
        switch checked[name] {
        case .array(let items)?: checked[name] = .array(items + [.string("")])
        case .string?: checked[name] = .array([.string(""), .string("")])
        default: checked[name] = .string("")
        }
    }

    /// One file part per file, all named `name` (nothing when nil).
    public mutating func files(_ name: String, _ files: [BinaryFile]?) {
        guard let files else { return }
        for file in files { self.file(name, file) }
        if files.count == 1 { checked[name] = .array([.string("")]) }
        if files.isEmpty { checked[name] = .array([]) }
    }

    private mutating func append(name: String, contentType: String?, bytes: [UInt8]) {
        var lines = "--\(boundary)\r\nContent-Disposition: form-data; name=\(HeaderParameters.quoted(name))\r\n"
        if let contentType { lines += "Content-Type: \(contentType)\r\n" }
        parts.append(OutgoingPart(header: Array((lines + "\r\n").utf8), content: .bytes(bytes)))
    }

    /// The form as bytes: parts in order, files streamed; its length is known when every file's is.
    var body: HTTPBody {
        var length: Int64? = Int64(boundary.utf8.count + 6)
        for part in parts {
            switch part.content {
            case .bytes(let bytes): length = length.map { $0 + Int64(part.header.count + bytes.count + 2) }
            case .stream(let body):
                if case .known(let n) = body.length { length = length.map { $0 + Int64(part.header.count) + n + 2 } } else { length = nil }
            }
        }
        return HTTPBody(MultipartBytes(parts: parts, closing: Array("--\(boundary)--\r\n".utf8)),
                        length: length.map { .known($0) } ?? .unknown, iterationBehavior: .single)
    }
}

extension JSONValue {
    /// A scalar, or an array of scalars (sent as text parts rather than JSON).
    var isScalarList: Bool {
        if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
        return isScalar
    }
}

/// A multipart form's bytes, produced part by part as the transport asks for them.
private struct MultipartBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let parts: [MultipartWriter.OutgoingPart]
    let closing: [UInt8]

    func makeAsyncIterator() -> Iterator { Iterator(parts: parts[...], closing: closing) }

    struct Iterator: AsyncIteratorProtocol {
        var parts: ArraySlice<MultipartWriter.OutgoingPart>
        let closing: [UInt8]
        var file: HTTPBody.Iterator?
        var done = false

        mutating func next() async throws -> ArraySlice<UInt8>? {
            if var current = file {
                if let chunk = try await current.next() {
                    file = current
                    return chunk
                }
                file = nil
                return [0x0D, 0x0A]
            }
            guard let part = parts.popFirst() else {
                if done { return nil }
                done = true
                return closing[...]
            }
            switch part.content {
            case .bytes(let bytes): return (part.header + bytes + [0x0D, 0x0A])[...]
            case .stream(let body):
                file = body.makeAsyncIterator()
                return part.header[...]
            }
        }
    }
}
