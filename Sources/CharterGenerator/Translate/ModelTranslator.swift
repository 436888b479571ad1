import CharterSpec
import CharterValidation

/// Translates a document's component schemas into Swift model declarations.
///
/// Objects become structs (required → non-optional, defaults applied on decode, wire names as coding keys),
/// string and integer enums become enums that tolerate values added later, `oneOf`/`anyOf` become enums
/// with associated values (decoded by discriminator when there is one), `allOf` is flattened, maps become
/// dictionaries, free-form values `JSONValue`. Constraints are not models' business: validation checks them.
struct ModelTranslator: Sendable {
    let document: Document
    var diagnostics: [Diagnostic] = []
    /// Component schema id → Swift type name.
    private(set) var componentNames: [SchemaID: String] = [:]
    /// The same names as a set (nested types must not reuse them).
    private var componentTypeNames: Set<String> = []
    private var directEdges: [SchemaID: Set<SchemaID>] = [:]
    /// Strongly connected component of each component schema over `directEdges`: two structs that store each
    /// other inline (directly or through others) share one, and only such a property needs `@Indirect`.
    private var componentOfSchema: [SchemaID: Int] = [:]
    private var currentComponent: SchemaID?
    private var depth = 0
    /// Enclosing type names while building nested declarations (`["Pet"]` inside `Pet`).
    private var scope: [String] = []
    /// Inline schemas already given a type, by path: an allOf that flattens another component's
    /// properties reuses `NewPet.Details` instead of emitting the same shape twice.
    private var inlineTypes: [SchemaID: [String]] = [:]
    /// Inline enums and structs already declared: an identical one elsewhere (`NewOrder.Delivery` and
    /// `Order.Delivery`, a request's and a response's) becomes an alias of the first, so both are one type.
    private var sharing = InlineTypeSharing()
    /// Names of nested types already declared in each struct being built (innermost last).
    private var nestedNamesInUse: [Set<String>] = []
    /// Nested type names already used in each operation namespace.
    private var operationNestedNames: [String: Set<String>] = [:]
    /// Set when the last property type resolved to an enclosing type (so the property must be indirect).
    private var referencesEnclosingType = false
    /// Every struct made, by path, and every component alias: how a multipart body finds its properties.
    private var structs: [[String]: SwiftStruct] = [:]
    private var aliases: [[String]: SwiftType] = [:]

    /// Component types in declaration order: each name with the schema whose keywords make it.
    private var declared: [(name: String, id: SchemaID)] = []
    /// A component that is only a `$ref` (or a one-member `allOf`) to a schema no component names — the layout of
    /// vendors' multi-file trees (`Widget: {$ref: widget.yaml}`) — is that schema's type under its own name: the
    /// component's id → the schema's.
    private var canonical: [SchemaID: SchemaID] = [:]
    /// Which schemas requests and responses carry (a required `readOnly` property of a type clients send is optional).
    private let directions: SchemaDirections

    init(document: Document, typeNames overrides: [String: String] = [:]) {
        self.document = document
        directions = SchemaDirections(document: document)
        for name in overrides.keys.sorted() where document.components.schema(named: name) == nil {
            diagnostics.append(Diagnostic(.warning, "type-names: the spec has no component schema '\(name)'", at: nil))
        }
        let names = SwiftNames.uniqued(document.components.schemas.map { overrides[$0.name] ?? SwiftNames.typeName($0.name) })
        let componentIDs = Set(document.components.schemas.map(\.id))
        for (component, name) in zip(document.components.schemas, names) where componentNames[component.id] == nil {
            componentNames[component.id] = name
            // Follow bare references through schemas no component names; the one they end on takes this name.
            var target = component.id
            var hops = 0
            // A one-member `allOf` is followed to what its member references (the member itself is only a `$ref`).
            while hops < 16,
                  let next = document[target].ref?.target
                      ?? singleAllOfReference(document[target]).flatMap({ document[$0].ref?.target }),
                  !componentIDs.contains(next), componentNames[next] == nil {
                target = next
                hops += 1
            }
            if target != component.id {
                componentNames[target] = name
                canonical[component.id] = target
            }
            declared.append((name, target))
        }
        componentTypeNames = Set(componentNames.values)
    }

