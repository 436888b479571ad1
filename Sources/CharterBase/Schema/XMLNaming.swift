/// OpenAPI's XML object: how a schema's value is named and placed when a body is XML. Read by the spec model,
/// compiled into the runtime's schema tables, used to read XML bodies into values a schema validates and to write
/// values as XML.
public struct XMLNaming: Sendable, Hashable {
    /// Where a value sits (OpenAPI 3.2 `nodeType`; `attribute: true` is `.attribute` in earlier versions).
    public enum NodeType: String, Sendable, Hashable {
        case element, attribute, text, cdata, none
    }

    /// The element or attribute name replacing the property's (or, for array items, the item elements').
    public var name: String?
    /// The namespace URI (`xmlns`), written, not checked when reading.
    public var namespace: String?
    /// The namespace prefix.
    public var prefix: String?
    /// The node kind; nil when the schema does not say (an element).
    public var nodeType: NodeType?
    /// An array whose items sit inside one element named for the array (`<tags><tag/>…</tags>`), not repeated
    /// in the parent directly.
    public var wrapped: Bool

    /// An XML object; every field optional as in the spec.
    public init(name: String? = nil, namespace: String? = nil, prefix: String? = nil, nodeType: NodeType? = nil, wrapped: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.prefix = prefix
        self.nodeType = nodeType
        self.wrapped = wrapped
    }
}
