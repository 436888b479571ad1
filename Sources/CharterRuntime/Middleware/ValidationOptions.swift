/// What happens when a response breaks its contract.
public enum ResponseValidationMode: Sendable {
    /// Violations become a 500 `RESPONSE_VALIDATION_ERROR` listing them (for development and tests).
    case enforce
    /// Violations are logged (swift-log, warning level) and the response is sent unchanged.
    case report
    /// Responses are not checked.
    case off
}

/// Settings for request and response validation.
public struct ValidationOptions: Sendable {
    /// Largest request body accepted (413 beyond it); operations may override it in their contract.
    public var maxBodySize: Int = 8 << 20
    /// Largest response body read for validation; larger ones are sent unvalidated (and logged).
    public var maxResponseBodySize: Int = 32 << 20
    /// Depth and string-length limits for JSON bodies.
    public var jsonLimits = JSONParseLimits()
    /// What happens when a response breaks the contract: nothing, a log line, or a 500.
    public var responseValidation: ResponseValidationMode = .report
    /// Check requests against their contract before the handler runs. Turning it off leaves only what decoding
    /// the typed input needs (malformed parameters or bodies are still a 400); for measuring, or for traffic
    /// that was validated upstream.
    public var requestValidation = true
    /// The shape of refusals: Charter's `{"error": …}` envelope or RFC 9457 problem details.
    public var errorFormat: ErrorFormat = .charter
    /// Fill in `default` values of absent request properties before the handler sees the body.
    public var applyDefaults = true
    /// Bounds on multipart bodies (parts, field and file sizes, memory per file).
    public var multipart = MultipartLimits()
    /// Largest item of a streamed body (an event, a JSON line); a larger one fails the stream.
    public var maxStreamItemSize = 1 << 20
    /// For deprecated operations and parameters whose spec gives no `x-sunset` / `x-deprecation-link`: the
    /// `Sunset` date and the policy page every such response announces (the spec's own values win).
    public var deprecationDefaults = DeprecationNotice()

    /// Options; every argument defaults to the value a production server wants.
    public init(maxBodySize: Int = 8 << 20, responseValidation: ResponseValidationMode = .report,
                errorFormat: ErrorFormat = .charter, applyDefaults: Bool = true, requestValidation: Bool = true) {
        self.maxBodySize = maxBodySize
        self.requestValidation = requestValidation
        self.responseValidation = responseValidation
        self.errorFormat = errorFormat
        self.applyDefaults = applyDefaults
    }
}

/// Bounds on a multipart body, checked as it streams in: past one of them the request is answered 413.
public struct MultipartLimits: Sendable {
    /// Most parts one body may have.
    public var maxParts = 500
    /// Largest value (non-file) part; values are held in memory.
    public var maxFieldSize = 1 << 20
    /// Largest file part; nil: only the whole body's limit applies.
    public var maxFileSize: Int?
    /// Bytes of one file kept in memory before the rest goes to an unlinked temporary file.
    public var memoryPerFile = 256 << 10
    /// Largest header block of one part.
    public var maxPartHeaderSize = 16 << 10

    /// Multipart limits; the defaults bound memory per request.
    public init(maxParts: Int = 500, maxFieldSize: Int = 1 << 20, maxFileSize: Int? = nil, memoryPerFile: Int = 256 << 10) {
        self.maxParts = maxParts
        self.maxFieldSize = maxFieldSize
        self.maxFileSize = maxFileSize
        self.memoryPerFile = memoryPerFile
    }
}