    mutating func translate() -> [SwiftDecl] {
        for (_, id) in declared { directEdges[id] = directComponentRefs(id, visited: []) }
        componentOfSchema = Self.stronglyConnectedComponents(declared.map(\.id), edges: directEdges)
        var decls: [SwiftDecl] = []
        for (name, id) in declared {
            currentComponent = id
            decls += componentDecl(id, name: name)
        }
        currentComponent = nil
        return decls
    }

    /// The schema that declares the type a component name stands for (itself, unless it is a bare reference).
    private func canonicalID(_ id: SchemaID) -> SchemaID { canonical[id] ?? id }

    /// Whether `name` is taken by a component type.
    func isComponentTypeName(_ name: String) -> Bool { componentTypeNames.contains(name) }

    /// The Swift type of a schema used by an operation; inline objects and enums become types nested in
    /// `scope` (the operation's namespace), named after `hint`.
    mutating func operationType(_ id: SchemaID, hint: String, scope namespace: String, nested: inout [SwiftDecl]) -> SwiftType {
        scope.append(namespace)
        nestedNamesInUse.append(operationNestedNames[namespace, default: []])
        defer {
            operationNestedNames[namespace] = nestedNamesInUse.removeLast()
            scope.removeLast()
        }
        return swiftType(id, hint: nestedName(hint), nested: &nested)
    }

    /// A name for a type of an operation's own (a body enum) that no nested type of its namespace takes.
    mutating func reserveOperationName(_ name: String, scope namespace: String) -> String {
        scope.append(namespace)
        nestedNamesInUse.append(operationNestedNames[namespace, default: []])
        defer {
            operationNestedNames[namespace] = nestedNamesInUse.removeLast()
            scope.removeLast()
        }
        return nestedName(name)
    }

    /// The struct a type names (through component aliases), if it names one.
    func structDecl(_ type: SwiftType) -> SwiftStruct? {
        var current = type
        for _ in 0..<16 {
            guard let path = current.path else { return nil }
            if let s = structs[path] { return s }
            guard let target = aliases[path] else { return nil }
            current = target
        }
        return nil
    }

    /// A Swift literal for a parameter's `default`, or nil when it has none that fits its type.
    func defaultLiteral(_ id: SchemaID) -> String? {
        guard let d = document[id].defaultValue ?? document[document.resolved(id)].defaultValue else { return nil }
        return swiftLiteral(d, schema: id)
    }

    // MARK: Components

    private mutating func componentDecl(_ id: SchemaID, name: String) -> [SwiftDecl] {
        let s = document[id]
        var extra: [SwiftDecl] = []
        if let target = s.ref?.target ?? singleAllOfReference(s), componentNames[target] != name {
            let type = swiftType(target, hint: name, nested: &extra)
            aliases[[name]] = type
            return extra + [.alias(name: name, type: type, doc: s.description)]
        }
        switch shape(id) {
        case .object:
            let made = makeStruct(id, name: name)
            structs[[name]] = made
            return [.structType(made)]
        case .stringEnum, .integerEnum:
            return [.enumType(makeRawEnum(id, name: name))]
        case .union:
            if let e = makeUnion(id, name: name) { return [.enumType(e)] }
            fallthrough
        default:
            let type = swiftType(id, hint: name, nested: &extra)
            aliases[[name]] = type
            return extra + [.alias(name: name, type: type, doc: s.description)]
        }
    }

    /// `allOf: [{$ref: X}]` with nothing beside it but annotations: the schema is X under another name.
    private func singleAllOfReference(_ s: Schema) -> SchemaID? {
        guard !s.allOf.isEmpty, s.properties.isEmpty, s.oneOf.isEmpty, s.anyOf.isEmpty else { return nil }
        let members = document.constrainingAllOf(s)
        guard members.count == 1, document[members[0]].ref != nil else { return nil }
        return members[0]
    }

