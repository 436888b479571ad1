/// Properties of an object schema: added, removed, required, readOnly/writeOnly, lifecycle.
public enum PropertyRule: String, Sendable, CaseIterable {
    case newRequiredRequestProperty = "new-required-request-property"
    case newRequiredRequestPropertyWithDefault = "new-required-request-property-with-default"
    case newOptionalRequestProperty = "new-optional-request-property"
    case requestPropertyRemoved = "request-property-removed"
    case requestPropertyRemovedWithDeprecation = "request-property-removed-with-deprecation"
    case requestPropertyBecameRequired = "request-property-became-required"
    case requestPropertyBecameRequiredWithDefault = "request-property-became-required-with-default"
    case requestPropertyBecameOptional = "request-property-became-optional"
    case requestOptionalPropertyBecameReadOnly = "request-optional-property-became-read-only"
    case requestOptionalPropertyBecameNotReadOnly = "request-optional-property-became-not-read-only"
    case requestOptionalPropertyBecameWriteOnly = "request-optional-property-became-write-only"
    case requestOptionalPropertyBecameNotWriteOnly = "request-optional-property-became-not-write-only"
    case requestRequiredPropertyBecameReadOnly = "request-required-property-became-read-only"
    case requestRequiredPropertyBecameNotReadOnly = "request-required-property-became-not-read-only"
    case requestRequiredPropertyBecameWriteOnly = "request-required-property-became-write-only"
    case requestRequiredPropertyBecameNotWriteOnly = "request-required-property-became-not-write-only"
    case requestPropertyDeprecated = "request-property-deprecated"
    case requestPropertyDeprecatedWithSunset = "request-property-deprecated-with-sunset"
    case requestPropertyReactivated = "request-property-reactivated"
    case requestPropertyStabilityDecreased = "request-property-stability-decreased"
    case requestPropertyDeprecatedSunsetMissing = "request-property-deprecated-sunset-missing"
    case requestPropertyDeprecatedSunsetInvalid = "request-property-deprecated-sunset-invalid"
    case requestPropertySunsetDateTooSmall = "request-property-sunset-date-too-small"
    case newRequiredRequestHeaderProperty = "new-required-request-header-property"
    case requestHeaderPropertyBecameRequired = "request-header-property-became-required"

    case responseRequiredPropertyRemoved = "response-required-property-removed"
    case responseOptionalPropertyRemoved = "response-optional-property-removed"
    case responsePropertyRemovedWithDeprecation = "response-property-removed-with-deprecation"
    case responseRequiredWriteOnlyPropertyRemoved = "response-required-write-only-property-removed"
    case responseOptionalWriteOnlyPropertyRemoved = "response-optional-write-only-property-removed"
    case responsePropertyBecameOptional = "response-property-became-optional"
    case responsePropertyBecameRequired = "response-property-became-required"
    case responseWriteOnlyPropertyBecameOptional = "response-write-only-property-became-optional"
    case responseWriteOnlyPropertyBecameRequired = "response-write-only-property-became-required"
    case responseRequiredPropertyAdded = "response-required-property-added"
    case responseOptionalPropertyAdded = "response-optional-property-added"
    case responseRequiredWriteOnlyPropertyAdded = "response-required-write-only-property-added"
    case responseOptionalWriteOnlyPropertyAdded = "response-optional-write-only-property-added"
    case responseOptionalPropertyBecameReadOnly = "response-optional-property-became-read-only"
    case responseOptionalPropertyBecameNotReadOnly = "response-optional-property-became-not-read-only"
    case responseOptionalPropertyBecameWriteOnly = "response-optional-property-became-write-only"
    case responseOptionalPropertyBecameNotWriteOnly = "response-optional-property-became-not-write-only"
    case responseRequiredPropertyBecameReadOnly = "response-required-property-became-read-only"
    case responseRequiredPropertyBecameNotReadOnly = "response-required-property-became-not-read-only"
    case responseRequiredPropertyBecameWriteOnly = "response-required-property-became-write-only"
    case responseRequiredPropertyBecameNotWriteOnly = "response-required-property-became-not-write-only"
    case responsePropertyDeprecated = "response-property-deprecated"
    case responsePropertyDeprecatedWithSunset = "response-property-deprecated-with-sunset"
    case responsePropertyReactivated = "response-property-reactivated"
    case responsePropertyStabilityDecreased = "response-property-stability-decreased"
    case responsePropertyDeprecatedSunsetMissing = "response-property-deprecated-sunset-missing"
    case responsePropertyDeprecatedSunsetInvalid = "response-property-deprecated-sunset-invalid"
    case responsePropertySunsetDateTooSmall = "response-property-sunset-date-too-small"

    var level: Level {
        switch self {
        case .newRequiredRequestProperty, .newRequiredRequestPropertyWithDefault, .requestPropertyBecameRequired,
             .requestPropertyBecameRequiredWithDefault, .requestPropertyStabilityDecreased, .requestPropertyDeprecatedSunsetMissing,
             .requestPropertyDeprecatedSunsetInvalid, .requestPropertySunsetDateTooSmall, .newRequiredRequestHeaderProperty,
             .requestHeaderPropertyBecameRequired, .responsePropertyDeprecatedSunsetMissing, .responsePropertyDeprecatedSunsetInvalid,
             .responsePropertySunsetDateTooSmall,
             .responseRequiredPropertyRemoved, .responsePropertyBecameOptional, .responsePropertyStabilityDecreased:
            .error
        case .requestPropertyRemoved, .responseOptionalPropertyRemoved, .responseRequiredPropertyBecameNotWriteOnly:
            .warning
        default:
            .info
        }
    }

