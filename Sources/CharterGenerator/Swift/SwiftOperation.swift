import CharterRuntime

/// An operation as the renderer needs it: names, typed inputs, output cases, nested types and its contract.
/// Built by `OperationTranslator`; printed by `OperationRenderer` (which knows nothing of OpenAPI).
struct SwiftOperation: Sendable {
    /// The namespace enum (`CreateBooking`) and the method name (`createBooking`).
    var typeName: String
    var methodName: String
    /// `POST /bookings`, the summary and description, as doc lines.
    var doc: [String]
    /// The deprecation message when the operation is deprecated.
    var deprecation: String?
    var inputs: [SwiftInput]
    var cases: [SwiftOutputCase]
    /// Inline types of parameters and bodies, declared inside the namespace.
    var nested: [SwiftDecl]
    /// Structs for response headers (`CreatedHeaders`).
    var headerStructs: [SwiftStruct]
    /// The contract the runtime validates the operation with (`ContractEmitter` prints it when the namespace is printed).
    var contract: OperationContract
    /// The path template.
    var path: String
    /// The spec's operationId (or the synthesised one) the operation is known by outside Swift.
    var operationID: String
    /// The webhook's or callback's name when the operation is one the API sends (OpenAPI `webhooks`, `callbacks`)
    /// rather than serves: it is received by `<API>WebhooksProtocol` and sent by `<API>WebhookSender`, not by the
    /// API's server and client.
    var webhook: String?
    var isWebhook: Bool { webhook != nil }
    /// For a callback: the type of the operation that subscribes to it and the callback's URL template
    /// (`{$request.body#/callbackUrl}`), from which `url(for:)` reads the URL in that operation's input.
    var callback: (parentTypeName: String, template: String)?
    /// Served by the API's own server and called by its client (a path operation).
    var isServed: Bool { webhook == nil }
    /// How the client walks the operation's pages, when it is paginated.
    var pagination: SwiftPagination?
    /// The security schemes any alternative of the operation's requirement names.
    var securitySchemes: [String] = []

    /// Bodies with several media types: each has an enum (and reader and writer functions) in the namespace.
    var bodyEnums: [SwiftBody] {
        (inputs.compactMap(\.body) + cases.compactMap(\.body)).filter { $0.enumName != nil }
    }
}

/// One property of `Input`: a parameter or the body.
struct SwiftInput: Sendable {
    enum Source: Sendable {
        /// `location` is the runtime's `IssueLocation` case name (`query`, `header` …).
        case parameter(name: String, location: String)
        case body(SwiftBody)
        /// The request's `Accept` header, for operations with responses of several media types.
        case accept
    }

    var name: String
    var type: SwiftType
    var doc: String?
    var source: Source
    var required: Bool
    /// A Swift literal used when the parameter is absent.
    var defaultValue: String?
    /// An expression evaluated per call when the caller passes nothing (a new idempotency key), used by the
    /// initializer only: on the server the parameter stays required.
    var freshDefault: String?
    /// The deprecation message when the parameter is deprecated.
    var deprecation: String?

    /// The declared type: optional unless required or defaulted.
    var declaredType: SwiftType { required || defaultValue != nil ? type : type.optional }

    var body: SwiftBody? {
        if case .body(let body) = source { return body }
        return nil
    }
}

/// A body's typed contents: one media type, whose type is the body's, or several, with an enum over them.
struct SwiftBody: Sendable {
    var contents: [SwiftContent]
    /// The enum over several contents (`Body`, `OKBody`), declared in the operation's namespace.
    var enumName: String?
    /// What the property or case holds: the enum, or the one content's type.
    var type: SwiftType
    /// Stem of the reader and writer functions of an enum (`readBody`, `writeOKBody`).
    var functionStem: String
}

/// One media type of a body, as Swift.
struct SwiftContent: Sendable {
    var mediaType: String
    var coding: BodyCoding
    /// The enum case (`json`, `form`, `eventStream`) when the body has several contents.
    var caseName: String
    var type: SwiftType
    /// A multipart body typed by an object schema: one part per property of `type`'s struct. Empty for a
    /// multipart form without one (`MultipartForm`).
    var parts: [SwiftPart]
}

/// One property of a multipart body's struct, and how it travels.
struct SwiftPart: Sendable {
    enum Kind: Sendable {
        case value, file, files
    }

    var wireName: String
    /// The struct's property (may be backticked).
    var propertyName: String
    var kind: Kind
    var optional: Bool
    var defaultValue: String?
}

/// One case of `Output`.
struct SwiftOutputCase: Sendable {
    enum Status: Sendable, Hashable {
        case code(Int)
        /// `4XX`: the hundreds digit.
        case range(Int)
        case `default`
        /// Any status the spec does not document (always last).
        case undocumented
    }

    var name: String
    var status: Status
    var doc: String?
    /// The body; nil when the response has none.
    var body: SwiftBody?
    /// The `…Headers` struct and its fields.
    var headers: SwiftHeaders?
}

/// A response's headers as a struct.
struct SwiftHeaders: Sendable {
    struct Field: Sendable {
        var wireName: String
        var name: String
        var type: SwiftType
        var required: Bool
    }

    var typeName: String
    var fields: [Field]
}

/// A security scheme the server's generated `<API>SecurityHandler` has a method for.
struct SwiftSecurityScheme: Sendable {
    var contract: SecuritySchemeContract
    var methodName: String
    var doc: String?
}
