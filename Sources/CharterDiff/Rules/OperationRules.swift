/// Operations and webhooks: added, removed, deprecated, sunset, stability, security, ids and tags.
public enum OperationRule: String, Sendable, CaseIterable {
    case endpointAdded = "endpoint-added"
    case apiRemovedWithoutDeprecation = "api-removed-without-deprecation"
    case apiRemovedBeforeSunset = "api-removed-before-sunset"
    case apiRemovedWithDeprecation = "api-removed-with-deprecation"
    case apiPathRemovedWithoutDeprecation = "api-path-removed-without-deprecation"
    case apiPathRemovedBeforeSunset = "api-path-removed-before-sunset"
    case apiPathRemovedWithDeprecation = "api-path-removed-with-deprecation"
    case endpointDeprecated = "endpoint-deprecated"
    case endpointDeprecatedWithSunset = "endpoint-deprecated-with-sunset"
    case endpointReactivated = "endpoint-reactivated"
    case apiDeprecatedSunsetParse = "api-deprecated-sunset-parse"
    case apiPathSunsetParse = "api-path-sunset-parse"
    case apiDeprecatedSunsetMissing = "api-deprecated-sunset-missing"
    case apiSunsetDateTooSmall = "api-sunset-date-too-small"
    case sunsetDeleted = "sunset-deleted"
    case apiSunsetDateChangedTooSmall = "api-sunset-date-changed-too-small"
    case apiStabilityDecreased = "api-stability-decreased"
    case apiStabilityIncreased = "api-stability-increased"
    case apiInvalidStabilityLevel = "api-invalid-stability-level"
    case apiSecurityAdded = "api-security-added"
    case apiSecurityRemoved = "api-security-removed"
    case apiSecurityScopeAdded = "api-security-scope-added"
    case apiSecurityScopeRemoved = "api-security-scope-removed"
    case apiGlobalSecurityAdded = "api-global-security-added"
    case apiGlobalSecurityRemoved = "api-global-security-removed"
    case apiGlobalSecurityScopeAdded = "api-global-security-scope-added"
    case apiGlobalSecurityScopeRemoved = "api-global-security-scope-removed"
    case apiOperationIdAdded = "api-operation-id-added"
    case apiOperationIdRemoved = "api-operation-id-removed"
    case apiTagAdded = "api-tag-added"
    case apiTagRemoved = "api-tag-removed"
    case webhookAdded = "webhook-added"
    case webhookRemoved = "webhook-removed"

    var level: Level {
        switch self {
        case .apiRemovedWithoutDeprecation, .apiRemovedBeforeSunset, .apiPathRemovedWithoutDeprecation, .apiPathRemovedBeforeSunset,
             .apiDeprecatedSunsetParse, .apiPathSunsetParse, .apiDeprecatedSunsetMissing, .apiSunsetDateTooSmall, .sunsetDeleted, .apiSunsetDateChangedTooSmall,
             .apiStabilityDecreased, .apiInvalidStabilityLevel, .webhookRemoved:
            .error
        default:
            .info
        }
    }

