import HTTPTypes


/// What an operation accepts and returns: everything request and response validation needs, by index into a
/// `SchemaSet`. Built from a loaded spec by `SpecValidator`, or emitted by generated code.
public struct OperationContract: Sendable {
    /// The operation's parts live in one shared, immutable box: a contract is read on every request and handed
    /// down through the reader, the body decoder and the validator; held inline, each hand-off was a 330-byte copy
    /// and a retain per reference inside. Setting a property (rare: tests, adopters' tweaks) makes a new box.
    private struct Fields: Sendable {
        var operationID: String
        var method: String
        var path: String
        var parameters: [ParameterContract]
        var requestBody: RequestBodyContract?
        var responses: [ResponseContract]
        var maxBodySize: Int?
        var security: [SecurityRequirement]
        var deprecation: DeprecationNotice?
        var sentByAPI: Bool
    }

    private var storage: SharedFields<Fields>

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.value
        change(&fields)
        storage = SharedFields(fields)
    }

    /// The spec's `operationId` (or the one Charter derived from method and path).
    public var operationID: String { get { storage.value.operationID } set { update { $0.operationID = newValue } } }
    /// The HTTP method, upper case (`GET`).
    public var method: String { get { storage.value.method } set { update { $0.method = newValue } } }
    /// The path template, e.g. `/models/{modelId}/predict`.
    public var path: String { get { storage.value.path } set { update { $0.path = newValue } } }
    /// Path, query, header and cookie parameters (the path item's merged with the operation's).
    public var parameters: [ParameterContract] { get { storage.value.parameters } set { update { $0.parameters = newValue } } }
    /// The request body, when the operation declares one.
    public var requestBody: RequestBodyContract? { get { storage.value.requestBody } set { update { $0.requestBody = newValue } } }
    /// Every documented response, by status code, range (`4XX`) or `default`.
    public var responses: [ResponseContract] { get { storage.value.responses } set { update { $0.responses = newValue } } }
    /// Overrides the validator's default body size limit for this operation.
    public var maxBodySize: Int? { get { storage.value.maxBodySize } set { update { $0.maxBodySize = newValue } } }
    /// The security requirement in effect (the operation's, else the document's): alternatives, each naming the
    /// schemes (with scopes) that must all be satisfied. Empty, or holding an empty alternative, means no
    /// credentials are needed. The generated server enforces it with the application's `SecurityHandler`.
    public var security: [SecurityRequirement] { get { storage.value.security } set { update { $0.security = newValue } } }
    /// Set when the operation is deprecated: every response announces it (`Deprecation`, `Sunset`, `Link`).
    public var deprecation: DeprecationNotice? { get { storage.value.deprecation } set { update { $0.deprecation = newValue } } }

    /// Set for a webhook or callback: a request the API sends and its users receive. Its request body travels as
    /// the API's responses do (`readOnly` properties belong in it, `writeOnly` ones do not) and its responses as
    /// requests do.
    public var sentByAPI: Bool { get { storage.value.sentByAPI } set { update { $0.sentByAPI = newValue } } }

    /// Whether a request without credentials may reach this operation.
    public var allowsAnonymous: Bool { security.isEmpty || security.contains { $0.isEmpty } }

    /// A contract from its parts (generated code and `SpecValidator` build these).
    public init(operationID: String, method: String, path: String, parameters: [ParameterContract] = [],
                requestBody: RequestBodyContract? = nil, responses: [ResponseContract] = [], maxBodySize: Int? = nil,
                security: [SecurityRequirement] = [], deprecation: DeprecationNotice? = nil, sentByAPI: Bool = false) {
        storage = SharedFields(Fields(operationID: operationID, method: method, path: path, parameters: parameters,
                                 requestBody: requestBody, responses: responses, maxBodySize: maxBodySize,
                                 security: security, deprecation: deprecation, sentByAPI: sentByAPI))
    }

    /// The position in `parameters` of the parameter `name` in `location` (the server's reader and the client's
    /// writer both look parameters up by it, on every parameter of every request).
    func parameterIndex(_ name: String, in location: IssueLocation) -> Int? {
        parameters.withUnsafeBufferPointer { parameters in
            (0..<parameters.count).first { parameters[$0].location == location && parameters[$0].name == name }
        }
    }

    /// The declared response for a status: exact code, then its range (`2XX`), then `default`.
    public func response(for status: Int) -> ResponseContract? {
        // One pass over the documented keys' bytes: asked for every response a validating server sends, where
        // building "200" and "2XX" strings to compare was most of the lookup.
        var range: ResponseContract?, fallback: ResponseContract?
        for response in responses {
            switch ResponseContract.match(response.status, status) {
            case .exact: return response
            case .range: if range == nil { range = response }
            case .fallback: if fallback == nil { fallback = response }
            case nil: continue
            }
        }
        return range ?? fallback
    }
}

extension ResponseContract {
    enum Match { case exact, range, fallback }

