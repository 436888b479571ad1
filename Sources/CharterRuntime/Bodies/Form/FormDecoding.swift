/// `application/x-www-form-urlencoded` bodies → a JSON object shaped by the body's schema, so forms are validated
/// by the same validator and decoded into the same model types as JSON bodies.
///
/// Field names may nest with brackets, as Rails, PHP, Express and Stripe write them: `metadata[order_id]=7`,
/// `expand[]=customer`, `items[0][price]=3`. Repeated names form arrays where the schema expects one. Every
/// problem is collected (a bad percent-escape, a repeated single-valued field, a malformed name), never only the
/// first; issues name fields the way the form wrote them (`metadata[order_id]`).
struct FormDecoding {
    let decoding: ParameterDecoding
    /// Most fields one body may have, and deepest bracket nesting: bounds on work a crafted body can cause.
    var maxFields = 10_000
    var maxDepth = 32
    /// Largest array index accepted in a name (`a[99999999]` must not allocate).
    var maxIndex = 10_000

    /// The fields of `bytes` as an object, and every problem met on the way.
    func decode(_ bytes: ArraySlice<UInt8>, schema: SchemaIndex?, parts: [PartContract]) -> (value: JSONValue, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        var pairs: [(name: String, value: String)] = []
        var count = 0
        for segment in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            count += 1
            if count > maxFields {
                issues.append(Self.issue("", "maxFields", "The form has more than \(maxFields) fields"))
                break
            }
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let rawName = segment[..<(equals ?? segment.endIndex)]
            let rawValue = equals.map { segment[segment.index(after: $0)...] } ?? []
            let name = FormText.decode(rawName)
            let value = FormText.decode(rawValue)
            if let problem = name.problem ?? value.problem {
                issues.append(Self.issue(name.text, "syntax", problem))
                continue
            }
            pairs.append((name.text, value.text))
        }
        let root = FormTree()
        for (name, value) in pairs {
            if let problem = add(name, .text(value), to: root) { issues.append(problem) }
        }
        let (value, found) = shape(root, schema: schema, parts: parts)
        return (value, issues + found)
    }

    /// Adds one field to `tree`; the problem when its name is malformed or contradicts earlier fields.
    func add(_ name: String, _ entry: FormTree.Entry, to tree: FormTree) -> ValidationIssue? {
        guard let path = FormTree.path(name, maxDepth: maxDepth) else {
            return Self.issue(name, "maxDepth", "Field name '\(name)' nests more than \(maxDepth) levels")
        }
        return tree.insert(entry, at: path[...], maxIndex: maxIndex).map { Self.issue(name, "syntax", $0) }
    }

    /// The tree as JSON typed by `schema`, and the fields that were given more often than their type allows.
    func shape(_ tree: FormTree, schema: SchemaIndex?, parts: [PartContract]) -> (JSONValue, [ValidationIssue]) {
        var shaper = Shaper(decoding: decoding, parts: parts)
        let value = shaper.value(tree, schema: schema)
        return (value, shaper.issues)
    }

    /// An issue at the field a form names (`metadata[order_id]`), with the pointer to the same place.
    static func issue(_ field: String, _ constraint: String, _ message: String) -> ValidationIssue {
        let steps = field.isEmpty ? [] : FormTree.path(field, maxDepth: .max) ?? [.key(field)]
        let pointer = IssuePath.pointer(steps.map { step -> PathComponent in
            switch step {
            case .key(let k): Int(k).map { .index($0) } ?? .key(k)
            case .append: .key("-")
            }
        })
        return ValidationIssue(field: field, pointer: pointer, location: .body, constraint: constraint, value: nil, message: message)
    }

    /// Turns the tree of names into JSON, typed by the schema at each level.
    private struct Shaper {
        let decoding: ParameterDecoding
        let parts: [PartContract]
        var issues: [ValidationIssue] = []
        /// Where the node being shaped is (a stack, pushed and popped: issues copy it only when they happen).
        var path: [PathComponent] = []

        init(decoding: ParameterDecoding, parts: [PartContract]) {
            self.decoding = decoding
            self.parts = parts
        }

        mutating func value(_ node: FormTree, schema: SchemaIndex?) -> JSONValue {
            let types = decoding.expectedTypes(schema)
            switch node.kind {
            case .empty:
                var object = JSONObject()
                addEmptyRequiredArrays(to: &object, schema: schema)
                return .object(object)
            case .leaf:
                let entries = node.entries
                // Repeated fields are an array where the schema takes one, or where it says nothing (a field
                // the schema does not name); elsewhere a repeat is a mistake worth naming.
                if types.contains(.array) || (types.isEmpty && entries.count > 1) {
                    if entries.count == 1, case .json(let value) = entries[0], case .array = value { return value }
                    if entries.count == 1, case .text = entries[0], types.contains(.string) { return scalar(entries[0], schema) }
                    let item = decoding.itemSchema(schema)
                    return .array(splitArray(entries).map { scalar($0, item) })
                }
                if entries.count > 1 { repeated(entries.count) }
                return entries.last.map { scalar($0, schema) } ?? .string("")
            case .list:
                // `a[]=x` under an object schema is deepObject's empty key, not a list.
                if types.contains(.object) && !types.contains(.array) {
                    path.append(.key(""))
                    defer { path.removeLast() }
                    if node.items.count > 1 { repeated(node.items.count) }
                    let child = node.items.last.map { value($0, schema: decoding.propertySchema(schema, "")) } ?? .string("")
                    return .object(JSONObject([("", child)]))
                }
                return list(node.items, schema: schema)
            case .object:
                // `a[0]=x&a[1]=y` under an array schema is a list written with indices.
                if types.contains(.array) && !types.contains(.object), let items = node.indexedChildren {
                    return list(items, schema: schema)
                }
                var object = JSONObject()
                object.entries.reserveCapacity(node.keys.count)
                // A name made only by a field that was refused holds nothing: it is not there.
                for (key, child) in zip(node.keys, node.children) where child.kind != .empty {
                    path.append(.key(key))
                    object.entries.append((key, value(child, schema: decoding.propertySchema(schema, key))))
                    path.removeLast()
                }
                addEmptyRequiredArrays(to: &object, schema: schema)
                return .object(object)
            }
        }

        /// A form writes an array as its repeated field, so an empty array is no field at all: a required array
        /// property the form does not name is read as empty (it could not have been sent any other way).
        private func addEmptyRequiredArrays(to object: inout JSONObject, schema: SchemaIndex?) {
            for name in decoding.requiredProperties(schema) where object[name] == nil {
                let property = decoding.propertySchema(schema, name)
                let types = decoding.expectedTypes(property)
                if types.contains(.array) && !types.contains(.object) { object[name] = .array([]) }
            }
        }

        private mutating func list(_ items: [FormTree], schema: SchemaIndex?) -> JSONValue {
            let item = decoding.itemSchema(schema)
            var values: [JSONValue] = []
            values.reserveCapacity(items.count)
            for (i, child) in items.enumerated() {
                path.append(.index(i))
                values.append(value(child, schema: item))
                path.removeLast()
            }
            return .array(values)
        }

        private mutating func repeated(_ count: Int) {
            issues.append(ValidationIssue(field: IssuePath.formField(path), pointer: IssuePath.pointer(path), location: .body,
                                          constraint: "repeated", value: nil, message: "Given \(count) times; this field takes one value"))
        }

        /// A field's text typed by the schema; JSON as it came.
        private func scalar(_ entry: FormTree.Entry, _ schema: SchemaIndex?) -> JSONValue {
            switch entry {
            case .text(let text): decoding.scalar(text, schema)
            case .json(let value): value
            }
        }

        /// A top-level field's values split by its encoding's style when not exploded (`a=1,2,3`).
        private func splitArray(_ entries: [FormTree.Entry]) -> [FormTree.Entry] {
            guard path.count == 1, case .key(let name)? = path.first, let part = parts.first(where: { $0.name == name }),
                  part.explode == false else { return entries }
            let style = part.style ?? .form
            return entries.flatMap { entry -> [FormTree.Entry] in
                guard case .text(let text) = entry else { return [entry] }
                return text.isEmpty ? [] : ParameterDecoding.split(text, style: style).map(FormTree.Entry.text)
            }
        }
    }
}
