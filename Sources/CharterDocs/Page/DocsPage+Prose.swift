import CharterSpec

/// Descriptions with the two components Redoc lets a spec place in its prose: `<SchemaDefinition schemaRef="…" />`
/// on a line of its own (the schema's tree, where vendors document a model beside their guides) and
/// `<!-- ReDoc-Inject: <security-definitions> -->` (the list of security schemes at that point of the overview).
/// Everything else is Markdown, as every other description.
extension DocsPage {
    enum ProsePart: Equatable {
        case markdown(String)
        case schema(ref: String)
        case securitySchemes
    }

    /// `text` cut at the component lines; a line inside a fenced code block is code, not a component.
    static func proseParts(_ text: String) -> [ProsePart] {
        var parts: [ProsePart] = []
        var pending: [Substring] = []
        var fence: Substring?
        func flush() {
            if pending.contains(where: { !$0.allSatisfy(\.isWhitespace) }) { parts.append(.markdown(pending.joined(separator: "\n"))) }
            pending = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if let part = component(trimmed) {
                flush()
                parts.append(part)
                continue
            }
            pending.append(line)
        }
        flush()
        return parts
    }

    private static func component(_ line: Substring) -> ProsePart? {
        let line = String(line).trimmingWhitespace()
        if line.hasPrefix("<SchemaDefinition"), line.hasSuffix("/>"), let start = line.range(of: "schemaRef=\"") {
            let rest = line[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return .schema(ref: String(rest[..<end]))
        }
        if line.hasPrefix("<!--"), line.hasSuffix("-->"), line.contains("ReDoc-Inject:"), line.contains("<security-definitions>") {
            return .securitySchemes
        }
        return nil
    }

    /// `text` as the page shows it; returns whether the security schemes were placed in it.
    @discardableResult
    mutating func prose(_ text: String, at location: SourceLocation?, _ w: inout HTMLWriter, securitySchemes: Bool = false) -> Bool {
        var placedSchemes = false
        for part in Self.proseParts(text) {
            switch part {
            case .markdown(let source):
                w.element("div", ["class": "md"]) { $0.trusted(markdown.html(source)) }
            case .schema(let ref):
                guard let id = componentSchema(ref) else {
                    diagnostics.append(Diagnostic(.warning, "<SchemaDefinition schemaRef=\"\(ref)\"> names no schema under #/components/schemas; not shown", at: location))
                    continue
                }
                let index = catalog.include(id)
                w.element("div", ["class": "tree", "data-schema": String(index), "data-open": "1"]) { _ in }
            case .securitySchemes:
                guard securitySchemes, !placedSchemes else { continue }
                self.securitySchemes(&w)
                placedSchemes = true
            }
        }
        return placedSchemes
    }

    /// `#/components/schemas/Name` (with JSON Pointer's `~1` and `~0`) as the document's schema.
    private func componentSchema(_ ref: String) -> SchemaID? {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix) else { return nil }
        let name = String(ref.dropFirst(prefix.count)).replacing("~1", with: "/").replacing("~0", with: "~")
        return document.components.schema(named: name)
    }
}
