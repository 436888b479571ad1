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
        var root = FormTree.object(FormTree.Fields())
        for (name, value) in pairs {
            if let problem = add(name, .text(value), to: &root) { issues.append(problem) }
        }
        let (value, found) = shape(root, schema: schema, parts: parts)
        return (value, issues + found)
    }

    /// Adds one field to `tree`; the problem when its name is malformed or contradicts earlier fields.
    func add(_ name: String, _ entry: FormTree.Entry, to tree: inout FormTree) -> ValidationIssue? {
        guard let path = FormTree.path(name, maxDepth: maxDepth) else {
            return Self.issue(name, "maxDepth", "Field name '\(name)' nests more than \(maxDepth) levels")
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

        init(decoding: ParameterDecoding, parts: [PartContract]) {
            self.decoding = decoding
            self.parts = parts
        }

        mutating func value(_ node: FormTree, schema: SchemaIndex?, path: [PathComponent]) -> JSONValue {
            let types = decoding.expectedTypes(schema)
            switch node {
            case .leaf(let entries):
                // Repeated fields are an array where the schema takes one, or where it says nothing (a field
                // the schema does not name); elsewhere a repeat is a mistake worth naming.
                if types.contains(.array) || (types.isEmpty && entries.count > 1) {
                    if entries.count == 1, case .json(let value) = entries[0], case .array = value { return value }
                    if entries.count == 1, case .text = entries[0], types.contains(.string) { return scalar(entries[0], schema) }
                    let item = decoding.itemSchema(schema)
                    return .array(splitArray(entries, path: path).map { scalar($0, item) })
                }
                if entries.count > 1 {
                    issues.append(ValidationIssue(field: IssuePath.formField(path), pointer: IssuePath.pointer(path), location: .body,
                                                  constraint: "repeated", value: nil, message: "Given \(entries.count) times; this field takes one value"))
                }
                return entries.last.map { scalar($0, schema) } ?? .string("")
            case .list(let items):
                // `a[]=x` under an object schema is deepObject's empty key, not a list.
                if types.contains(.object) && !types.contains(.array) {
                    if items.count > 1 {
                        issues.append(ValidationIssue(field: IssuePath.formField(path + [.key("")]), pointer: IssuePath.pointer(path + [.key("")]),
                                                      location: .body, constraint: "repeated", value: nil,
                                                      message: "Given \(items.count) times; this field takes one value"))
                    }
                    let child = items.last.map { value($0, schema: decoding.propertySchema(schema, ""), path: path + [.key("")]) } ?? .string("")
                    return .object(JSONObject([("", child)]))
                }
                let item = decoding.itemSchema(schema)
                return .array(items.enumerated().map { i, child in value(child, schema: item, path: path + [.index(i)]) })
            case .object(let fields):
                let entries = fields.entries
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

        /// A field's text typed by the schema; JSON as it came.
        private func scalar(_ entry: FormTree.Entry, _ schema: SchemaIndex?) -> JSONValue {
            switch entry {
            case .text(let text): decoding.scalar(text, schema)
            case .json(let value): value
            }
        }

        /// A top-level field's values split by its encoding's style when not exploded (`a=1,2,3`).
        private func splitArray(_ entries: [FormTree.Entry], path: [PathComponent]) -> [FormTree.Entry] {
            guard path.count == 1, case .key(let name)? = path.first, let part = parts.first(where: { $0.name == name }),
                  part.explode == false else { return entries }
            let style = part.style ?? .form
            return entries.flatMap { entry -> [FormTree.Entry] in
                guard case .text(let text) = entry else { return [entry] }
                return text.isEmpty ? [] : ParameterDecoding.split(text, style: style).map(FormTree.Entry.text)
            }
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
    case leaf([Entry])
    /// `a[]=…` items, in order.
    case list([FormTree])
    case object(Fields)

    /// What one field gives: text, or a value that arrived as JSON (a multipart part of type `application/json`).
    enum Entry: Equatable {
        case text(String)
        case json(JSONValue)
    }

    static func == (a: FormTree, b: FormTree) -> Bool {
        switch (a, b) {
        case (.leaf(let x), .leaf(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.object(let x), .object(let y)): x.entries.count == y.entries.count && zip(x.entries, y.entries).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Named children in the order first given, found by name in constant time (a form may have thousands).
    struct Fields {
        var entries: [(String, FormTree)] = []
        var index: [String: Int] = [:]
    }

    enum Step: Equatable {
        case key(String)
        /// `[]`: a new item at the end.
        case append
    }

    /// `a[b][0][]` → `[a, b, 0, append]`; nil only for nesting past `maxDepth`. A name whose brackets do not pair
    /// is read as leniently as its meaning allows: `a[x]y]` (a deepObject key holding `]`) is `a → "x]y"`, and
    /// anything else (`a]b`, `[a]`, `a[b`) is one literal name, which the schema then judges.
    static func path(_ name: String, maxDepth: Int) -> [Step]? {
        let bytes = Array(name.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "[")), open > 0 else { return [.key(name)] }
        var steps: [Step] = [.key(String(decoding: bytes[..<open], as: UTF8.self))]
        var i = open
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")),
                  !bytes[(i + 1)..<close].contains(UInt8(ascii: "[")) else {
                return bytes.last == UInt8(ascii: "]")
                    ? [steps[0], .key(String(decoding: bytes[(open + 1)..<(bytes.count - 1)], as: UTF8.self))]
                    : [.key(name)]
            }
            let inner = bytes[(i + 1)..<close]
            steps.append(inner.isEmpty ? .append : .key(String(decoding: inner, as: UTF8.self)))
            guard steps.count <= maxDepth else { return nil }
            i = close + 1
        }
        return steps
    }

    /// Adds `value` under `path`; a message when the path contradicts what earlier fields made there.
    mutating func insert(_ entry: Entry, at path: ArraySlice<Step>, maxIndex: Int) -> String? {
        guard let step = path.first else {
            switch self {
            case .leaf(let entries):
                self = .leaf(entries + [entry])
                return nil
            case .object(let fields) where fields.entries.isEmpty:
                self = .leaf([entry])
                return nil
            default:
                return "Given both as a value and as a container of fields"
            }
        }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.append, .list(var items)):
            var child = FormTree.object(Fields())
            if let problem = child.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
            items.append(child)
            self = .list(items)
            return nil
        case (.append, .object(let fields)) where fields.entries.isEmpty:
            self = .list([])
            return insert(entry, at: path, maxIndex: maxIndex)
        case (.key(let key), .object(var fields)):
            if let i = Int(key), i > maxIndex { return "Index \(i) is above the limit of \(maxIndex)" }
            // Taken out of `self` while it changes, so the arrays are not copied.
            self = .leaf([])
            defer { self = .object(fields) }
            if let i = fields.index[key] {
                var child = fields.entries[i].1
                fields.entries[i].1 = .leaf([])
                defer { fields.entries[i].1 = child }
                return child.insert(entry, at: rest, maxIndex: maxIndex)
            }
            var child = FormTree.object(Fields())
            if let problem = child.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
            fields.index[key] = fields.entries.count
            fields.entries.append((key, child))
            return nil
        case (.key, .list(let items)) where items.count == 1:
            // `m[]=a&m[k]=b`: the list was deepObject's empty key after all.
            self = .object(Fields(entries: [("", items[0])], index: ["": 0]))
            return insert(entry, at: path, maxIndex: maxIndex)
        case (.append, .object):
            // `m[k]=a&m[]=b`: an empty key among named ones.
            return insert(entry, at: ([.key("")] + rest)[...], maxIndex: maxIndex)
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
                guard i + 2 < bytes.endIndex, let hi = WireStrings.hex(bytes[i + 1]), let lo = WireStrings.hex(bytes[i + 2]) else {
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

}
