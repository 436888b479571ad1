import CharterRuntime
import CharterSpec

extension SpecValidator {
    /// Defaults and examples that their own schema rejects, as located warnings (they mislead readers, mocks
    /// and generated code). Checked with the runtime validator itself, so lint and servers agree.
    public func exampleDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A shared example (a `$ref`ed media type, request and response alike) is reported once.
        var reported = Set<String>()
        func check(_ value: Node?, _ schema: SchemaIndex?, _ what: String, _ direction: MessageDirection?) {
            guard let value, let schema else { return }
            var issues = validator.validate(JSONValue(value), against: schema, direction: direction ?? .request)
            // A schema-level example serves requests and responses alike: read/write-only is not its fault.
            if direction == nil { issues.removeAll { $0.constraint == "readOnly" || $0.constraint == "writeOnly" } }
            guard let first = issues.first else { return }
            let place = first.field.isEmpty ? "" : "\(first.field): "
            let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
            let message = "\(what) does not match its schema: \(place)\(first.message)\(more)"
            guard reported.insert("\(value.location) \(message)").inserted else { return }
            diagnostics.append(Diagnostic(.warning, message, at: value.location))
        }
        for (index, schema) in document.schemas.enumerated() {
            check(schema.defaultValue, index, "default value", nil)
            for example in schema.examples { check(example, index, "example", nil) }
        }
        func media(_ content: [MediaType], _ direction: MessageDirection) {
            for m in content where m.mediaType.lowercased().contains("json") {
                check(m.example, m.schema?.index, "example", direction)
                for (name, e) in m.examples { check(e.value, m.schema?.index, "example '\(name)'", direction) }
            }
        }
        for (_, operation) in document.operations {
            for p in operation.parameters {
                check(p.example, p.schema?.index, "example of parameter '\(p.name)'", .request)
                for (name, e) in p.examples { check(e.value, p.schema?.index, "example '\(name)' of parameter '\(p.name)'", .request) }
            }
            media(operation.requestBody?.content ?? [], .request)
            for r in operation.responses { media(r.content, .response) }
        }
        return diagnostics
    }
}