    /// A property schema's description, default and deprecation: its own, else those of its describing `allOf`
    /// members (in order). Without an `allOf` nothing is allocated: this runs for every property of every model.
    private func annotations(_ id: SchemaID) -> (description: String?, defaultValue: Node?, deprecated: Schema?) {
        let s = document[id]
        var result = (description: s.description, defaultValue: s.defaultValue, deprecated: s.deprecated ? s : nil)
        for member in s.allOf where document[member].assertsNothing {
            let m = document[member]
            result.description = result.description ?? m.description
            result.defaultValue = result.defaultValue ?? m.defaultValue
            result.deprecated = result.deprecated ?? (m.deprecated ? m : nil)
        }
        return result
    }

    enum Shape {
        case object, stringEnum, integerEnum, union, array, map, scalar, freeForm
    }

    /// What kind of Swift type a schema becomes (without following `$ref`).
    func shape(_ id: SchemaID) -> Shape {
        let s = document[id]
        if s.booleanValue != nil { return .freeForm }
        let nonNullTypes = s.types.map { $0.subtracting(.null) }
        if let values = s.enumValues, !values.isEmpty {
            let nonNull = values.filter { !$0.isNull }
            if nonNull.allSatisfy({ $0.scalarType == .string }) { return .stringEnum }
            if nonNull.allSatisfy({ $0.scalarType == .integer }) && nonNullTypes != .number { return .integerEnum }
            return .scalar
        }
        let members = document.constrainingAllOf(s)
        if !members.isEmpty {
            return members.allSatisfy({ isObjectLike(document.resolved($0)) }) ? .object : .freeForm
        }
        if !s.oneOf.isEmpty || !s.anyOf.isEmpty { return .union }
        if let t = nonNullTypes, t.rawValue.nonzeroBitCount > 1, t != [.integer, .number] { return .freeForm }
        if nonNullTypes == .object || (nonNullTypes == nil && !s.properties.isEmpty) {
            if s.properties.isEmpty {
                if case .schema? = s.additionalProperties { return .map }
                return .freeForm
            }
            return .object
        }
        if nonNullTypes == .array { return .array }
        if nonNullTypes == nil { return s.const != nil ? .scalar : .freeForm }
        return .scalar
    }

    private func isObjectLike(_ id: SchemaID) -> Bool {
        let s = document[id]
        // `required` alone (an allOf member making inherited properties required) only applies to objects.
        return shape(id) == .object || (s.types?.contains(.object) ?? false) || !s.properties.isEmpty || !s.required.isEmpty
    }

    // MARK: Types

    /// The Swift type for schema `id`; inline structs and enums are appended to `nested` named after `hint`.
    mutating func swiftType(_ id: SchemaID, hint: String, nested: inout [SwiftDecl]) -> SwiftType {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { return .jsonValue }
        let s = document[id]
        if let ref = s.ref {
            guard let target = ref.target else { return .jsonValue }
            let base = componentNames[target].map { SwiftType.named($0) } ?? swiftType(target, hint: hint, nested: &nested)
            return base.optional(if: s.isNullable || document[target].isNullable && componentNames[target] == nil)
        }
        let nullable = s.isNullable || (s.enumValues?.contains { $0.isNull } ?? false)
        // `allOf: [$ref: X]` (often used to attach a description or default) is just X.
        if let member = singleAllOfReference(s) {
            return swiftType(member, hint: hint, nested: &nested).optional(if: nullable)
        }
        if let existing = inlineTypes[id] {
            // A reference back to a type still being built (an enclosing one) closes a cycle.
            if scope.count >= existing.count && Array(scope.prefix(existing.count)) == existing { referencesEnclosingType = true }
            return SwiftType.named(existing).optional(if: nullable)
        }
        let path = scope + [hint]
        switch shape(id) {
        case .object:
            inlineTypes[id] = path
            let made = makeStruct(id, name: hint)
            structs[path] = made
            let first = sharing.sharedStruct(made, at: path)
            if let first { aliases[path] = .named(first) }
            return declare(.structType(made), sharing: first, alike: "fields", id: id, path: path, nested: &nested).optional(if: nullable)
        case .stringEnum, .integerEnum:
            inlineTypes[id] = path
            let made = makeRawEnum(id, name: hint)
            let first = sharing.sharedEnum(made, at: path)
            return declare(.enumType(made), sharing: first, alike: "values", id: id, path: path, nested: &nested).optional(if: nullable)
        case .union:
            if let single = nullableUnionBranch(s) { return swiftType(single, hint: hint, nested: &nested).optional(if: true) }
            if let files = fileUnion(id) { return files }
            inlineTypes[id] = path
            if let e = makeUnion(id, name: hint) {
                let first = sharing.sharedUnion(e, at: path)
                return declare(.enumType(e), sharing: first, alike: "alternatives", id: id, path: path, nested: &nested).optional(if: nullable)
            }
            inlineTypes[id] = nil
            return .jsonValue
        case .array:
            if case .schema(let items)? = s.items.map(CharterSpec.SchemaOrBool.schema) {
                return SwiftType.array(swiftType(items, hint: hint + "Item", nested: &nested)).optional(if: nullable)
            }
            return SwiftType.array(.jsonValue).optional(if: nullable)
        case .map:
            if case .schema(let values)? = s.additionalProperties {
                return SwiftType.dictionary(swiftType(values, hint: hint + "Value", nested: &nested)).optional(if: nullable)
            }
            return SwiftType.dictionary(.jsonValue).optional(if: nullable)
        case .freeForm:
            return .jsonValue // JSONValue represents null itself
        case .scalar:
            if ContentRules.isBinary(id, in: document) { return SwiftType.binaryFile.optional(if: nullable) }
            return scalarType(s).optional(if: nullable)
        }
    }

