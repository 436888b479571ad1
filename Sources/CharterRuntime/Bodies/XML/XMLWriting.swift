/// Writes a value as the XML document its schema describes — the inverse of `XMLShaping`, which reads what this
/// writes back into the same value. The root element is named by the schema's `xml.name`, else its component name.
package struct XMLWriting {
    private let shaping: XMLShaping
    private var schemas: [SchemaNode] { shaping.decoding.schemas }

    package init(schemas: [SchemaNode]) {
        shaping = XMLShaping(schemas: schemas)
    }

    /// `value` as an XML document (with its declaration).
    package func document(_ value: JSONValue, schema: SchemaIndex?) -> String {
        let root = schema.flatMap { shaping.naming($0)?.name ?? rootName($0) } ?? "root"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        element(value, schema: schema, name: root, naming: schema.flatMap { shaping.naming($0) }, depth: 0, into: &out)
        return out
    }

    /// A component's name for the root when no XML object names it: the schema's, else what it references or its
    /// first `allOf` member's.
    private func rootName(_ index: SchemaIndex, depth: Int = 0) -> String? {
        guard depth < 16 else { return nil }
        let s = schemas[index]
        if let name = s.name { return Self.xmlName(name) }
        for next in [s.ref].compactMap({ $0 }) + s.allOf {
            if let found = rootName(next, depth: depth + 1) { return found }
        }
        return nil
    }

    private func element(_ value: JSONValue, schema: SchemaIndex?, name: String, naming: XMLNaming?, depth: Int, into out: inout String) {
        let qualified = naming?.prefix.map { "\($0):\(name)" } ?? name
        var open = "<" + qualified
        if let namespace = naming?.namespace {
            open += " xmlns" + (naming?.prefix.map { ":\($0)" } ?? "") + "=\"" + Self.escaped(namespace, attribute: true) + "\""
        }
        guard depth < XMLReader.maxDepth else { out += open + "/>"; return }
        switch value {
        case .null:
            out += open + " xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>"
        case .object(let members):
            let properties = schema.map { shaping.declaredProperties($0) } ?? []
            var body = ""
            var text = ""
            for (key, member) in members {
                guard let property = properties.first(where: { $0.name == key })?.schema else {
                    element(member, schema: schema.flatMap { shaping.decoding.propertySchema($0, key) }, name: Self.xmlName(key), naming: nil, depth: depth + 1, into: &body)
                    continue
                }
                let memberNaming = shaping.naming(property)
                let names = shaping.candidateNames(property: key, schema: property)
                switch shaping.placement(property) {
                case .attribute?:
                    open += " " + (memberNaming?.prefix.map { "\($0):" } ?? "") + names[0] + "=\"" + Self.escaped(Self.scalarText(member), attribute: true) + "\""
                    continue
                case .text?, .cdata?:
                    text += Self.escaped(Self.scalarText(member), attribute: false)
                    continue
                default:
                    break
                }
                if case .array(let items) = member {
                    let itemSchema = shaping.decoding.itemSchema(property)
                    let itemNaming = itemSchema.flatMap { shaping.naming($0) }
                    if memberNaming?.wrapped == true {
                        var inner = ""
                        for item in items {
                            element(item, schema: itemSchema, name: itemNaming?.name ?? names[0], naming: itemNaming, depth: depth + 2, into: &inner)
                        }
                        body += "<" + names[0] + ">" + inner + "</" + names[0] + ">"
                    } else {
                        for item in items {
                            element(item, schema: itemSchema, name: itemNaming?.name ?? names[0], naming: itemNaming, depth: depth + 1, into: &body)
                        }
                    }
                } else {
                    element(member, schema: property, name: names[0], naming: memberNaming, depth: depth + 1, into: &body)
                }
            }
            out += open + ">" + text + body + "</" + qualified + ">"
        case .array(let items):
            let itemSchema = schema.flatMap { shaping.decoding.itemSchema($0) }
            let itemNaming = itemSchema.flatMap { shaping.naming($0) }
            var body = ""
            for item in items {
                element(item, schema: itemSchema, name: itemNaming?.name ?? itemSchema.flatMap { rootName($0) } ?? "item", naming: itemNaming, depth: depth + 1, into: &body)
            }
            out += open + ">" + body + "</" + qualified + ">"
        default:
            out += open + ">" + Self.escaped(Self.scalarText(value), attribute: false) + "</" + qualified + ">"
        }
    }

    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        default: String(decoding: value.encoded(), as: UTF8.self)
        }
    }

    /// A valid element name for a property name (XML names cannot start with a digit or hold spaces).
    static func xmlName(_ name: String) -> String {
        var result = String(name.map { $0.isLetter || $0.isNumber || "_-.".contains($0) ? $0 : "_" })
        if result.isEmpty || result.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true { result = "_" + result }
        return result
    }

    static func escaped(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                // Control characters XML 1.0 cannot carry at all are dropped.
                if c.value < 0x20, c != "\n", c != "\t" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
