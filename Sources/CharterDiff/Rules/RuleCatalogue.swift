/// Every rule the diff applies, as data: the engine refers to rules by id, the CLI lists them
/// (`generate diff --list-rules`) and the docs render from the same list.
public enum RuleCatalogue {
    public static let all: [Rule] = operationRules + parameterRules + requestBodyRules + requestSchemaRules
        + responseRules + responseSchemaRules

    public static func rule(_ id: String) -> Rule? { byID[id] }

    static let byID: [String: Rule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    private static func r(_ id: String, _ level: Level, _ direction: Direction, _ description: String) -> Rule {
        Rule(id: id, level: level, direction: direction, description: description)
    }

    static let operationRules = [
        r("api-removed-without-deprecation", .error, .operation, "An operation was removed without being deprecated first"),
        r("api-removed-before-sunset", .error, .operation, "A deprecated operation was removed before its x-sunset date"),
        r("api-removed-after-deprecation", .info, .operation, "A deprecated operation whose sunset (if any) has passed was removed"),
        r("endpoint-added", .info, .operation, "An operation was added"),
        r("api-deprecated", .info, .operation, "An operation became deprecated"),
        r("api-security-added", .error, .operation, "An operation requires a security scheme it did not require"),
        r("api-security-scope-added", .error, .operation, "A security requirement needs a scope it did not need"),
        r("api-security-removed", .info, .operation, "An operation no longer requires a security scheme"),
    ]

    static let parameterRules = [
        r("new-required-request-parameter", .error, .request, "A required parameter was added"),
        r("new-optional-request-parameter", .info, .request, "An optional parameter was added"),
        r("request-parameter-removed", .warning, .request, "A parameter was removed (clients still sending it may be rejected or ignored)"),
        r("request-parameter-became-required", .error, .request, "An optional parameter became required"),
        r("request-parameter-became-optional", .info, .request, "A required parameter became optional"),
        r("request-parameter-type-changed", .error, .request, "A parameter's type no longer accepts every value it did"),
        r("request-parameter-enum-value-removed", .error, .request, "A parameter no longer accepts an enum value"),
        r("request-parameter-enum-value-added", .info, .request, "A parameter accepts a new enum value"),
        r("request-parameter-max-decreased", .error, .request, "A parameter's maximum was lowered (or set)"),
        r("request-parameter-min-increased", .error, .request, "A parameter's minimum was raised (or set)"),
        r("request-parameter-max-length-decreased", .error, .request, "A parameter's maxLength was lowered (or set)"),
        r("request-parameter-min-length-increased", .error, .request, "A parameter's minLength was raised (or set)"),
        r("request-parameter-pattern-added", .warning, .request, "A parameter gained a pattern"),
        r("request-parameter-pattern-changed", .warning, .request, "A parameter's pattern changed"),
        r("request-parameter-style-changed", .error, .request, "A parameter's serialization style or explode changed"),
    ]

    static let requestBodyRules = [
        r("added-required-request-body", .error, .request, "A required request body was added"),
        r("added-optional-request-body", .info, .request, "An optional request body was added"),
        r("request-body-became-required", .error, .request, "The request body became required"),
        r("request-body-removed", .warning, .request, "The request body was removed"),
        r("request-body-media-type-removed", .error, .request, "A request media type is no longer accepted"),
        r("request-body-media-type-added", .info, .request, "A request media type is accepted"),
    ]

    static let requestSchemaRules = [
        r("new-required-request-property", .error, .request, "A required request property was added"),
        r("new-optional-request-property", .info, .request, "An optional request property was added"),
        r("request-property-removed", .warning, .request, "A request property was removed (clients still sending it may be rejected)"),
        r("request-property-became-required", .error, .request, "An optional request property became required"),
        r("request-property-became-optional", .info, .request, "A required request property became optional"),
        r("request-property-type-changed", .error, .request, "A request value's type no longer accepts every value it did"),
        r("request-property-enum-value-removed", .error, .request, "A request value no longer accepts an enum value"),
        r("request-property-enum-value-added", .info, .request, "A request value accepts a new enum value"),
        r("request-property-max-decreased", .error, .request, "A request value's maximum was lowered (or set)"),
        r("request-property-min-increased", .error, .request, "A request value's minimum was raised (or set)"),
        r("request-property-max-length-decreased", .error, .request, "A request value's maxLength was lowered (or set)"),
        r("request-property-min-length-increased", .error, .request, "A request value's minLength was raised (or set)"),
        r("request-property-max-items-decreased", .error, .request, "A request array's maxItems was lowered (or set)"),
        r("request-property-min-items-increased", .error, .request, "A request array's minItems was raised (or set)"),
        r("request-property-pattern-added", .warning, .request, "A request value gained a pattern"),
        r("request-property-pattern-changed", .warning, .request, "A request value's pattern changed"),
        r("request-property-additional-properties-disallowed", .error, .request, "A request object no longer accepts undeclared properties"),
        r("request-property-became-not-nullable", .error, .request, "A request value no longer accepts null"),
        r("request-property-one-of-removed", .error, .request, "A request value lost a oneOf/anyOf alternative"),
        r("request-property-all-of-added", .error, .request, "A request value gained an allOf member (more constraints)"),
    ]

    static let responseRules = [
        r("response-success-status-removed", .error, .response, "A success (2XX) status is no longer returned"),
        r("response-non-success-status-removed", .warning, .response, "An error status is no longer documented"),
        r("response-success-status-added", .info, .response, "A success status was added"),
        r("response-non-success-status-added", .info, .response, "An error status was added"),
        r("response-media-type-removed", .error, .response, "A response media type is no longer returned"),
        r("response-media-type-added", .info, .response, "A response media type was added"),
        r("required-response-header-removed", .error, .response, "A required response header was removed"),
        r("response-header-became-optional", .error, .response, "A required response header became optional"),
        r("response-optional-header-removed", .warning, .response, "An optional response header was removed"),
    ]

    static let responseSchemaRules = [
        r("response-required-property-removed", .error, .response, "A property every response carried was removed"),
        r("response-optional-property-removed", .warning, .response, "An optional response property was removed"),
        r("response-property-became-optional", .error, .response, "A property every response carried became optional"),
        r("response-property-became-nullable", .error, .response, "A response value may now be null"),
        r("response-property-type-changed", .error, .response, "A response value may now have a type clients do not expect"),
        r("response-property-enum-value-added", .warning, .response, "A response value may carry a new enum value (tolerant clients cope)"),
        r("response-property-enum-value-removed", .info, .response, "A response value no longer carries an enum value"),
        r("response-property-one-of-added", .error, .response, "A response value gained a oneOf/anyOf alternative"),
        r("response-property-max-length-increased", .error, .response, "A response value's maxLength was raised (or removed)"),
        r("response-property-max-increased", .warning, .response, "A response value's maximum was raised (or removed)"),
        r("response-property-min-decreased", .warning, .response, "A response value's minimum was lowered (or removed)"),
        r("response-required-property-added", .info, .response, "A property every response carries was added"),
        r("response-optional-property-added", .info, .response, "An optional response property was added"),
        r("response-property-became-required", .info, .response, "An optional response property became required"),
    ]
}