    /// Declares the inline type `made` at `path` (its last component is its name), or, when `first` is an earlier
    /// declaration of the same Swift type (see `InlineTypeSharing`), a typealias to it whose doc says the two have the
    /// same `alike` ("fields", "values"). When `first` is declared in an enclosing type under this very name, the name
    /// already means it here (an alias would refer to itself): nothing is declared and `first` is the type.
    private mutating func declare(_ made: SwiftDecl, sharing first: [String]?, alike: String, id: SchemaID, path: [String],
                                  nested: inout [SwiftDecl]) -> SwiftType {
        guard let first else {
            nested.append(made)
            return .named(path)
        }
        let name = made.name
        if first.last == name && Array(first.dropLast()) == Array(scope.prefix(first.count - 1)) {
            inlineTypes[id] = first
            return .named(first)
        }
        nested.append(.alias(name: name, type: .named(first), doc: "The same \(alike) as `\(first.joined(separator: "."))`, and that type."))
        return .named(path)
    }

    /// `anyOf: [file, [file]]` (one upload or several, as multipart forms write it) is a list of files.
    private func fileUnion(_ id: SchemaID) -> SwiftType? {
        ContentRules.isFile(id, in: document) ? .array(.binaryFile) : nil
    }

    /// A name for a nested type that shadows neither a component type nor an enclosing type (inside
    /// `Config`, a nested `Money` would hide the component `Money` from every property that means it).
    private mutating func nestedName(_ name: String) -> String {
        func taken(_ n: String) -> Bool { componentTypeNames.contains(n) || scope.contains(n) || (nestedNamesInUse.last?.contains(n) ?? false) }
        var candidate = name
        var n = 2
        while taken(candidate) {
            candidate = taken(name + "Value") || candidate.hasSuffix("Value") ? name + String(n) : name + "Value"
            n += 1
        }
        if !nestedNamesInUse.isEmpty { nestedNamesInUse[nestedNamesInUse.count - 1].insert(candidate) }
        return candidate
    }

    private func scalarType(_ s: Schema) -> SwiftType {
        let types = s.types?.subtracting(.null) ?? []
        if types.contains(.string) || (types.isEmpty && s.const?.scalarType == .string) {
            switch s.format {
            case "date-time": return .date
            case "uuid": return .uuid
            case "byte": return .data
            case "binary": return types == .string ? .binaryFile : .data
            default: return .string
            }
        }
        if types.contains(.integer) && !types.contains(.number) {
            switch s.format {
            case "int32": return .int32
            case "int64": return .int64
            default: return .int
            }
        }
        if types.contains(.number) || types.contains(.integer) { return s.format == "float" ? .float : .double }
        if types.contains(.boolean) || s.const?.scalarType == .bool { return .bool }
        return .jsonValue
    }

