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
    public var jsonLimits = JSONParseLimits()
    public var responseValidation: ResponseValidationMode = .report
    public var errorFormat: ErrorFormat = .charter
    /// Fill in `default` values of absent request properties before the handler sees the body.
    public var applyDefaults = true

    public init(maxBodySize: Int = 8 << 20, responseValidation: ResponseValidationMode = .report,
                errorFormat: ErrorFormat = .charter, applyDefaults: Bool = true) {
        self.maxBodySize = maxBodySize
        self.responseValidation = responseValidation
        self.errorFormat = errorFormat
        self.applyDefaults = applyDefaults
    }
}
