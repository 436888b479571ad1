/// Inline types that are, in Swift, the same type as one declared earlier: a request's and a response's
/// `delivery` enum, their `address` object, or Stripe's `metadata: anyOf [map, ""]` in every operation that takes
/// it. The first is declared; later ones become a `typealias` to it, so `Order.Address` and `NewOrder.Address` are
/// one type, a user never converts between identical copies, and the compiler builds each shape once (every type
/// costs its conformances, metadata and value witnesses in the user's build).
///
/// Sameness is decided on the Swift the translator made, not on the schemas: two declarations are the same type
/// when they print the same, documentation aside, with every type outside their own subtree written as its full
/// path (so a `Geo` that means `A.Geo` in one and `B.Geo` in the other keeps them apart).
struct InlineTypeSharing {
    private var enums: [EnumKey: [String]] = [:]
    private var structs: [StructKey: [(path: [String], decl: SwiftDecl)]] = [:]
    private var unions: [EnumKey: [(path: [String], decl: SwiftDecl)]] = [:]
    /// Canonical form of each declared struct or union, computed when a later candidate first needs it.
    private var canonicalForms: [[String]: SwiftDecl] = [:]

    /// The path of an earlier enum with the same name and cases, or nil (and `path` is recorded as the first).
    mutating func sharedEnum(_ e: SwiftEnum, at path: [String]) -> [String]? {
        let key = EnumKey(e)
        if let first = enums[key] { return first }
        enums[key] = path
        return nil
    }

    /// The path of an earlier struct that is the same Swift type as `s` at `path`, or nil (and `s` is recorded).
    mutating func sharedStruct(_ s: SwiftStruct, at path: [String]) -> [String]? {
        let key = StructKey(s)
        var candidates = structs.removeValue(forKey: key) ?? []  // taken out, so appending does not copy the list
        defer { structs[key] = candidates }
        return shared(.structType(s), at: path, among: &candidates)
    }

    /// The path of an earlier union (an enum with associated values) that is the same Swift type as `e` at `path`,
    /// or nil (and `e` is recorded).
    mutating func sharedUnion(_ e: SwiftEnum, at path: [String]) -> [String]? {
        let key = EnumKey(e)
        var candidates = unions.removeValue(forKey: key) ?? []
        defer { unions[key] = candidates }
        return shared(.enumType(e), at: path, among: &candidates)
    }

    private mutating func shared(_ decl: SwiftDecl, at path: [String], among candidates: inout [(path: [String], decl: SwiftDecl)]) -> [String]? {
        for candidate in candidates {
            let firstForm = canonicalForms[candidate.path] ?? Self.canonical(candidate.decl, at: candidate.path, first: nil)
            canonicalForms[candidate.path] = firstForm
            if Self.canonical(decl, at: path, first: candidate) == firstForm { return candidate.path }
        }
        candidates.append((path, decl))
        return nil
    }

    /// `decl` as if declared at the top level under a fixed name, documentation dropped: two declarations are the
    /// same Swift type when these are equal (compared as values: printing them to compare text was a tenth of
    /// generating Stripe). A nested type of `decl` that is itself an alias of the corresponding nested type of
    /// `first` (shared while `decl` was built) is replaced by that type's declaration, so nested sharing does not
    /// hide outer sameness.
    static func canonical(_ decl: SwiftDecl, at path: [String], first: (path: [String], decl: SwiftDecl)?) -> SwiftDecl {
        var decl = decl
        if let first {
            decl.nested = decl.nested.map { nested in
                guard case .alias(let name, let type, _) = nested, type.path == first.path + [name],
                      let original = first.decl.nested.first(where: { $0.name == name }) else { return nested }
                return original.rebased(from: first.path, to: path)
            }
        }
        decl.renamed = "_Shared"
        return decl.rebased(from: path, to: ["_Shared"], dropDocs: true)
    }