    /// `oneOf: [X, {type: null}]` is just an optional X.
    private func nullableUnionBranch(_ s: Schema) -> SchemaID? {
        let branches = s.oneOf.isEmpty ? s.anyOf : s.oneOf
        let nonNull = branches.filter { document[document.resolved($0)].types != .null }
        return branches.count == 2 && nonNull.count == 1 ? nonNull[0] : nil
    }

    // MARK: Structs

    /// Properties of an object schema, with allOf members (and their refs) flattened in order.
    private func collectProperties(_ id: SchemaID, into properties: inout [(name: String, schema: SchemaID)],
                                   required: inout Set<String>, visited: Set<SchemaID>) {
        let id = document.resolved(id)
        guard !visited.contains(id), visited.count < 32 else { return }
        let s = document[id]
        for member in s.allOf { collectProperties(member, into: &properties, required: &required, visited: visited.union([id])) }
        for p in s.properties where !properties.contains(where: { $0.name == p.name }) { properties.append(p) }
        required.formUnion(s.required)
    }

    private mutating func makeStruct(_ id: SchemaID, name: String) -> SwiftStruct {
        let s = document[id]
        var properties: [(name: String, schema: SchemaID)] = []
        var required: Set<String> = []
        collectProperties(id, into: &properties, required: &required, visited: [])
        if case .schema? = s.additionalProperties, !s.properties.isEmpty {
            diagnostics.append(Diagnostic(.warning, "'\(name)': additional properties beside declared ones are validated but not kept in the generated model", at: s.location))
        }
        var result = SwiftStruct(name: name, doc: s.description ?? s.title, properties: [])
        scope.append(name)
        nestedNamesInUse.append([])
        let savedFlag = referencesEnclosingType
        defer {
            scope.removeLast()
            nestedNamesInUse.removeLast()
            referencesEnclosingType = savedFlag
        }
        let swiftNames = SwiftNames.uniqued(properties.map { SwiftNames.memberName($0.name) })
        for (p, swiftName) in zip(properties, swiftNames) {
            let described = annotations(p.schema)
            referencesEnclosingType = false
            var type = swiftType(p.schema, hint: nestedName(SwiftNames.typeName(p.name, nested: true)), nested: &result.nested)
            var defaultValue: String?
            if let d = described.defaultValue ?? document[document.resolved(p.schema)].defaultValue, !required.contains(p.name) {
                defaultValue = swiftLiteral(d, schema: p.schema)
            }
            // Absent is not null: even a JSONValue property needs an Optional when it may be missing; a default
            // fills the absence in, so such a property is never optional.
            let oneWay = required.contains(p.name) && directions.requiredOnlyOneWay(property: p.schema, owner: id, in: document)
            if defaultValue != nil {
                type = type.unwrapped
            } else if !required.contains(p.name) || oneWay {
                type = type.optional
            }
            var docText = described.description ?? document[document.resolved(p.schema)].description
            if oneWay {
                let note = document[p.schema].readOnly || document[document.resolved(p.schema)].readOnly
                    ? "Read-only: the server always sends it; leave it nil in requests."
                    : "Write-only: required in requests; responses leave it out."
                docText = (docText.map { $0 + "\n\n" } ?? "") + note
            }
            result.properties.append(SwiftProperty(name: swiftName, key: p.name, type: type, doc: docText,
                                                   indirect: isCycle(p.schema) || (referencesEnclosingType && !type.isCollection),
                                                   defaultValue: defaultValue,
                                                   deprecation: described.deprecated.map { DeprecationMessage.of(extensions: $0.extensions, description: docText) }))
        }
        return result
    }