    /// How a documented status key (`200`, `2XX` in either case, `default`) covers `status`, if it does.
    static func match(_ key: String, _ status: Int) -> Match? {
        if key == "default" { return .fallback }
        guard (100...999).contains(status), key.utf8.count == 3 else { return nil }
        var exact = true, range = true
        for (i, byte) in key.utf8.enumerated() {
            let digit = UInt8(ascii: "0") + UInt8(i == 0 ? status / 100 : i == 1 ? status / 10 % 10 : status % 10)
            exact = exact && byte == digit
            range = range && (i == 0 ? byte == digit : byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x"))
        }
        return exact ? .exact : range ? .range : nil
    }
}

/// One parameter: where it is, how it is serialized, and the schema its value must match.
public struct ParameterContract: Sendable {
    /// The fields live in one shared, immutable box, as `OperationContract`'s do: every request reads each of its
    /// operation's parameters several times (reading, validating, the handler's lookup), and an inline copy was a
    /// retain per string inside (name, header field, deprecation notice). Setting a property makes a new box.
    private struct Fields: Sendable {
        var name: String
        var location: IssueLocation
        var required: Bool
        var style: ParameterStyle
        var explode: Bool
        var allowEmptyValue: Bool
        var schema: SchemaIndex?
        var isJSONContent: Bool
        var deprecation: DeprecationNotice?
        var headerField: HTTPField.Name?
    }

    private var storage: SharedFields<Fields>

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.value
        change(&fields)
        fields.headerField = Self.headerField(fields.name, fields.location)
        storage = SharedFields(fields)
    }

    /// The parameter's name as it appears on the wire.
    public var name: String { get { storage.value.name } set { update { $0.name = newValue } } }
    /// Path, query, header or cookie.
    public var location: IssueLocation { get { storage.value.location } set { update { $0.location = newValue } } }
    /// Whether a request without it is refused.
    public var required: Bool { get { storage.value.required } set { update { $0.required = newValue } } }
    /// The serialization style (`form`, `simple`, `deepObject`…).
    public var style: ParameterStyle { get { storage.value.style } set { update { $0.style = newValue } } }
    /// Whether arrays and objects are exploded into repeated or separate values.
    public var explode: Bool { get { storage.value.explode } set { update { $0.explode = newValue } } }
    /// Whether `?name=` with no value is accepted (query only).
    public var allowEmptyValue: Bool { get { storage.value.allowEmptyValue } set { update { $0.allowEmptyValue = newValue } } }
    /// The schema the decoded value must match.
    public var schema: SchemaIndex? { get { storage.value.schema } set { update { $0.schema = newValue } } }
    /// Content-based parameters (`content: {application/json: …}`): the value is a JSON document.
    public var isJSONContent: Bool { get { storage.value.isJSONContent } set { update { $0.isJSONContent = newValue } } }
    /// Set when the parameter is deprecated: a response to a request that sends it announces that.
    public var deprecation: DeprecationNotice? { get { storage.value.deprecation } set { update { $0.deprecation = newValue } } }
    /// A header parameter's field name, checked once (building it per request was a token scan each time);
    /// nil for other locations and for names that are not HTTP tokens.
    var headerField: HTTPField.Name? { storage.value.headerField }

    private static func headerField(_ name: String, _ location: IssueLocation) -> HTTPField.Name? {
        location == .header ? HTTPField.Name(name) : nil
    }

    /// A parameter; `style` and `explode` default to OpenAPI's defaults for the location.
    public init(name: String, location: IssueLocation, required: Bool = false, style: ParameterStyle? = nil,
                explode: Bool? = nil, allowEmptyValue: Bool = false, schema: SchemaIndex?, isJSONContent: Bool = false,
                deprecation: DeprecationNotice? = nil) {
        let defaultStyle: ParameterStyle = (location == .query || location == .cookie) ? .form : .simple
        let style = style ?? defaultStyle
        storage = SharedFields(Fields(name: name, location: location, required: required || location == .path, style: style,
                                 explode: explode ?? style.explodesByDefault, allowEmptyValue: allowEmptyValue, schema: schema,
                                 isJSONContent: isJSONContent, deprecation: deprecation, headerField: Self.headerField(name, location)))
    }
}

/// One media type of a body: how it is coded and what it is validated against.
public struct MediaTypeContract: Sendable {
    /// As written in the spec: `application/json`, `image/*`, `*/*`.
    public var mediaType: String
    /// How bodies of this media type are read, written and checked.
    public var coding: BodyCoding
    /// The body's schema; for sequential codings, each item's (for event streams, each event's `data`, parsed
    /// as JSON). Nil: not validated (event streams: `data` is free text).
    public var schema: SchemaIndex?
    /// Event streams described by OpenAPI 3.2's `itemSchema`: the schema of the whole event (`event`, `data`,
    /// `id`, `retry`). It sees `data` as the string sent when `schema` checks the data on its own (a JSON
    /// `contentSchema`) or the data is text, and as the parsed JSON otherwise (`data: {$ref: Tick}`).
    public var eventSchema: SchemaIndex?
    /// Whether an event's `data` is JSON (parsed before `eventSchema` sees it, decoded into the payload type).
    public var eventDataIsJSON: Bool
    /// Form fields and multipart parts that have an encoding or are files, by property name.
    public var parts: [PartContract]