    /// An enum's name (the property's) and its cases. For raw enums this decides sameness (descriptions may differ:
    /// a request's and a response's words for one field); for unions it is the first filter before the canonical
    /// comparison (their cases' types may name different things).
    private struct EnumKey: Hashable {
        var name: String
        var cases: [String]

        init(_ e: SwiftEnum) {
            name = e.name
            switch e.kind {
            case .raw(let rawType, let cases): self.cases = [rawType.rendered()] + cases.flatMap { [$0.name, $0.value] }
            case .union(let cases, _, _): self.cases = cases.map(\.name)
            case .choice(let cases): self.cases = cases.map(\.name)
            }
        }
    }

    /// A cheap first filter for structs: the name and the JSON keys, in order.
    private struct StructKey: Hashable {
        var name: String
        var keys: [String]

        init(_ s: SwiftStruct) {
            name = s.name
            keys = s.properties.map(\.key)
        }
    }
}

extension SwiftType {
    /// The type with every path under `old` moved under `new`.
    func rebased(from old: [String], to new: [String]) -> SwiftType {
        func move(_ path: [String]) -> [String] { path.starts(with: old) ? new + path.dropFirst(old.count) : path }
        switch self {
        case .named(let path): return .named(move(path))
        case .optional(let wrapped): return .optional(wrapped.rebased(from: old, to: new))
        case .array(let element): return .array(element.rebased(from: old, to: new))
        case .dictionary(let value): return .dictionary(value.rebased(from: old, to: new))
        case .generic(let path, let arguments): return .generic(move(path), arguments.map { $0.rebased(from: old, to: new) })
        }
    }
}

extension SwiftDecl {
    /// The declaration with every type path under `old` moved under `new` (see `SwiftType.rebased`).
    func rebased(from old: [String], to new: [String], dropDocs: Bool = false) -> SwiftDecl {
        func doc(_ text: String?) -> String? { dropDocs ? nil : text }
        switch self {
        case .alias(let name, let type, let text):
            return .alias(name: name, type: type.rebased(from: old, to: new), doc: doc(text))
        case .structType(var s):
            s.doc = doc(s.doc)
            s.properties = s.properties.map { p in
                var p = p
                p.type = p.type.rebased(from: old, to: new)
                p.doc = doc(p.doc)
                return p
            }
            s.nested = s.nested.map { $0.rebased(from: old, to: new, dropDocs: dropDocs) }
            return .structType(s)
        case .enumType(var e):
            e.doc = doc(e.doc)
            switch e.kind {
            case .raw(let rawType, let cases):
                e.kind = .raw(rawType: rawType.rebased(from: old, to: new), cases: cases)
            case .union(let cases, let discriminator, let fallback):
                e.kind = .union(cases: cases.map { ($0.name, $0.type.rebased(from: old, to: new), $0.tags) }, discriminator: discriminator, fallback: fallback)
            case .choice(let cases):
                e.kind = .choice(cases: cases.map { ($0.name, $0.type.rebased(from: old, to: new)) })
            }
            e.nested = e.nested.map { $0.rebased(from: old, to: new, dropDocs: dropDocs) }
            return .enumType(e)
        }
    }
}

extension SwiftDecl {
    /// The types declared inside a struct or enum (an alias has none).
    fileprivate var nested: [SwiftDecl] {
        get {
            switch self {
            case .structType(let s): s.nested
            case .enumType(let e): e.nested
            case .alias: []
            }
        }
        set {
            switch self {
            case .structType(var s): s.nested = newValue; self = .structType(s)
            case .enumType(var e): e.nested = newValue; self = .enumType(e)
            case .alias: break
            }
        }
    }

    /// The declared name, settable (to compare declarations under one name).
    fileprivate var renamed: String {
        get { name }
        set {
            switch self {
            case .structType(var s): s.name = newValue; self = .structType(s)
            case .enumType(var e): e.name = newValue; self = .enumType(e)
            case .alias(_, let type, let doc): self = .alias(name: newValue, type: type, doc: doc)
            }
        }
    }
}
