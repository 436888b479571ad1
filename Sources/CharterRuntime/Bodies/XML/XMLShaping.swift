/// Reads an XML document into the value its schema describes, as OpenAPI's XML object lays it out, so one validator
/// checks XML bodies as it checks JSON ones: properties are child elements named for the property (or its
/// `xml.name`), attributes where `xml.attribute` / `nodeType: attribute` says, arrays as repeated elements (inside a
/// wrapper element when `wrapped`), scalars read by the schema's type (text that does not parse stays a string, so
/// the validator names the problem). Elements the schema does not declare are kept under their own names, so
/// `additionalProperties: false` still refuses them.
struct XMLShaping {
    let decoding: ParameterDecoding
    private var schemas: [SchemaNode] { decoding.schemas }

    init(schemas: [SchemaNode]) {
        decoding = ParameterDecoding(schemas: schemas)
    }

    /// Shaping with a decoding already at hand (a validator's, whose schema types are worked out once).
    init(decoding: ParameterDecoding) {
        self.decoding = decoding
    }

    /// The value of the document whose root is `root`, shaped by `schema`.
    func value(of root: XMLReader.Element, schema: SchemaIndex?) -> JSONValue {
        value(of: root, schema: schema, depth: 0)
    }

    private func value(of element: XMLReader.Element, schema: SchemaIndex?, depth: Int) -> JSONValue {
        guard let schema, depth < XMLReader.maxDepth else { return Self.untyped(element, depth: depth) }
        if element.attribute("nil") == "true" { return .null }
        let types = decoding.expectedTypes(schema)
        let properties = declaredProperties(schema)
        // Text where a structure is expected (`<booking>true</booking>`) is that text, which the validator refuses;
        // an empty structure would pass for one with no required members.
        let structured = types.contains(.object) || types.contains(.array) || (types.isEmpty && !properties.isEmpty)
        if structured, element.children.isEmpty, !Self.trimmed(element.text).isEmpty, !types.contains(.string),
           !properties.contains(where: { [.text, .cdata].contains(placement($0.schema)) }) {
            return decoding.scalar(Self.trimmed(element.text), nil)
        }
        if types.contains(.object) || (types.isEmpty && !properties.isEmpty) {
            return object(element, schema: schema, properties: properties, depth: depth)
        }
        if types.contains(.array) {
            let items = decoding.itemSchema(schema)
            return .array(element.children.map { value(of: $0, schema: items, depth: depth + 1) })
        }
        if types.isEmpty { return element.children.isEmpty ? .string(element.text) : Self.untyped(element, depth: depth) }
        if !element.children.isEmpty { return Self.untyped(element, depth: depth) }
        let scalar = decoding.scalar(Self.trimmed(element.text), schema)
        // Strings keep their text as sent (spaces are data); other types are read without surrounding space.
        if case .string = scalar { return .string(element.text) }
        return scalar
    }

