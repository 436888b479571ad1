/// Prints `SwiftDecl`s as formatted Swift (4-space indentation, one blank line between declarations).
struct SwiftRenderer {
    var access: String = "public"
    var equality: GeneratedEquality = .hashable
    /// Lines, indentation and doc comments are the writer's (shared with `OperationRenderer`).
    private var writer = SwiftWriter()
    /// The path of the type whose body is being printed: types are named relative to it.
    private var scope: [String]
    private var depth: Int {
        get { writer.depth }
        set { writer.depth = newValue }
    }

    init(access: String, equality: GeneratedEquality, scope: [String]) {
        self.access = access
        self.equality = equality
        self.scope = scope
    }

    /// `decls` as source; `scope` is the path of the type they are declared in (empty at the top level).
    static func render(_ decls: [SwiftDecl], access: String, equality: GeneratedEquality, scope: [String] = []) -> String {
        var writer = SwiftWriter()
        render(decls, access: access, equality: equality, scope: scope, into: &writer)
        return writer.text
    }

    /// `decls` written straight into `writer` at its depth (a namespace's nested types), rather than printed apart,
    /// cut back into lines and indented again.
    static func render(_ decls: [SwiftDecl], access: String, equality: GeneratedEquality, scope: [String], into writer: inout SwiftWriter) {
        var renderer = SwiftRenderer(access: access, equality: equality, scope: scope)
        swap(&renderer.writer, &writer)
        defer { swap(&renderer.writer, &writer) }
        for (i, decl) in decls.enumerated() {
            if i > 0 { renderer.blank() }
            renderer.emit(decl)
        }
    }

    private mutating func line(_ text: String) { writer.line(text) }
    private mutating func blank() { writer.blank() }
    private mutating func doc(_ text: String?) { writer.doc(text) }

    private mutating func emit(_ decl: SwiftDecl) {
        switch decl {
        case .structType(let s): emitStruct(s)
        case .enumType(let e): emitEnum(e)
        case .alias(let name, let type, let d):
            doc(d)
            line("\(access) typealias \(name) = \(type.rendered(in: scope))")
        }
    }

    private mutating func nestedDecls(_ decls: [SwiftDecl]) {
        for decl in decls {
            blank()
            emit(decl)
        }
    }

    private func type(_ t: SwiftType) -> String { t.rendered(in: scope) }

    // MARK: Structs

    private mutating func emitStruct(_ s: SwiftStruct) {
        doc(s.doc)
        line("\(access) struct \(s.name): \(equality.conformances(s.isCodable ? ["Codable"] : [], ["Sendable"])) {")
        depth += 1
        scope.append(s.name)
        defer { scope.removeLast() }
        for p in s.properties {
            doc(p.doc)
            if let message = p.deprecation { line("@available(*, deprecated, message: \(SwiftNames.literal(message)))") }
            line("\(p.indirect ? "@Indirect " : "")\(access) var \(p.name): \(type(p.type))")
        }
        if !s.properties.isEmpty { blank() }
        // Memberwise initializer: Swift's own is internal.
        let parameters = s.properties.map { p -> String in
            let fallback = p.defaultValue.map { " = \($0)" } ?? (p.isOptional ? " = nil" : "")
            return "\(p.name): \(type(p.type))\(fallback)"
        }
        if parameters.isEmpty {
            line("\(access) init() {}")
        } else {
            line("\(access) init(\(parameters.joined(separator: ", "))) {")
            depth += 1
            for p in s.properties { line("self.\(SwiftNames.bare(p.name)) = \(p.name)") }
            depth -= 1
            line("}")
        }
        if s.isCodable {
            // The compiler's own coding is the one way to reach a deprecated property without a warning.
            if s.properties.contains(where: { $0.deprecation != nil }) { emitSynthesisedCoding(s) } else { emitCoding(s) }
        }
        nestedDecls(s.nested)
        depth -= 1
        line("}")
    }

    /// `Codable` written out with the runtime's string key rather than synthesised: a synthesised conformance brings
    /// a `CodingKeys` enum per struct, and its own conformances (`CodingKey`, `RawRepresentable`, `Hashable`) were a
    /// fifth of the compiler's time on Box's generated module and a sixth on Stripe's. Optionals are decoded and
    /// encoded "if present", as the synthesised code does (absent and `null` read as nil; nil is left out); a struct
    /// without properties still reads and writes an object.
    private mutating func emitCoding(_ s: SwiftStruct) {
        blank()
        line("\(access) init(from decoder: any Decoder) throws {")
        depth += 1
        line("\(s.properties.isEmpty ? "_" : "let container") = try decoder.container(keyedBy: AnyCodingKey.self)")
        decodeProperties(s) { SwiftNames.literal($0.key) }
        depth -= 1
        line("}")
        blank()
        line("\(access) func encode(to encoder: any Encoder) throws {")
        depth += 1
        line("\(s.properties.isEmpty ? "_" : "var container") = encoder.container(keyedBy: AnyCodingKey.self)")
        for p in s.properties {
            line("try container.encode\(p.isOptional ? "IfPresent" : "")(self.\(SwiftNames.bare(p.name)), forKey: \(SwiftNames.literal(p.key)))")
        }
        depth -= 1
        line("}")
    }

