import CharterBase
import Foundation

/// Semantic checks over a built document: what the structure alone cannot show.
public enum SpecLint {
    public static func check(_ document: Document) -> [Diagnostic] {
        // The schemas' checks beside the operations' (each half is about a twentieth of loading OpenAI's spec, and
        // the second core is idle once the tree is read); the findings keep their order.
        let ((cycles, patterns), (templates, operations)) = Parallel.both({
            var cycles: [Diagnostic] = [], patterns: [Diagnostic] = []
            checkSchemaReferenceCycles(document, &cycles)
            checkPatterns(document, &patterns)
            return (cycles, patterns)
        }, {
            var templates: [Diagnostic] = [], operations: [Diagnostic] = []
            checkPathTemplates(document, &templates)
            noteDiscriminatorValues(document, &operations)
            for entry in document.operations {
                operations += entry.operation.deprecationDetails.problems
                for p in entry.operation.parameters { operations += p.deprecationDetails.problems }
            }
            return (templates, operations)
        })
        return cycles + templates + patterns + operations
    }

    /// Discriminators whose payload values are neither mapped nor component names (OpenAI writes
    /// `type: {enum: [error]}` in each branch): branches are chosen by the value their property admits. The
    /// reader is told once per document, at the first such discriminator, with how many there are.
    private static func noteDiscriminatorValues(_ document: Document, _ diagnostics: inout [Diagnostic]) {
        var count = 0
        var first: (Schema, [(value: String, branch: SchemaID, source: Document.DiscriminatorTagSource)])?
        for s in document.schemas where s.discriminator != nil {
            let derived = document.discriminatorTags(of: s).filter { $0.source == .propertyValue }
            guard !derived.isEmpty else { continue }
            count += 1
            if first == nil { first = (s, derived) }
        }
        guard let (s, derived) = first, let d = s.discriminator else { return }
        let listed = derived.prefix(4).map { tag in
            "'\(tag.value)' → \(document[tag.branch].ref?.componentName ?? "branch \((s.oneOf + s.anyOf).firstIndex(of: tag.branch).map { $0 + 1 } ?? 0)")"
        }.joined(separator: ", ") + (derived.count > 4 ? ", …" : "")
        let others = count > 1 ? " (and \(count - 1) more discriminator\(count == 2 ? "" : "s") read the same way)" : ""
        diagnostics.append(Diagnostic(.note, "discriminator '\(d.propertyName)': values its mapping and the branches' names do not cover select the branch whose '\(d.propertyName)' admits only that value (\(listed))\(others)", at: s.node["discriminator"]?.location ?? s.location))
    }

    /// `A: {$ref: B}`, `B: {$ref: A}`: a chain of bare references that never reaches a schema.
    private static func checkSchemaReferenceCycles(_ document: Document, _ diagnostics: inout [Diagnostic]) {
        for schema in document.schemas where schema.ref != nil {
            // A chain that revisits a schema never ends; 64 steps stands for "never" (no set per reference:
            // almost every chain is one step long).
            var current = schema
            var steps = 0
            while let target = current.ref?.target {
                steps += 1
                if steps > 64 {
                    diagnostics.append(Diagnostic(.error, "reference cycle: '\(schema.ref?.text ?? "")' never reaches a schema (it leads back to itself through $ref)", at: schema.location))
                    break
                }
                current = document[target]
            }
        }
    }

    /// Names of `{params}` in a path template, in order.
    public static func templateParameters(_ path: String) -> [String] {
        // On UTF-8 bytes: braces are ASCII, and walking `Character`s cost ~100 instructions a character.
        var names: [String] = []
        var start: String.UTF8View.Index?
        let utf8 = path.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "{") {
                start = utf8.index(after: i)
            } else if b == UInt8(ascii: "}"), let s = start {
                names.append(String(decoding: utf8[s..<i], as: UTF8.self))
                start = nil
            }
            i = utf8.index(after: i)
        }
        return names
    }

    /// Templates equal but for parameter names (`/field/{id}`, `/field/{fieldId}`): a router cannot tell them apart by
    /// the path; the runtime's `RouteTable` chooses by the parameters' schemas (Xero's `{ContactID}`, a uuid, and
    /// `{ContactNumber}`).
    /// (Undeclared and unrequired path parameters are repaired while the model is built.)
    private static func checkPathTemplates(_ document: Document, _ diagnostics: inout [Diagnostic]) {
        var shapes: [String: PathItem] = [:]
        for item in document.paths {
            let shape = pathShape(item.path)
            if let other = shapes[shape] {
                diagnostics.append(Diagnostic(.error, "path '\(item.path)' is equivalent to '\(other.path)' (only parameter names differ); a request's path cannot say which it means",
                                              at: item.location, assumption: "both; a server passes a request to the one whose parameters it satisfies, trying the narrower parameters first"))
            } else {
                shapes[shape] = item
            }
        }
    }

    /// The template with parameter names removed: `/users/{id}` → `/users/{}`.
    public static func pathShape(_ path: String) -> String {
        var shape: [UInt8] = []
        shape.reserveCapacity(path.utf8.count)
        var inParameter = false
        for b in path.utf8 {
            if b == UInt8(ascii: "{") { inParameter = true; shape.append(b) } else if b == UInt8(ascii: "}") { inParameter = false; shape.append(b) } else if !inParameter { shape.append(b) }
        }
        return String(decoding: shape, as: UTF8.self)
    }

    private static func checkPatterns(_ document: Document, _ diagnostics: inout [Diagnostic]) {
        var checked: [String: String?] = [:]
        func check(_ pattern: String, at location: SourceLocation) {
            let problem: String?
            if let cached = checked[pattern] {
                problem = cached
            } else {
                problem = PatternSyntax.problem(in: pattern)
                checked[pattern] = problem
            }
            if let problem {
                diagnostics.append(Diagnostic(.error, "invalid regular expression '\(pattern)': \(problem)", at: location,
                                              assumption: "the pattern is not enforced"))
            }
        }
        for schema in document.schemas {
            if let p = schema.pattern { check(p, at: schema.patternLocation ?? schema.location) }
            for (p, _) in schema.patternProperties { check(p, at: schema.location) }
        }
    }
}
