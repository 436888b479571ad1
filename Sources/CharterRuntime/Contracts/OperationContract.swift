import HTTPTypes


/// What an operation accepts and returns: everything request and response validation needs, by index into a
/// `SchemaSet`. Built from a loaded spec by `SpecValidator`, or emitted by generated code.
public struct OperationContract: Sendable {
    public var operationID: String
    public var method: String
    /// The path template, e.g. `/models/{modelId}/predict`.
    public var path: String
    public var parameters: [ParameterContract]
    public var requestBody: RequestBodyContract?
    public var responses: [ResponseContract]
    /// Overrides the validator's default body size limit for this operation.
    public var maxBodySize: Int?
    /// The security requirement in effect (the operation's, else the document's): alternatives, each naming the
    /// schemes that must all be satisfied. Empty, or holding an empty alternative, means no credentials are
    /// needed. Authentication middlewares read it instead of keeping their own list of public operations.
    public var security: [[String]]

    /// Whether a request without credentials may reach this operation.
    public var allowsAnonymous: Bool { security.isEmpty || security.contains { $0.isEmpty } }

    public init(operationID: String, method: String, path: String, parameters: [ParameterContract] = [],
                requestBody: RequestBodyContract? = nil, responses: [ResponseContract] = [], maxBodySize: Int? = nil,
                security: [[String]] = []) {
        self.security = security
        self.operationID = operationID
        self.method = method
        self.path = path
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.maxBodySize = maxBodySize
    }

    /// The declared response for a status: exact code, then its range (`2XX`), then `default`.
    public func response(for status: Int) -> ResponseContract? {
        let exact = String(status)
        let range = "\(status / 100)XX"
        return responses.first { $0.status == exact }
            ?? responses.first { $0.status.uppercased() == range }
            ?? responses.first { $0.status == "default" }
    }
}

public struct ParameterContract: Sendable {
    public var name: String { didSet { headerField = Self.headerField(name, location) } }
    public var location: IssueLocation { didSet { headerField = Self.headerField(name, location) } }
    public var required: Bool
    public var style: ParameterStyle
    public var explode: Bool
    public var allowEmptyValue: Bool
    public var schema: SchemaIndex?
    /// Content-based parameters (`content: {application/json: …}`): the value is a JSON document.
    public var isJSONContent: Bool
    /// A header parameter's field name, checked once (building it per request was a token scan each time);
    /// nil for other locations and for names that are not HTTP tokens.
    private(set) var headerField: HTTPField.Name?

    private static func headerField(_ name: String, _ location: IssueLocation) -> HTTPField.Name? {
        location == .header ? HTTPField.Name(name) : nil
    }

    public init(name: String, location: IssueLocation, required: Bool = false, style: ParameterStyle? = nil,
                explode: Bool? = nil, allowEmptyValue: Bool = false, schema: SchemaIndex?, isJSONContent: Bool = false) {
        self.name = name
        self.location = location
        headerField = Self.headerField(name, location)
        self.required = required || location == .path
        let defaultStyle: ParameterStyle = (location == .query || location == .cookie) ? .form : .simple
        self.style = style ?? defaultStyle
        self.explode = explode ?? (self.style == .form)
        self.allowEmptyValue = allowEmptyValue
        self.schema = schema
        self.isJSONContent = isJSONContent
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
    public var name: String
    /// Multipart: the media types the part may have (`image/png, image/jpeg`); nil: the default for its value.
    public var contentType: String?
    /// Form fields (and multipart parts, as OpenAPI 3.2 allows): serialized like a query parameter of this style.
    public var style: ParameterStyle?
    public var explode: Bool?
    /// Bytes (`format: binary`), not a value: a multipart file part, or several for an array.
    public var isFile: Bool
    /// Multipart part headers the encoding declares.
    public var headers: [HeaderContract]

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

public struct RequestBodyContract: Sendable {
    public var required: Bool
    public var content: [MediaTypeContract]

    public init(required: Bool, content: [MediaTypeContract]) {
        self.required = required
        self.content = content
    }
}

public struct HeaderContract: Sendable {
    public var name: String
    public var required: Bool
    public var schema: SchemaIndex?

    public init(name: String, required: Bool, schema: SchemaIndex?) {
        self.name = name
        self.required = required
        self.schema = schema
    }
}

public struct ResponseContract: Sendable {
    /// "200", "2XX" or "default".
    public var status: String
    public var content: [MediaTypeContract]
    public var headers: [HeaderContract]

    public init(status: String, content: [MediaTypeContract] = [], headers: [HeaderContract] = []) {
        self.status = status
        self.content = content
        self.headers = headers
    }
}
