extension ContractValidator {
    /// The violations of an XML body: a syntax error at its line and column, else the schema's verdict on the value
    /// the document reads as (`XMLShaping`). A schema that describes a string takes the document as that string.
    func xmlIssues(_ text: String, schema: SchemaIndex, direction: MessageDirection) -> [ValidationIssue] {
        let types = decoding.expectedTypes(schema)
        if !types.isEmpty, types.isDisjoint(with: [.object, .array]) {
            return types.contains(.string) ? validator.validate(.string(text), against: schema, direction: direction) : []
        }
        let root: XMLReader.Element
        do {
            root = try XMLReader.parse(text)
        } catch {
            return [ValidationIssue(field: "", pointer: "", location: .body, constraint: "syntax", value: nil,
                                    message: "Invalid XML at line \(error.line), column \(error.column): \(error.message)")]
        }
        let value = XMLShaping(schemas: decoding.schemas).value(of: root, schema: schema)
        return validator.validate(value, against: schema, direction: direction)
    }
}