    var direction: Direction {
        rawValue.hasPrefix("response") ? .response : .request
    }

    /// Rules that only apply to properties of an object header parameter.
    var isHeaderProperty: Bool { self == .newRequiredRequestHeaderProperty || self == .requestHeaderPropertyBecameRequired }

    var description: String {
        switch self {
        case .newRequiredRequestProperty: "A required request property was added"
        case .newRequiredRequestPropertyWithDefault: "A required request property with a default was added (required still means clients must send it)"
        case .newOptionalRequestProperty: "An optional request property was added"
        case .requestPropertyRemoved: "A request property was removed without being deprecated (clients still sending it may be rejected)"
        case .requestPropertyRemovedWithDeprecation: "A deprecated request property was removed"
        case .requestPropertyBecameRequired: "An optional request property became required"
        case .requestPropertyBecameRequiredWithDefault: "An optional request property with a default became required"
        case .requestPropertyBecameOptional: "A required request property became optional"
        case .requestOptionalPropertyBecameReadOnly: "An optional request property became readOnly (no longer sent)"
        case .requestOptionalPropertyBecameNotReadOnly: "An optional request property is no longer readOnly"
        case .requestOptionalPropertyBecameWriteOnly: "An optional request property became writeOnly"
        case .requestOptionalPropertyBecameNotWriteOnly: "An optional request property is no longer writeOnly"
        case .requestRequiredPropertyBecameReadOnly: "A required request property became readOnly"
        case .requestRequiredPropertyBecameNotReadOnly: "A required request property is no longer readOnly"
        case .requestRequiredPropertyBecameWriteOnly: "A required request property became writeOnly"
        case .requestRequiredPropertyBecameNotWriteOnly: "A required request property is no longer writeOnly"
        case .requestPropertyDeprecated: "A request property became deprecated"
        case .requestPropertyDeprecatedWithSunset: "A request property became deprecated with an x-sunset date"
        case .requestPropertyReactivated: "A deprecated request property is no longer deprecated"
        case .requestPropertyStabilityDecreased: "A request property's x-stability-level went down"
        case .requestPropertyDeprecatedSunsetMissing: "A request property became deprecated without an x-sunset (when deprecation days are required)"
        case .requestPropertyDeprecatedSunsetInvalid: "A deprecated request property's x-sunset is not a date"
        case .requestPropertySunsetDateTooSmall: "A request property became deprecated with an x-sunset sooner than the required deprecation days"
        case .newRequiredRequestHeaderProperty: "An object header parameter gained a required property"
        case .requestHeaderPropertyBecameRequired: "A property of an object header parameter became required"
        case .responseRequiredPropertyRemoved: "A property every response carried was removed"
        case .responseOptionalPropertyRemoved: "An optional response property was removed without being deprecated"
        case .responsePropertyRemovedWithDeprecation: "A deprecated response property was removed"
        case .responseRequiredWriteOnlyPropertyRemoved: "A required writeOnly property (never returned) was removed"
        case .responseOptionalWriteOnlyPropertyRemoved: "An optional writeOnly property (never returned) was removed"
        case .responsePropertyBecameOptional: "A property every response carried became optional"
        case .responsePropertyBecameRequired: "An optional response property became required"
        case .responseWriteOnlyPropertyBecameOptional: "A writeOnly response property became optional"
        case .responseWriteOnlyPropertyBecameRequired: "A writeOnly response property became required"
        case .responseRequiredPropertyAdded: "A property every response carries was added"
        case .responseOptionalPropertyAdded: "An optional response property was added"
        case .responseRequiredWriteOnlyPropertyAdded: "A required writeOnly property (never returned) was added"
        case .responseOptionalWriteOnlyPropertyAdded: "An optional writeOnly property (never returned) was added"
        case .responseOptionalPropertyBecameReadOnly: "An optional response property became readOnly"
        case .responseOptionalPropertyBecameNotReadOnly: "An optional response property is no longer readOnly"
        case .responseOptionalPropertyBecameWriteOnly: "An optional response property became writeOnly (no longer returned)"
        case .responseOptionalPropertyBecameNotWriteOnly: "An optional response property is no longer writeOnly"
        case .responseRequiredPropertyBecameReadOnly: "A required response property became readOnly"
        case .responseRequiredPropertyBecameNotReadOnly: "A required response property is no longer readOnly"
        case .responseRequiredPropertyBecameWriteOnly: "A required response property became writeOnly (no longer returned)"
        case .responseRequiredPropertyBecameNotWriteOnly: "A required writeOnly property is now returned"
        case .responsePropertyDeprecated: "A response property became deprecated"
        case .responsePropertyDeprecatedWithSunset: "A response property became deprecated with an x-sunset date"
        case .responsePropertyReactivated: "A deprecated response property is no longer deprecated"
        case .responsePropertyStabilityDecreased: "A response property's x-stability-level went down"
        case .responsePropertyDeprecatedSunsetMissing: "A response property became deprecated without an x-sunset (when deprecation days are required)"
        case .responsePropertyDeprecatedSunsetInvalid: "A deprecated response property's x-sunset is not a date"
        case .responsePropertySunsetDateTooSmall: "A response property became deprecated with an x-sunset sooner than the required deprecation days"
        }
    }
}
