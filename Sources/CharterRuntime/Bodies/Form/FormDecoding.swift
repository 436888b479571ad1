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
        var root = FormTree.object([])
        for (name, value) in pairs {
            if let problem = add(name, .text(value), to: &root) { issues.append(problem) }
        }
        let (value, found) = shape(root, schema: schema, parts: parts)
        return (value, issues + found)
    }

    /// Adds one field to `tree`; the problem when its name is malformed or contradicts earlier fields.
    func add(_ name: String, _ entry: FormTree.Entry, to tree: inout FormTree) -> ValidationIssue? {
        guard let path = FormTree.path(name, maxDepth: maxDepth) else {
            return Self.issue(name, "syntax", "Malformed field name '\(name)': brackets must pair, as in a[b][0]")
        }
        return tree.insert(entry, at: path[...], maxIndex: maxIndex).map { Self.issue(name, "syntax", $0) }
    }

    /// The tree as JSON typed by `schema`, and the fields that were given more often than their type allows.
    func shape(_ tree: FormTree, schema: SchemaIndex?, parts: [PartContract]) -> (JSONValue, [ValidationIssue]) {
        var shaper = Shaper(decoding: decoding, parts: parts)
        let value = shaper.value(tree, schema: schema, path: [])
        return (value, shaper.issues)
    }

    /// An issue at the field a form names (`metadata[order_id]`), with the pointer to the same place.
    static func issue(_ field: String, _ constraint: String, _ message: String) -> ValidationIssue {
        let steps = FormTree.path(field, maxDepth: .max) ?? (field.isEmpty ? [] : [.key(field)])
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

        init(decoding: ParameterDecoding, parts: [PartContract]) {
            self.decoding = decoding
            self.parts = parts
        }

        mutating func value(_ node: FormTree, schema: SchemaIndex?, path: [PathComponent]) -> JSONValue {
            let types = decoding.expectedTypes(schema)
            switch node {
            case .json(let value):
                return value
            case .leaf(let values):
                if types.contains(.array), !(types.contains(.string) && values.count == 1) {
                    let item = decoding.itemSchema(schema)
                    return .array(splitArray(values, path: path).map { decoding.scalar($0, item) })
                }
                if values.count > 1 {
                    issues.append(ValidationIssue(field: IssuePath.formField(path), pointer: IssuePath.pointer(path), location: .body,
                                                  constraint: "repeated", value: nil, message: "Given \(values.count) times; this field takes one value"))
                }
                return decoding.scalar(values.last ?? "", schema)
            case .list(let items):
                let item = decoding.itemSchema(schema)
                return .array(items.enumerated().map { i, child in value(child, schema: item, path: path + [.index(i)]) })
            case .object(let entries):
                // `a[0]=x&a[1]=y` under an array schema is a list written with indices.
                if types.contains(.array) && !types.contains(.object), let list = Self.indexed(entries) {
                    let item = decoding.itemSchema(schema)
                    return .array(list.enumerated().map { i, child in value(child, schema: item, path: path + [.index(i)]) })
                }
                var object = JSONObject()
                for (key, child) in entries {
                    object.entries.append((key, value(child, schema: decoding.propertySchema(schema, key), path: path + [.key(key)])))
                }
                return .object(object)
            }
        }

        /// A top-level field's values split by its encoding's style when not exploded (`a=1,2,3`).
        private func splitArray(_ values: [String], path: [PathComponent]) -> [String] {
            guard path.count == 1, case .key(let name)? = path.first, let part = parts.first(where: { $0.name == name }),
                  part.explode == false else { return values }
            let style = part.style ?? .form
            return values.flatMap { $0.isEmpty ? [] : ParameterDecoding.split($0, style: style) }
        }

        /// Entries whose keys are 0, 1, 2 … in some order, as a list in index order; nil otherwise.
        private static func indexed(_ entries: [(String, FormTree)]) -> [FormTree]? {
            var slots = [FormTree?](repeating: nil, count: entries.count)
            for (key, child) in entries {
                guard let i = Int(key), i >= 0, i < slots.count, slots[i] == nil, String(i) == key else { return nil }
                slots[i] = child
            }
            return slots.compactMap { $0 }
        }
    }
}

