/// Which JSON Schema a schema is written in: chosen by its resource's `$schema`, else the document's
/// `jsonSchemaDialect` (3.1+), else the `openapi` version (3.0: OpenAPI's draft-4-derived schema; 3.1 and
/// later: 2020-12 with the OpenAPI vocabulary). Where dialects differ on a keyword, the dialect decides.
public enum SchemaDialect: String, Sendable, Hashable, CaseIterable {
    /// OpenAPI 3.0's Schema Object: draft 4 with `nullable`, boolean exclusive bounds.
    case openAPI30
    case draft4, draft6, draft7
    case draft2019_09
    /// Draft 2020-12, also OpenAPI 3.1's and 3.2's base dialects.
    case draft2020_12

    /// The dialect a `$schema` or `jsonSchemaDialect` URI names; `nil` when it is not one Charter knows.
    /// `http` and `https`, a trailing `#` and a trailing `/schema` are all accepted as the drafts' URIs vary.
    public init?(uri: String) {
        var text = uri.lowercased()
        if text.hasSuffix("#") { text.removeLast() }
        if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
        switch text {
        case "json-schema.org/draft-04/schema": self = .draft4
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "json-schema.org/draft/2020-12/schema": self = .draft2020_12
        default:
            // OpenAPI's own dialects (`https://spec.openapis.org/oas/3.1/dialect/base`, dated ones) are 2020-12
            // plus vocabulary Charter reads anyway (discriminator, xml, externalDocs, example).
            if text.hasPrefix("spec.openapis.org/oas/3."), text.contains("/dialect/") { self = .draft2020_12 } else { return nil }
        }
    }

    /// The dialect a document of `version` uses when it names none.
    public static func `default`(for version: Document.Version) -> SchemaDialect {
        version == .v3_0 ? .openAPI30 : .draft2020_12
    }

    /// Before 2019-09 a `$ref` replaces the keywords beside it (they are ignored); from 2019-09 both apply.
    public var refReplacesSiblings: Bool { self <= .draft7 }
    /// Draft 4 (and OpenAPI 3.0) write exclusive bounds as booleans beside `minimum` / `maximum`.
    public var hasBooleanExclusiveBounds: Bool { self <= .draft4 }
    /// Draft 4 has no boolean schemas, `const`, `contains` or `type: "null"` lists in OpenAPI 3.0's reading.
    public var hasBooleanSchemas: Bool { self > .draft4 }
    /// `hostname` per RFC 1123 (ASCII labels) rather than 2020-12's IDNA2008-aware reading.
    public var hostnameIsASCII: Bool { self <= .draft7 }
    /// A human name for messages, e.g. "draft 2020-12".
    public var name: String {
        switch self {
        case .openAPI30: "OpenAPI 3.0's schema (draft 4)"
        case .draft4: "draft 4"
        case .draft6: "draft 6"
        case .draft7: "draft 7"
        case .draft2019_09: "draft 2019-09"
        case .draft2020_12: "draft 2020-12"
        }
    }
}

extension SchemaDialect: Comparable {
    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: SchemaDialect, b: SchemaDialect) -> Bool { a.order < b.order }
}
