/// Request bodies, responses, media types and response headers (their presence; their schemas are
/// `SchemaRule`s).
public enum BodyRule: String, Sendable, CaseIterable {
    case requestBodyAddedRequired = "request-body-added-required"
    case requestBodyAddedOptional = "request-body-added-optional"
    case requestBodyRemoved = "request-body-removed"
    case requestBodyBecameRequired = "request-body-became-required"
    case requestBodyBecameOptional = "request-body-became-optional"
    case requestBodyMediaTypeRemoved = "request-body-media-type-removed"
    case requestBodyMediaTypeAdded = "request-body-media-type-added"
    case requestBodyMediaTypeSchemaAdded = "request-body-media-type-schema-added"
    case requestBodyMediaTypeSchemaRemoved = "request-body-media-type-schema-removed"
    case requestBodyEncodingChanged = "request-body-encoding-changed"
    case responseBodyMediaTypeSchemaAdded = "response-body-media-type-schema-added"
    case responseBodyMediaTypeSchemaRemoved = "response-body-media-type-schema-removed"
    case responseSuccessStatusRemoved = "response-success-status-removed"
    case responseNonSuccessStatusRemoved = "response-non-success-status-removed"
    case responseSuccessStatusAdded = "response-success-status-added"
    case responseNonSuccessStatusAdded = "response-non-success-status-added"
    case responseMediaTypeRemoved = "response-media-type-removed"
    case responseMediaTypeAdded = "response-media-type-added"
    case responseMediatypeEnumValueRemoved = "response-mediatype-enum-value-removed"
    case responseMediaTypeNameGeneralized = "response-media-type-name-generalized"
    case responseMediaTypeNameSpecialized = "response-media-type-name-specialized"
    case requiredResponseHeaderRemoved = "required-response-header-removed"
    case optionalResponseHeaderRemoved = "optional-response-header-removed"
    case responseHeaderBecameOptional = "response-header-became-optional"
    case responseHeaderAdded = "response-header-added"

    var level: Level {
        switch self {
        case .requestBodyAddedRequired, .requestBodyRemoved, .requestBodyBecameRequired, .requestBodyMediaTypeRemoved,
             .requestBodyMediaTypeSchemaAdded, .requestBodyEncodingChanged, .responseSuccessStatusRemoved, .responseMediaTypeRemoved,
             .requiredResponseHeaderRemoved, .responseHeaderBecameOptional, .responseMediaTypeNameGeneralized:
            .error
        case .responseBodyMediaTypeSchemaRemoved, .optionalResponseHeaderRemoved:
            .warning
        default:
            .info
        }
    }

    var direction: Direction {
        rawValue.hasPrefix("request") ? .request : .response
    }

    var description: String {
        switch self {
        case .requestBodyAddedRequired: "A required request body was added"
        case .requestBodyAddedOptional: "An optional request body was added"
        case .requestBodyRemoved: "The request body was removed (clients still send one)"
        case .requestBodyBecameRequired: "The request body became required"
        case .requestBodyBecameOptional: "The request body became optional"
        case .requestBodyMediaTypeRemoved: "A request media type is no longer accepted"
        case .requestBodyMediaTypeAdded: "A request media type is accepted"
        case .requestBodyMediaTypeSchemaAdded: "A request media type without a schema (anything) gained one"
        case .requestBodyMediaTypeSchemaRemoved: "A request media type's schema was removed (anything is accepted)"
        case .requestBodyEncodingChanged: "A form or multipart field's encoding (content type, style, explode) changed"
        case .responseBodyMediaTypeSchemaAdded: "A response media type without a schema gained one"
        case .responseBodyMediaTypeSchemaRemoved: "A response media type's schema was removed (anything may be returned)"
        case .responseSuccessStatusRemoved: "A success (2XX) status is no longer returned"
        case .responseNonSuccessStatusRemoved: "An error status is no longer documented"
        case .responseSuccessStatusAdded: "A success status was added"
        case .responseNonSuccessStatusAdded: "An error status was added"
        case .responseMediaTypeRemoved: "A response media type is no longer returned"
        case .responseMediaTypeAdded: "A response media type was added"
        case .responseMediatypeEnumValueRemoved: "A response body (the whole value) no longer carries an enum value"
        case .responseMediaTypeNameGeneralized: "A response media type was replaced by a range covering it (application/json → application/*)"
        case .responseMediaTypeNameSpecialized: "A response media type range was replaced by a type within it (application/* → application/json)"
        case .requiredResponseHeaderRemoved: "A required response header was removed"
        case .optionalResponseHeaderRemoved: "An optional response header was removed"
        case .responseHeaderBecameOptional: "A required response header became optional"
        case .responseHeaderAdded: "A response header was added"
        }
    }
}