    var description: String {
        switch self {
        case .endpointAdded: "An operation was added"
        case .apiRemovedWithoutDeprecation: "An operation was removed without being deprecated first (its path remains)"
        case .apiRemovedBeforeSunset: "A deprecated operation was removed before its x-sunset date"
        case .apiRemovedWithDeprecation: "A deprecated operation whose sunset (if any) has passed was removed"
        case .apiPathRemovedWithoutDeprecation: "A path was removed with an operation that was not deprecated"
        case .apiPathRemovedBeforeSunset: "A path was removed with a deprecated operation before its x-sunset date"
        case .apiPathRemovedWithDeprecation: "A path was removed with a deprecated operation whose sunset (if any) has passed"
        case .endpointDeprecated: "An operation became deprecated"
        case .endpointDeprecatedWithSunset: "An operation became deprecated with an x-sunset date"
        case .endpointReactivated: "A deprecated operation is no longer deprecated"
        case .apiDeprecatedSunsetParse: "A deprecated operation's x-sunset is not a date"
        case .apiPathSunsetParse: "A deprecated operation whose x-sunset is not a date was removed (whether its sunset passed cannot be told)"
        case .apiDeprecatedSunsetMissing: "An operation became deprecated without an x-sunset date (when deprecation days are required)"
        case .apiSunsetDateTooSmall: "An operation became deprecated with an x-sunset sooner than the required deprecation days"
        case .sunsetDeleted: "A deprecated operation's x-sunset was removed"
        case .apiSunsetDateChangedTooSmall: "A deprecated operation's x-sunset moved earlier (or sooner than the required deprecation days)"
        case .apiStabilityDecreased: "An operation's x-stability-level went down (stable → beta → alpha → draft)"
        case .apiStabilityIncreased: "An operation's x-stability-level went up"
        case .apiInvalidStabilityLevel: "An operation's x-stability-level is not draft, alpha, beta or stable"
        case .apiSecurityAdded: "An operation requires a security scheme it did not require (anonymous callers are refused)"
        case .apiSecurityRemoved: "An operation no longer requires a security scheme"
        case .apiSecurityScopeAdded: "A security requirement needs a scope it did not need"
        case .apiSecurityScopeRemoved: "A security requirement no longer needs a scope"
        case .apiGlobalSecurityAdded: "The document-wide security requirement gained an alternative or a scheme"
        case .apiGlobalSecurityRemoved: "The document-wide security requirement lost an alternative"
        case .apiGlobalSecurityScopeAdded: "The document-wide security requirement needs a scope it did not need"
        case .apiGlobalSecurityScopeRemoved: "The document-wide security requirement no longer needs a scope"
        case .apiOperationIdAdded: "An operation gained an operationId (generated method names change)"
        case .apiOperationIdRemoved: "An operation's operationId was removed or renamed (generated method names change)"
        case .apiTagAdded: "An operation gained a tag"
        case .apiTagRemoved: "An operation lost a tag"
        case .webhookAdded: "A webhook was added"
        case .webhookRemoved: "A webhook is no longer sent"
        }
    }
}

/// Document components that matter on their own (not through an operation).
public enum ComponentRule: String, Sendable, CaseIterable {
    case apiSchemaRemoved = "api-schema-removed"
    case apiSecurityComponentAdded = "api-security-component-added"
    case apiSecurityComponentRemoved = "api-security-component-removed"
    case apiSecurityComponentTypeChanged = "api-security-component-type-changed"
    case apiSecurityComponentOauthUrlChanged = "api-security-component-oauth-url-changed"
    case apiSecurityComponentOauthTokenUrlChanged = "api-security-component-oauth-token-url-changed"
    case apiSecurityComponentOauthScopeAdded = "api-security-component-oauth-scope-added"
    case apiSecurityComponentOauthScopeRemoved = "api-security-component-oauth-scope-removed"
    case apiSecurityComponentOauthScopeChanged = "api-security-component-oauth-scope-changed"

    var level: Level { .info }

    var description: String {
        switch self {
        case .apiSchemaRemoved: "A schema was removed from components"
        case .apiSecurityComponentAdded: "A security scheme was added to components"
        case .apiSecurityComponentRemoved: "A security scheme was removed from components"
        case .apiSecurityComponentTypeChanged: "A security scheme's type (or scheme, or location) changed"
        case .apiSecurityComponentOauthUrlChanged: "An OAuth flow's authorization URL changed"
        case .apiSecurityComponentOauthTokenUrlChanged: "An OAuth flow's token URL changed"
        case .apiSecurityComponentOauthScopeAdded: "An OAuth flow gained a scope"
        case .apiSecurityComponentOauthScopeRemoved: "An OAuth flow lost a scope"
        case .apiSecurityComponentOauthScopeChanged: "An OAuth scope's description changed"
        }
    }
}
