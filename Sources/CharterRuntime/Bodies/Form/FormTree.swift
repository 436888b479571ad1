/// Field names parsed into a tree before the schema shapes it: `a[b][]=1` is `a → b → [1]`. Nodes are objects
/// (one per name segment, changed in place): a form of thousands of fields is built in one pass, no copies.
final class FormTree {
    /// What one field gives: text, or a value that arrived as JSON (a multipart part of type `application/json`).
    enum Entry: Equatable {
        case text(String)
        case json(JSONValue)
    }

    enum Kind {
        /// Nothing given yet.
        case empty
        /// Every value given for one name (more than one: an array, or a repeated field).
        case leaf
        /// `a[]=…` items, in order.
        case list
        /// Named children in the order first given.
        case object
    }

    private(set) var kind = Kind.empty
    private(set) var entries: [Entry] = []
    private(set) var items: [FormTree] = []
    private(set) var keys: [String] = []
    private(set) var children: [FormTree] = []
    /// Children by name, once there are enough that a scan costs more than hashing.
    private var index: [String: Int]?

    enum Step: Equatable {
        case key(String)
        /// `[]`: a new item at the end.
        case append
    }

    /// `a[b][0][]` → `[a, b, 0, append]`; nil only for nesting past `maxDepth`. A name whose brackets do not pair
    /// is read as leniently as its meaning allows: `a[x]y]` (a deepObject key holding `]`) is `a → "x]y"`, and
    /// anything else (`a]b`, `[a]`, `a[b`) is one literal name, which the schema then judges.
    static func path(_ name: String, maxDepth: Int) -> [Step]? {
        var text = name
        return text.withUTF8 { bytes -> [Step]? in
            guard let open = bytes.firstIndex(of: UInt8(ascii: "[")), open > 0 else { return [.key(name)] }
            var steps: [Step] = [.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<open]), as: UTF8.self))]
            var i = open
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")),
                      !bytes[(i + 1)..<close].contains(UInt8(ascii: "[")) else {
                    return bytes.last == UInt8(ascii: "]")
                        ? [steps[0], .key(String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(bytes.count - 1)]), as: UTF8.self))]
                        : [.key(name)]
                }
                steps.append(close == i + 1 ? .append : .key(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close]), as: UTF8.self)))
                guard steps.count <= maxDepth else { return nil }
                i = close + 1
            }
            return steps
        }
    }

    /// The child named `key`, made when missing.
    private func child(_ key: String) -> FormTree {
        if let index {
            if let i = index[key] { return children[i] }
        } else if let i = keys.firstIndex(of: key) {
            return children[i]
        }
        let made = FormTree()
        keys.append(key)
        children.append(made)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > 8 {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        }
        return made
    }

    /// Adds `entry` under `path`; a message when the path contradicts what earlier fields made there.
    func insert(_ entry: Entry, at path: ArraySlice<Step>, maxIndex: Int) -> String? {
        guard let step = path.first else {
            switch kind {
            case .empty, .leaf:
                kind = .leaf
                entries.append(entry)
                return nil
            case .list, .object:
                return "Given both as a value and as a container of fields"
            }
        }
        let rest = path.dropFirst()
        switch (step, kind) {
        case (.append, .empty), (.append, .list):
            kind = .list
            let item = FormTree()
            if let problem = item.insert(entry, at: rest, maxIndex: maxIndex) { return problem }
            items.append(item)
            return nil
        case (.append, .object):
            // `m[k]=a&m[]=b`: an empty key among named ones.
            return child("").insert(entry, at: rest, maxIndex: maxIndex)
        case (.key(let key), .empty), (.key(let key), .object):
            if let i = Int(key), i > maxIndex { return "Index \(i) is above the limit of \(maxIndex)" }
            kind = .object
            return child(key).insert(entry, at: rest, maxIndex: maxIndex)
        case (.key(let key), .list) where items.count == 1:
            // `m[]=a&m[k]=b`: the list was deepObject's empty key after all.
            kind = .object
            keys = [""]
            children = items
            items = []
            return child(key).insert(entry, at: rest, maxIndex: maxIndex)
        case (.key, .list):
            return "Mixes [] with named or numbered fields"
        case (_, .leaf):
            return "Given both as a value and as a container of fields"
        }
    }

    /// Children whose keys are 0, 1, 2 … in some order, in index order; nil otherwise.
    var indexedChildren: [FormTree]? {
        var slots = [FormTree?](repeating: nil, count: keys.count)
        for (key, child) in zip(keys, children) {
            guard let i = Int(key), i >= 0, i < slots.count, slots[i] == nil, String(i) == key else { return nil }
            slots[i] = child
        }
        return slots.compactMap { $0 }
    }
}