    /// A media type; `coding` defaults to the one the media type implies (JSON, form, multipart, text, bytes, streams).
    public init(mediaType: String, coding: BodyCoding? = nil, schema: SchemaIndex?, eventSchema: SchemaIndex? = nil,
                eventDataIsJSON: Bool = true, parts: [PartContract] = []) {
        self.mediaType = mediaType
        self.coding = coding ?? BodyCoding(mediaType: mediaType)
        self.schema = schema
        self.eventSchema = eventSchema
        self.eventDataIsJSON = eventDataIsJSON
        self.parts = parts
    }

    /// The declared encoding of property `name`, if any.
    func part(_ name: String) -> PartContract? { parts.first { $0.name == name } }
}

/// How one property of a form or multipart body travels (OpenAPI's encoding object, and whether it is a file).
public struct PartContract: Sendable {
    /// The property's name (a form field or a multipart part's `name`).
    public var name: String
    /// Multipart: the media types the part may have (`image/png, image/jpeg`); nil: the default for its value.
    public var contentType: String?
    /// Form fields (and multipart parts, as OpenAPI 3.2 allows): serialized like a query parameter of this style.
    public var style: ParameterStyle?
    /// Form fields: whether arrays and objects are exploded; `nil` for the style's default.
    public var explode: Bool?
    /// Bytes (`format: binary`), not a value: a multipart file part, or several for an array.
    public var isFile: Bool
    /// Multipart part headers the encoding declares.
    public var headers: [HeaderContract]

    /// An encoding entry for property `name`.
    public init(name: String, contentType: String? = nil, style: ParameterStyle? = nil, explode: Bool? = nil,
                isFile: Bool = false, headers: [HeaderContract] = []) {
        self.name = name
        self.contentType = contentType
        self.style = style
        self.explode = explode
        self.isFile = isFile
        self.headers = headers
    }
}

/// An operation's request body: whether it is required and the media types it may come in.
public struct RequestBodyContract: Sendable {
    /// Whether a request without a body is refused.
    public var required: Bool
    /// The media types accepted; a request's `Content-Type` picks one (415 when none matches).
    public var content: [MediaTypeContract]

    /// A request body.
    public init(required: Bool, content: [MediaTypeContract]) {
        self.required = required
        self.content = content
    }
}

/// A header of a response or a multipart part.
public struct HeaderContract: Sendable {
    /// The header's name.
    public var name: String { get { parameter.name } set { parameter.name = newValue } }
    /// Whether a message without it violates the contract.
    public var required: Bool
    /// The schema its value must match.
    public var schema: SchemaIndex? { get { parameter.schema } set { parameter.schema = newValue } }
    /// The header as a header parameter: name, schema and serialization in one place, and its field name checked as
    /// a token once, not for every message that sends it (the writer, the response check and the multipart reader
    /// all read the header through it).
    private(set) var parameter: ParameterContract
    /// Whether an object value is sent as `key=value` pairs (`R=100,G=200`) rather than alternating keys and
    /// values (`R,100,G,200`); headers are always `simple`-style, so arrays read the same either way.
    public var explode: Bool { get { parameter.explode } set { parameter.explode = newValue } }
    /// A header described by `content` (`application/json`) rather than `schema`: its value is a JSON document.
    public var isJSONContent: Bool { get { parameter.isJSONContent } set { parameter.isJSONContent = newValue } }

    /// A header; `explode` and `isJSONContent` as the spec's header object says (defaults: OpenAPI's).
    public init(name: String, required: Bool, schema: SchemaIndex?, explode: Bool = false, isJSONContent: Bool = false) {
        self.required = required
        parameter = ParameterContract(name: name, location: .header, explode: explode, schema: schema, isJSONContent: isJSONContent)
    }
}

/// One documented response.
public struct ResponseContract: Sendable {
    /// "200", "2XX" or "default".
    public var status: String
    /// The media types the response may have (empty: no body).
    public var content: [MediaTypeContract]
    /// The headers it documents.
    public var headers: [HeaderContract]

    /// A response for `status` (`200`, `4XX`, `default`).
    public init(status: String, content: [MediaTypeContract] = [], headers: [HeaderContract] = []) {
        self.status = status
        self.content = content
        self.headers = headers
    }

    /// The documented header `name`: spelled as the spec spells it (what generated code passes, compared without
    /// parsing), else the same field name in any case, as HTTP compares them.
    func header(named name: String) -> HeaderContract? {
        if let exact = headers.first(where: { $0.name == name }) { return exact }
        guard let field = HTTPField.Name(name) else { return nil }
        return headers.first { $0.parameter.headerField == field }
    }
}

/// A contract's fields in one immutable box shared by every copy: contracts are handed down each request's path
/// (reader, body decoder, validator, the handler's lookups), and a copy of the fields held inline was a retain per
/// reference inside. A setter makes a new box, so the holders keep value semantics.
final class SharedFields<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
