/// Parameters of an operation: added, removed, required, serialization, lifecycle.
public enum ParameterRule: String, Sendable, CaseIterable {
    case newRequiredRequestParameter = "new-required-request-parameter"
    case newOptionalRequestParameter = "new-optional-request-parameter"
    case newRequestPathParameter = "new-request-path-parameter"
    case newRequiredRequestDefaultParameterToExistingPath = "new-required-request-default-parameter-to-existing-path"
    case newOptionalRequestDefaultParameterToExistingPath = "new-optional-request-default-parameter-to-existing-path"
    case requestParameterRemoved = "request-parameter-removed"
    case requestParameterRemovedWithDeprecation = "request-parameter-removed-with-deprecation"
    case requestParameterRemovedBeforeSunset = "request-parameter-removed-before-sunset"
    case requestParameterSunsetParse = "request-parameter-sunset-parse"
    case requestParameterBecameRequired = "request-parameter-became-required"
    case requestParameterBecameOptional = "request-parameter-became-optional"
    case requestParameterStyleChanged = "request-parameter-style-changed"
    case requestParameterDeprecated = "request-parameter-deprecated"
    case requestParameterReactivated = "request-parameter-reactivated"
    case requestParameterDeprecatedSunsetMissing = "request-parameter-deprecated-sunset-missing"
    case requestParameterSunsetDateTooSmall = "request-parameter-sunset-date-too-small"
    case requestParameterSunsetDeleted = "request-parameter-sunset-deleted"
    case requestParameterSunsetDateChangedTooSmall = "request-parameter-sunset-date-changed-too-small"

    var level: Level {
        switch self {
        case .newRequiredRequestParameter, .newRequestPathParameter, .newRequiredRequestDefaultParameterToExistingPath, .requestParameterRemovedBeforeSunset, .requestParameterSunsetParse, .requestParameterBecameRequired,
             .requestParameterStyleChanged, .requestParameterDeprecatedSunsetMissing, .requestParameterSunsetDateTooSmall,
             .requestParameterSunsetDeleted, .requestParameterSunsetDateChangedTooSmall:
            .error
        case .requestParameterRemoved:
            .warning
        default:
            .info
        }
    }

    var description: String {
        switch self {
        case .newRequiredRequestParameter: "A required query, header or cookie parameter was added"
        case .newOptionalRequestParameter: "An optional parameter was added"
        case .newRequiredRequestDefaultParameterToExistingPath: "A required parameter was added to a path item (every operation of the path takes it)"
        case .newOptionalRequestDefaultParameterToExistingPath: "An optional parameter was added to a path item (every operation of the path takes it)"
        case .newRequestPathParameter: "A path parameter the old spec did not declare (its template had it) is now declared"
        case .requestParameterRemoved: "A parameter was removed without being deprecated (clients still sending it may be rejected or ignored)"
        case .requestParameterRemovedWithDeprecation: "A deprecated parameter whose sunset (if any) has passed was removed"
        case .requestParameterRemovedBeforeSunset: "A deprecated parameter was removed before its x-sunset date"
        case .requestParameterSunsetParse: "A deprecated parameter whose x-sunset is not a date was removed"
        case .requestParameterBecameRequired: "An optional parameter became required"
        case .requestParameterBecameOptional: "A required parameter became optional"
        case .requestParameterStyleChanged: "A parameter's serialization style or explode changed"
        case .requestParameterDeprecated: "A parameter became deprecated"
        case .requestParameterReactivated: "A deprecated parameter is no longer deprecated"
        case .requestParameterDeprecatedSunsetMissing: "A parameter became deprecated without an x-sunset date (when deprecation days are required)"
        case .requestParameterSunsetDateTooSmall: "A parameter became deprecated with an x-sunset sooner than the required deprecation days"
        case .requestParameterSunsetDeleted: "A deprecated parameter's x-sunset was removed"
        case .requestParameterSunsetDateChangedTooSmall: "A deprecated parameter's x-sunset moved earlier"
        }
    }
}