    /// A Swift literal for a spec default, chosen by the schema the property resolves to (its Swift type may
    /// be an alias such as `IncludeSubaccounts = Bool`).
    private func swiftLiteral(_ node: Node, schema: SchemaID) -> String? {
        var target = document.resolved(schema)
        for _ in 0..<8 {
            let members = document.constrainingAllOf(document[target])
            guard members.count == 1, document[target].properties.isEmpty else { break }
            target = document.resolved(members[0])
        }
        switch shape(target) {
        case .stringEnum, .integerEnum:
            guard let text = node.text, let values = document[target].enumValues, values.contains(where: { $0.text == text }) else { return nil }
            return "." + (shape(target) == .integerEnum ? SwiftNames.escaped("value" + (text.hasPrefix("-") ? "Minus" + text.dropFirst() : text)) : caseName(text))
        case .scalar:
            switch scalarType(document[target]) {
            case .string: return node.scalarType == .string ? SwiftNames.literal(node.text ?? "") : nil
            case .int, .int32, .int64: return node.scalarType == .integer ? node.text : nil
            case .double, .float: return (node.scalarType == .integer || node.scalarType == .float) ? node.text : nil
            case .bool: return node.scalarType == .bool ? (node.bool == true ? "true" : "false") : nil
            default: return nil
            }
        default:
            return nil
        }
    }

    // MARK: Enums

    private func caseName(_ value: String) -> String {
        // `-price` (a descending sort) must not collapse into `price`: the sign becomes a word.
        var value = value
        if let first = value.first, first == "-" || first == "+", value.dropFirst().contains(where: \.isLetter) {
            value = (first == "-" ? "minus_" : "plus_") + value.dropFirst()
        }
        let name = SwiftNames.memberName(value)
        return SwiftNames.bare(name) == "unknown" ? "unknownValue" : name
    }

    private func makeRawEnum(_ id: SchemaID, name: String) -> SwiftEnum {
        let s = document[id]
        let values = (s.enumValues ?? []).filter { !$0.isNull }
        if shape(id) == .integerEnum {
            let names = SwiftNames.uniqued(values.map { v -> String in
                let text = v.text ?? "0"
                return SwiftNames.escaped("value" + (text.hasPrefix("-") ? "Minus" + text.dropFirst() : text))
            })
            return SwiftEnum(name: name, doc: s.description, kind: .raw(rawType: .int, cases: zip(names, values).map { ($0, $1.text ?? "0") }))
        }
        let names = SwiftNames.uniqued(values.map { caseName($0.text ?? "") })
        return SwiftEnum(name: name, doc: s.description, kind: .raw(rawType: .string, cases: zip(names, values).map { ($0, SwiftNames.literal($1.text ?? "")) }))
    }

    private mutating func makeUnion(_ id: SchemaID, name: String) -> SwiftEnum? {
        let s = document[id]
        let branches = (s.oneOf.isEmpty ? s.anyOf : s.oneOf).filter { document[document.resolved($0)].types != .null }
        guard !branches.isEmpty else { return nil }
        var nested: [SwiftDecl] = []
        var cases: [(name: String, type: SwiftType, tags: [String])] = []
        let discriminator = s.discriminator
        scope.append(name)
        defer { scope.removeLast() }
        var caseNames: [String] = []
        var types: [SwiftType] = []
        for (i, branch) in branches.enumerated() {
            let component = componentNames[branch] ?? document[branch].ref?.target.flatMap { componentNames[$0] }
            let hint = component.map { $0 + "Case" } ?? "\(name)\(i + 1)"
            let declared = nested.count
            let type = swiftType(branch, hint: component == nil ? "Case\(i + 1)" : hint, nested: &nested)
            types.append(type)
            // A branch that needed a type of its own (an inline object or enum) is named by its position.
            let label = nested.count > declared ? "case\(i + 1)" : caseLabel(type)
            caseNames.append(component.map { SwiftNames.memberName($0) } ?? SwiftNames.memberName(label))
        }
        let unique = SwiftNames.uniqued(caseNames)
        let discriminatorTags = document.discriminatorTags(of: id)
        for (i, branch) in branches.enumerated() {
            var tags: [String] = []
            if discriminator != nil {
                tags = discriminatorTags.filter { $0.branch == branch }.map(\.value)
                if tags.isEmpty { tags = [caseNames[i]] }
            }
            cases.append((unique[i], types[i], tags))
        }
        // 3.2 `defaultMapping` naming one of the branches: values the mapping does not name decode as that branch.
        let fallbackTarget = discriminator?.defaultMapping?.target.map(document.resolved)
        let fallback = fallbackTarget.flatMap { target in zip(branches, cases).first { document.resolved($0.0) == target }?.1.name }
        return SwiftEnum(name: name, doc: s.description, kind: .union(cases: cases, discriminator: discriminator?.propertyName, fallback: fallback),
                         isIndirect: true, nested: nested)
    }