    /// Synthesised `Codable`: `CodingKeys` where a wire name differs from the Swift one, and `init(from:)` written
    /// out where defaults apply on decode.
    private mutating func emitSynthesisedCoding(_ s: SwiftStruct) {
        if s.properties.contains(where: { SwiftNames.bare($0.name) != $0.key }) {
            blank()
            line("enum CodingKeys: String, CodingKey {")
            depth += 1
            for p in s.properties {
                line(SwiftNames.bare(p.name) == p.key ? "case \(p.name)" : "case \(p.name) = \(SwiftNames.literal(p.key))")
            }
            depth -= 1
            line("}")
        }
        guard s.properties.contains(where: { $0.defaultValue != nil }) else { return }
        blank()
        line("\(access) init(from decoder: any Decoder) throws {")
        depth += 1
        line("let container = try decoder.container(keyedBy: CodingKeys.self)")
        decodeProperties(s) { ".\($0.name)" }
        depth -= 1
        line("}")
    }

    /// One line per property reading it from `container` under `key(property)`: absent or `null` optionals are nil,
    /// an absent property with a default takes it.
    private mutating func decodeProperties(_ s: SwiftStruct, key: (SwiftProperty) -> String) {
        for p in s.properties {
            let read = "try container.decode\(p.isOptional || p.defaultValue != nil ? "IfPresent" : "")(\(type(p.type.unwrapped)).self, forKey: \(key(p)))"
            line("self.\(SwiftNames.bare(p.name)) = \(read)\(p.defaultValue.map { " ?? \($0)" } ?? "")")
        }
    }

    // MARK: Enums

    private mutating func emitEnum(_ e: SwiftEnum) {
        doc(e.doc)
        defer { scope.removeLast() }
        switch e.kind {
        case .raw(let rawSwiftType, let cases):
            // Codable comes from the standard library's defaults for String- and Int-backed RawRepresentable types (the
            // same single-value coding this file used to spell out per enum), so no coding functions are compiled here.
            line("\(access) enum \(e.name): RawRepresentable, Codable, Hashable, Sendable {")
            depth += 1
            scope.append(e.name)
            let rawType = type(rawSwiftType)
            for c in cases { line("case \(c.name)") }
            line("/// A value this code does not know: the API added it later. Requests still reject unknown values.")
            line("case unknown(\(rawType))")
            blank()
            line("\(access) init(rawValue: \(rawType)) {")
            depth += 1
            line("switch rawValue {")
            for c in cases { line("case \(c.value): self = .\(c.name)") }
            line("default: self = .unknown(rawValue)")
            line("}")
            depth -= 1
            line("}")
            blank()
            line("\(access) var rawValue: \(rawType) {")
            depth += 1
            line("switch self {")
            for c in cases { line("case .\(c.name): \(c.value)") }
            line("case .unknown(let value): value")
            line("}")
            depth -= 1
            line("}")
        case .choice(let cases):
            line("\(access) enum \(e.name): \(equality.conformances(["Sendable"])) {")
            depth += 1
            scope.append(e.name)
            for c in cases { line("case \(c.name)(\(type(c.type)))") }
        case .union(let cases, let discriminator, let fallback):
            line("\(access) \(e.isIndirect ? "indirect " : "")enum \(e.name): \(equality.conformances(["Codable"], ["Sendable"])) {")
            depth += 1
            scope.append(e.name)
            for c in cases { line("case \(c.name)(\(type(c.type)))") }
            blank()
            line("\(access) init(from decoder: any Decoder) throws {")
            depth += 1
            if let discriminator {
                let tag = "decoder.container(keyedBy: AnyCodingKey.self).decode(String.self, forKey: \(SwiftNames.literal(discriminator)))"
                if let fallback, let c = cases.first(where: { $0.name == fallback }) {
                    // No value, or one the mapping does not name: the default mapping's schema.
                    line("switch try? \(tag) {")
                    for c in cases where !c.tags.isEmpty && c.name != fallback {
                        line("case \(c.tags.map(SwiftNames.literal).joined(separator: ", ")): self = .\(c.name)(try \(type(c.type))(from: decoder))")
                    }
                    line("default: self = .\(c.name)(try \(type(c.type))(from: decoder))")
                    line("}")
                } else {
                    line("switch try \(tag) {")
                    for c in cases {
                        line("case \(c.tags.map(SwiftNames.literal).joined(separator: ", ")): self = .\(c.name)(try \(type(c.type))(from: decoder))")
                    }
                    line("case let other:")
                    depth += 1
                    line("throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: \"Unknown \(discriminator) '\\(other)'\"))")
                    depth -= 1
                    line("}")
                }
            } else {
                line("var errors: [any Swift.Error] = []")
                for c in cases {
                    line("do { self = .\(c.name)(try \(type(c.type))(from: decoder)); return } catch { errors.append(error) }")
                }
                line("throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: \"No alternative of \(e.name) matched: \\(errors)\"))")
            }
            depth -= 1
            line("}")
            blank()
            line("\(access) func encode(to encoder: any Encoder) throws {")
            depth += 1
            line("switch self {")
            for c in cases { line("case .\(c.name)(let value): try value.encode(to: encoder)") }
            line("}")
            depth -= 1
            line("}")
        }
        nestedDecls(e.nested)
        depth -= 1
        line("}")
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