/// Field names parsed into a tree before the schema shapes it: `a[b][]=1` is `a → b → [1]`.
enum FormTree: Equatable {
    /// Every value given for one name (more than one: an array, or a repeated field).
    case leaf([String])
    /// `a[]=…` items, in order.
    case list([FormTree])
    case object([(String, FormTree)])
    /// A value that arrived as JSON (a multipart part of type `application/json`).
    case json(JSONValue)

    /// What one field gives.
    enum Entry {
        case text(String)
        case json(JSONValue)
    }

    static func == (a: FormTree, b: FormTree) -> Bool {
        switch (a, b) {
        case (.json(let x), .json(let y)): x == y
        case (.leaf(let x), .leaf(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    enum Step: Equatable {
        case key(String)
        /// `[]`: a new item at the end.
        case append
    }

    /// `a[b][0][]` → `[a, b, 0, append]`; nil for an unbalanced or misplaced bracket, or nesting past `maxDepth`.
    static func path(_ name: String, maxDepth: Int) -> [Step]? {
        let bytes = Array(name.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else {
            return bytes.contains(UInt8(ascii: "]")) ? nil : [.key(name)]
        }
        guard open > 0 else { return nil }
        var steps: [Step] = [.key(String(decoding: bytes[..<open], as: UTF8.self))]
        var i = open
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let inner = bytes[(i + 1)..<close]
            if inner.contains(UInt8(ascii: "[")) { return nil }
            steps.append(inner.isEmpty ? .append : .key(String(decoding: inner, as: UTF8.self)))
            guard steps.count <= maxDepth else { return nil }
            i = close + 1
        }
        return steps
    }

    /// Adds `value` under `path`; a message when the path contradicts what earlier fields made there.
    mutating func insert(_ entry: Entry, at path: ArraySlice<Step>, maxIndex: Int) -> String? {
        guard let step = path.first else {
            switch (self, entry) {
            case (.leaf(let values), .text(let value)):
                self = .leaf(values + [value])
                return nil
            case (.object(let entries), .text(let value)) where entries.isEmpty:
                self = .leaf([value])
                return nil
            case (.object(let entries), .json(let value)) where entries.isEmpty:
                self = .json(value)
                return nil
            case (.json, .json), (.leaf, .json), (.json, .text):
                return "Given more than once"
            default:
                return "Given both as a value and as a container of fields"
            }
        }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.append, .list(var items)):
            var child = FormTree.object([])
            if let problem = child.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
            items.append(child)
            self = .list(items)
            return nil
        case (.append, .object(let entries)) where entries.isEmpty:
            self = .list([])
            return insert(entry, at: path, maxIndex: maxIndex)
        case (.key(let key), .object(var entries)):
            if let i = Int(key), i > maxIndex { return "Index \(i) is above the limit of \(maxIndex)" }
            if let i = entries.firstIndex(where: { $0.0 == key }) {
                var child = entries[i].1
                if let problem = child.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
                entries[i].1 = child
            } else {
                var child = FormTree.object([])
                if let problem = child.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
                entries.append((key, child))
            }
            self = .object(entries)
            return nil
        case (.key, .list):
            return "Mixes [] with named or numbered fields"
        default:
            return "Given both as a value and as a container of fields"
        }
    }
}

/// Percent-decoding for form bodies, strict: a malformed escape or invalid UTF-8 is reported, not guessed at.
enum FormText {
    static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, problem: String?) {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return checked(bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) else {
                    let shown = String(decoding: bytes[i..<min(i + 3, bytes.endIndex)], as: UTF8.self)
                    return (String(decoding: bytes, as: UTF8.self), "Invalid percent-escape '\(shown)'")
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b == UInt8(ascii: "+") ? 0x20 : b)
                i += 1
            }
        }
        return checked(out[...])
    }

    private static func checked(_ bytes: ArraySlice<UInt8>) -> (text: String, problem: String?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        return (String(decoding: bytes, as: UTF8.self), "Not valid UTF-8 once percent-decoded")
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}