    private func caseLabel(_ type: SwiftType) -> String {
        switch type {
        case .string: "string"
        case .int, .int32, .int64: "integer"
        case .double, .float: "number"
        case .bool: "boolean"
        case .array, .dictionary: "array"
        default: type.rendered(in: scope)
        }
    }

    // MARK: Cycles

    /// Component structs reachable from `id` through properties that are stored inline (not arrays, maps
    /// or enums, which already add indirection).
    private func directComponentRefs(_ id: SchemaID, visited: Set<SchemaID>) -> Set<SchemaID> {
        guard !visited.contains(id), visited.count < 32 else { return [] }
        var properties: [(name: String, schema: SchemaID)] = []
        var required: Set<String> = []
        collectProperties(id, into: &properties, required: &required, visited: [])
        var result: Set<SchemaID> = []
        for p in properties {
            var target = p.schema
            var hops = 0
            while let next = document[target].ref?.target, componentNames[target] == nil, hops < 16 { target = next; hops += 1 }
            if componentNames[target] != nil {
                if shape(document.resolved(target)) == .object { result.insert(canonicalID(target)) }
            } else if shape(target) == .object {
                result.formUnion(directComponentRefs(target, visited: visited.union([id])))
            }
        }
        return result
    }

    /// Whether a property of the current component, of schema `id`, closes a cycle of inline structs: its target
    /// is in the current component's strongly connected component (one lookup; a search per property was
    /// quadratic on specs whose schemas form one long cycle).
    private func isCycle(_ id: SchemaID) -> Bool {
        guard let current = currentComponent else { return false }
        var target = id
        var hops = 0
        while let next = document[target].ref?.target, componentNames[target] == nil, hops < 16 { target = next; hops += 1 }
        guard componentNames[target] != nil, shape(document.resolved(target)) == .object else { return false }
        target = canonicalID(target)
        if target == current { return true }
        guard let a = componentOfSchema[target], let b = componentOfSchema[current] else { return false }
        return a == b
    }

    /// Tarjan's algorithm, iterative (specs have chains of thousands of schemas; recursion would overflow).
    static func stronglyConnectedComponents(_ nodes: [SchemaID], edges: [SchemaID: Set<SchemaID>]) -> [SchemaID: Int] {
        var index: [SchemaID: Int] = [:], low: [SchemaID: Int] = [:], onStack: Set<SchemaID> = []
        var stack: [SchemaID] = [], component: [SchemaID: Int] = [:]
        var counter = 0, components = 0
        for root in nodes where index[root] == nil {
            // Each frame: a node and the neighbours still to visit (sorted, so the result is deterministic).
            var frames: [(node: SchemaID, rest: [SchemaID])] = []
            func open(_ node: SchemaID) {
                index[node] = counter
                low[node] = counter
                counter += 1
                stack.append(node)
                onStack.insert(node)
                frames.append((node, (edges[node] ?? []).sorted { $0.index < $1.index }))
            }
            open(root)
            while let frame = frames.last {
                if let next = frame.rest.first {
                    frames[frames.count - 1].rest.removeFirst()
                    if index[next] == nil {
                        open(next)
                    } else if onStack.contains(next) {
                        low[frame.node] = min(low[frame.node] ?? 0, index[next] ?? 0)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    low[parent.node] = min(low[parent.node] ?? 0, low[frame.node] ?? 0)
                }
                if low[frame.node] == index[frame.node] {
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component[member] = components
                        if member == frame.node { break }
                    }
                    components += 1
                }
            }
        }
        return component
    }
}

