/// An operation as the renderer needs it: names, typed inputs, output cases, nested types and its contract.
/// Built by `OperationTranslator`; printed by `OperationRenderer` (which knows nothing of OpenAPI).
struct SwiftOperation: Sendable {
    /// The namespace enum (`CreateBooking`) and the method name (`createBooking`).
    var typeName: String
    var methodName: String
    /// `POST /bookings`, the summary and description, as doc lines.
    var doc: [String]
    var deprecated: Bool
    var inputs: [SwiftInput]
    var cases: [SwiftOutputCase]
    /// Inline types of parameters and bodies, declared inside the namespace.
    var nested: [SwiftDecl]
    /// Structs for response headers (`CreatedHeaders`).
    var headerStructs: [SwiftStruct]
    /// A Swift expression building the operation's `OperationContract`.
    var contract: String
}

/// One property of `Input`: a parameter or the body.
struct SwiftInput: Sendable {
    enum Source: Sendable {
        /// `location` is the runtime's `IssueLocation` case name (`query`, `header` …).
        case parameter(name: String, location: String)
        /// `json` bodies are encoded with `contentType`; others are raw bytes.
        case body(contentType: String, json: Bool)
    }

    var name: String
    var type: String
    var doc: String?
    var source: Source
    var required: Bool
    /// A Swift literal used when the parameter is absent.
    var defaultValue: String?
    var deprecated: Bool = false

    /// The declared type: optional unless required or defaulted.
    var declaredType: String { required || defaultValue != nil || type.hasSuffix("?") ? type : type + "?" }
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
    /// The body type and how it travels; nil when the response has no body.
    var body: (type: String, contentType: String, json: Bool)?
    /// The `…Headers` struct and its fields (wire name, Swift name, required).
    var headers: (typeName: String, fields: [(wireName: String, name: String, type: String, required: Bool)])?
}