    private func object(_ element: XMLReader.Element, schema: SchemaIndex, properties: [(name: String, schema: SchemaIndex)], depth: Int) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        var consumed = Set<Int>()
        for (name, property) in properties {
            let naming = naming(property)
            let names = candidateNames(property: name, schema: property)
            switch placement(property) {
            case .attribute?:
                if let text = names.lazy.compactMap({ element.attribute($0) }).first {
                    members.append((name, decoding.scalar(text, property)))
                }
                continue
            case .text?, .cdata?:
                members.append((name, decoding.scalar(element.text, property)))
                continue
            case .none?:
                members.append((name, value(of: element, schema: property, depth: depth + 1)))
                continue
            default:
                break
            }
            if decoding.expectedTypes(property).contains(.array) {
                let items = decoding.itemSchema(property)
                if naming?.wrapped == true {
                    guard let index = element.children.indices.first(where: { names.contains(element.children[$0].name) && !consumed.contains($0) }) else { continue }
                    consumed.insert(index)
                    members.append((name, .array(element.children[index].children.map { value(of: $0, schema: items, depth: depth + 2) })))
                } else {
                    let itemNames = Set(names + (items.flatMap { self.naming($0)?.name }.map { [$0] } ?? []))
                    let matches = element.children.indices.filter { itemNames.contains(element.children[$0].name) && !consumed.contains($0) }
                    guard !matches.isEmpty else { continue }
                    consumed.formUnion(matches)
                    members.append((name, .array(matches.map { value(of: element.children[$0], schema: items, depth: depth + 1) })))
                }
                continue
            }
            let matches = element.children.indices.filter { names.contains(element.children[$0].name) && !consumed.contains($0) }
            guard !matches.isEmpty else { continue }
            consumed.formUnion(matches)
            let values = matches.map { value(of: element.children[$0], schema: property, depth: depth + 1) }
            // An element repeated where one is declared: kept as an array, which the validator then refuses.
            members.append((name, values.count == 1 ? values[0] : .array(values)))
        }
        // Undeclared elements, under their own names, so `additionalProperties` applies to them.
        var extra: [(String, [JSONValue])] = []
        for (index, child) in element.children.enumerated() where !consumed.contains(index) {
            let extraSchema = decoding.propertySchema(schema, child.name)
            let value = value(of: child, schema: extraSchema, depth: depth + 1)
            if let at = extra.firstIndex(where: { $0.0 == child.name }) { extra[at].1.append(value) } else { extra.append((child.name, [value])) }
        }
        for (name, values) in extra where !members.contains(where: { $0.key == name }) {
            members.append((name, values.count == 1 ? values[0] : .array(values)))
        }
        return .object(JSONObject(members))
    }

    /// Properties declared by the schema, through `$ref`, `allOf` and the branches of `oneOf`/`anyOf`. A name
    /// declared twice keeps its first declaration, unless only a later one says how it is laid out in XML (an
    /// `allOf` that refines a generic wrapper's `data` into `<stations>`).
    func declaredProperties(_ index: SchemaIndex, depth: Int = 0) -> [(name: String, schema: SchemaIndex)] {
        guard depth < 16 else { return [] }
        let s = schemas[index]
        var result = s.properties
        for next in [s.ref].compactMap({ $0 }) + s.allOf + s.oneOf + s.anyOf {
            for p in declaredProperties(next, depth: depth + 1) {
                if let at = result.firstIndex(where: { $0.name == p.name }) {
                    if naming(result[at].schema) == nil, naming(p.schema) != nil { result[at] = p }
                } else {
                    result.append(p)
                }
            }
        }
        return result
    }

    /// The XML object that applies to a schema: its own, else the first found through what it references or
    /// combines with `allOf`.
    func naming(_ index: SchemaIndex, depth: Int = 0) -> XMLNaming? {
        guard depth < 16 else { return nil }
        let s = schemas[index]
        if let xml = s.xml { return xml }
        for next in [s.ref].compactMap({ $0 }) + s.allOf {
            if let found = naming(next, depth: depth + 1) { return found }
        }
        return nil
    }

    /// Where a property's value sits: its XML object's node type, except that an object or array is an element
    /// whatever it says (S3 marks its `Grantee` object `attribute: true`; only scalars fit in attributes or text).
    func placement(_ property: SchemaIndex) -> XMLNaming.NodeType? {
        let type = naming(property)?.nodeType
        switch type {
        case .attribute?, .text?, .cdata?:
            let types = decoding.expectedTypes(property)
            return types.isDisjoint(with: [.object, .array]) ? type : .element
        default:
            return type
        }
    }

    /// Names an element for property `name` may carry: its `xml.name` (its own, then its target's) and the
    /// property name. Writers use the first.
    func candidateNames(property name: String, schema: SchemaIndex) -> [String] {
        var names: [String] = []
        if let own = schemas[schema].xml?.name { names.append(own) }
        names.append(name)
        if let target = naming(schema)?.name, !names.contains(target) { names.append(target) }
        return names
    }

    /// An element read with no schema to guide it: text, or an object of its children (repeated names as arrays).
    static func untyped(_ element: XMLReader.Element, depth: Int) -> JSONValue {
        guard !element.children.isEmpty, depth < XMLReader.maxDepth else { return .string(element.text) }
        var members: [(String, [JSONValue])] = []
        for child in element.children {
            let value = untyped(child, depth: depth + 1)
            if let at = members.firstIndex(where: { $0.0 == child.name }) { members[at].1.append(value) } else { members.append((child.name, [value])) }
        }
        return .object(JSONObject(members.map { (key: $0.0, value: $0.1.count == 1 ? $0.1[0] : .array($0.1)) }))
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
