/// How a body of one media type travels: which parser reads it, which writer writes it, and what validation
/// checks. Every layer — contract, server and client readers and writers, validation, generated code — switches
/// on this one value, so a new format is one case handled once per layer.
public enum BodyCoding: String, Sendable, Hashable, CaseIterable {
    /// `application/json` and `+json` types: one JSON document, validated against the schema.
    case json
    /// `application/x-www-form-urlencoded`: name/value pairs shaped into an object by the schema.
    case form
    /// `multipart/form-data`: one part per property, files streamed.
    case multipart
    /// `text/*`, YAML …: a string in the body's charset.
    case text
    /// `application/xml`, `text/xml`, `+xml` types: a string in the body's charset, validated by reading it into the
    /// value its schema describes (OpenAPI's XML object says how).
    case xml
    /// Anything else (`application/octet-stream`, `image/*`, `application/pdf` …): bytes, streamed.
    case binary
    /// `text/event-stream` (server-sent events): a stream of events, each validated as it passes.
    case eventStream
    /// `application/jsonl`, `application/x-ndjson`: one JSON document per line.
    case jsonLines
    /// `application/json-seq` (RFC 7464): JSON documents each behind a record separator.
    case jsonSequence

    /// The coding a media type implies on its own (schemas can refine it: a JSON schema under `*/*` is JSON).
    public init(mediaType: String) {
        self = MediaTypes.coding(MediaTypes.essence(mediaType[...]))
    }

    /// Bodies read item by item as they arrive, never whole.
    public var isSequential: Bool {
        switch self {
        case .eventStream, .jsonLines, .jsonSequence: true
        default: false
        }
    }

    /// Bodies collected into memory (bounded) before they are parsed.
    var isCollected: Bool {
        switch self {
        case .json, .form, .text, .xml: true
        default: false
        }
    }
}

extension MediaTypes {
    /// The coding for a media type's essence (`type/subtype`, no parameters), ignoring case.
    static func coding(_ essence: Substring) -> BodyCoding {
        let type = essence.lowercased()
        if isJSON(essence) { return .json }
        switch type {
        case "application/x-www-form-urlencoded": return .form
        case "multipart/form-data": return .multipart
        case "text/event-stream": return .eventStream
        case "application/jsonl", "application/x-ndjson", "application/ndjson", "application/x-jsonlines", "application/jsonlines":
            return .jsonLines
        case "application/json-seq": return .jsonSequence
        case "application/xml", "text/xml": return .xml
        case "application/yaml", "application/x-yaml", "application/javascript", "application/graphql",
             "application/sql", "application/sdp":
            return .text
        default:
            if type.hasSuffix("+xml") { return .xml }
            if type.hasPrefix("text/") || type.hasSuffix("+yaml") { return .text }
            return .binary
        }
    }

    /// Whether a media type names one concrete type (`image/png`), not a range (`image/*`, `*/*`).
    public static func isConcrete(_ mediaType: String) -> Bool {
        !essence(mediaType[...]).utf8.contains(UInt8(ascii: "*"))
    }
}
