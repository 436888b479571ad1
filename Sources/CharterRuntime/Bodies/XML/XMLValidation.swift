extension ContractValidator {
    /// An XML body read under its schema: the value the document reads as (`XMLShaping`; nil for a schema that
    /// describes a string, or a document that is not XML), and — when `validate` — its violations: a syntax error at
    /// its line and column, else the schema's verdict on the value.
    func xmlReading(_ text: String, schema: SchemaIndex, direction: MessageDirection, validate: Bool) -> (value: JSONValue?, issues: [ValidationIssue]) {
        let types = decoding.expectedTypes(schema)
        if !types.isEmpty, types.isDisjoint(with: [.object, .array]) {
            let issues = validate && types.contains(.string) ? validator.validate(.string(text), against: schema, direction: direction) : []
            return (nil, issues)
        }
        let root: XMLReader.Element
        do {
            root = try XMLReader.parse(text)
        } catch {
            let issue = ValidationIssue(field: "", pointer: "", location: .body, constraint: "syntax", value: nil,
                                        message: "Invalid XML at line \(error.line), column \(error.column): \(error.message)")
            return (nil, validate ? [issue] : [])
        }
        let value = XMLShaping(decoding: decoding).value(of: root, schema: schema)
        return (value, validate ? validator.validate(value, against: schema, direction: direction) : [])
    }

    /// The violations of an XML document given as text.
    func xmlIssues(_ text: String, schema: SchemaIndex, direction: MessageDirection) -> [ValidationIssue] {
        xmlReading(text, schema: schema, direction: direction, validate: true).issues
    }
}
