import CharterRuntime
import CharterSpec

/// How a spec's media type objects travel, decided once for the contracts and the generator: a body's coding
/// (its media type, refined by its schema), the schema of each item of a stream, which form and multipart
/// properties are files. Generated code and validation read the same answers.
public enum ContentRules {
    /// The coding of `media`: its media type's (`BodyCoding(mediaType:)`), except that a JSON-shaped schema under
    /// an unknown type or a range (`*/*`, as Java tools write JSON bodies) is JSON, and a binary string under a
    /// text type (`text/csv` with `format: binary`) is streamed as bytes.
    public static func coding(_ media: MediaType, in document: Document) -> BodyCoding {
        let base = BodyCoding(mediaType: media.mediaType)
        guard let schema = media.schema else { return base }
        let types = nonNullTypes(schema, in: document)
        switch base {
        case .binary where !isBinary(schema, in: document) && (types.contains(.object) || types.contains(.array)):
            return .json
        case .text where isBinary(schema, in: document), .xml where isBinary(schema, in: document):
            return .binary
        default:
            return base
        }
    }

    /// A string whose content is bytes: `format: binary`, or (3.1's idiom) a `contentMediaType` that is not JSON
    /// with no `contentEncoding`.
    public static func isBinary(_ id: SchemaID, in document: Document) -> Bool {
        let s = document[document.resolved(id)]
        guard s.types?.subtracting(.null) == .string else { return false }
        if s.format == "binary" { return true }
        if let media = s.contentMediaType, s.contentEncoding == nil { return BodyCoding(mediaType: media) != .json }
        return false
    }

    /// A file property: a binary string, an array of them, or `anyOf` one or several (as multipart forms write it).
    public static func isFile(_ id: SchemaID, in document: Document) -> Bool {
        let s = document[document.resolved(id)]
        if isBinary(id, in: document) { return true }
        if s.types?.subtracting(.null) == .array, let items = s.items { return isBinary(items, in: document) }
        let branches = s.oneOf.isEmpty ? s.anyOf : s.oneOf
        return !branches.isEmpty && branches.allSatisfy { isBinary($0, in: document) || isFileArray($0, in: document) }
    }

    private static func isFileArray(_ id: SchemaID, in document: Document) -> Bool {
        let s = document[document.resolved(id)]
        return s.types?.subtracting(.null) == .array && s.items.map { isBinary($0, in: document) } == true
    }

    /// What each item of a sequential body is, and how an event's `data` is read.
    public struct Items: Sendable {
        /// Each item's schema (events: their data's, parsed as JSON); nil: items are not checked.
        public var schema: SchemaID?
        /// Events (3.2 `itemSchema`): the whole event's schema.
        public var eventSchema: SchemaID?
        /// Events: whether `data` is JSON (else the text itself).
        public var eventDataIsJSON: Bool
        /// The schema the Swift payload type is made from (events: their data's).
        public var payload: SchemaID?
    }

    /// Items of a sequential media type. OpenAPI 3.2's `itemSchema` describes one item (for events, the whole
    /// event: `data` is text, or JSON when its schema says so or names a JSON `contentMediaType`). Before 3.2 no
    /// keyword says it, and Charter follows the convention of published specs (OpenAI's among them): `schema`
    /// describes one item — for events, the JSON in `data`; a plain string schema means the data is text.
    public static func items(_ media: MediaType, in document: Document) -> Items {
        let coding = coding(media, in: document)
        if coding == .eventStream, let item = media.itemSchema {
            guard let data = property("data", of: item, in: document) else {
                return Items(schema: nil, eventSchema: item, eventDataIsJSON: false, payload: nil)
            }
            let d = document[document.resolved(data)]
            if nonNullTypes(data, in: document) == [.string] {
                if let mediaType = d.contentMediaType, BodyCoding(mediaType: mediaType) == .json, let content = d.contentSchema {
                    return Items(schema: content, eventSchema: item, eventDataIsJSON: true, payload: content)
                }
                return Items(schema: nil, eventSchema: item, eventDataIsJSON: false, payload: nil)
            }
            // `data: {$ref: Todo}`: the data is JSON, checked inside the event.
            return Items(schema: nil, eventSchema: item, eventDataIsJSON: true, payload: data)
        }
        var item = media.itemSchema ?? media.schema
        if media.itemSchema == nil, document.version == .v3_2, let whole = media.schema, let items = document[document.resolved(whole)].items {
            // 3.2's `schema` on a sequential type describes the whole stream as an array.
            item = items
        }
        guard let item, !isBinary(item, in: document) else {
            return Items(schema: nil, eventSchema: nil, eventDataIsJSON: coding != .eventStream, payload: nil)
        }
        if coding == .eventStream && nonNullTypes(item, in: document) == [.string] {
            return Items(schema: nil, eventSchema: nil, eventDataIsJSON: false, payload: nil)
        }
        return Items(schema: item, eventSchema: nil, eventDataIsJSON: true, payload: item)
    }

    /// Form fields and multipart parts with something to say: an encoding object, or a file property.
    public static func parts(_ media: MediaType, in document: Document) -> [PartContract] {
        var parts: [PartContract] = []
        if let schema = media.schema {
            for (name, property) in properties(of: schema, in: document) where isFile(property, in: document) {
                parts.append(PartContract(name: name, isFile: true))
            }
        }
        for (name, encoding) in media.encoding {
            let style = encoding.style
            let headers = encoding.headers.filter { $0.name.lowercased() != "content-type" }
                .map { ContractBuilder.header($0.name, $0.value) }
            if let i = parts.firstIndex(where: { $0.name == name }) {
                parts[i].contentType = encoding.contentType
                parts[i].style = style
                parts[i].explode = encoding.explode
                parts[i].headers = headers
            } else {
                parts.append(PartContract(name: name, contentType: encoding.contentType, style: style, explode: encoding.explode, headers: headers))
            }
        }
        return parts
    }

    /// An object schema's properties, `allOf` members and references followed (first declaration wins).
    public static func properties(of id: SchemaID, in document: Document) -> [(name: String, schema: SchemaID)] {
        var result: [(name: String, schema: SchemaID)] = []
        var seen: Set<SchemaID> = []
        func collect(_ id: SchemaID, depth: Int) {
            let id = document.resolved(id)
            guard depth < 32, seen.insert(id).inserted else { return }
            let s = document[id]
            for member in s.allOf { collect(member, depth: depth + 1) }
            for p in s.properties where !result.contains(where: { $0.name == p.name }) { result.append(p) }
        }
        collect(id, depth: 0)
        return result
    }

    private static func property(_ name: String, of id: SchemaID, in document: Document) -> SchemaID? {
        properties(of: id, in: document).first { $0.name == name }?.schema
    }

    /// The JSON types a schema admits apart from null, references and `allOf` followed; empty when it names none.
    /// Whether a schema describes objects or arrays, not a scalar (an XML body then has a model type).
    public static func isStructured(_ id: SchemaID?, in document: Document) -> Bool {
        guard let id else { return false }
        return !nonNullTypes(id, in: document).isDisjoint(with: [.object, .array])
    }

    static func nonNullTypes(_ id: SchemaID, in document: Document, depth: Int = 0) -> JSONTypeSet {
        let s = document[document.resolved(id)]
        if let t = s.types { return t.subtracting(.null) }
        guard depth < 16 else { return [] }
        var result: JSONTypeSet = []
        for member in s.allOf { result.formUnion(nonNullTypes(member, in: document, depth: depth + 1)) }
        if result.isEmpty && !s.properties.isEmpty { result = .object }
        return result
    }
}
