/// The wording of issue messages, kept apart from the checks (seed style: short, imperative, concrete).
enum Messages {
    static func type(_ types: JSONTypeSet) -> String {
        let names = types.messageNames.map { name -> String in
            switch name {
            case "integer", "object", "array": "an \(name)"
            case "null": "null"
            default: "a \(name)"
            }
        }
        return "Must be " + names.joined(separator: " or ")
    }

    static func enumeration(_ values: [JSONValue]) -> String {
        let shown = values.prefix(20).map(describe).joined(separator: ", ")
        return "Value must be one of: " + shown + (values.count > 20 ? ", …" : "")
    }

    /// Strings bare (`v1.0`), everything else as JSON.
    static func describe(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return value.jsonText
    }

    static func itemCount(min: Int?, max: Int?, found: Int, tooFew: Bool) -> String {
        func items(_ n: Int) -> String { "\(n) item\(n == 1 ? "" : "s")" }
        if let min, let max, min == max { return "Array must contain \(items(min)), found \(found)" }
        if tooFew, let min { return "Array must contain at least \(items(min)), found \(found)" }
        return "Array must contain at most \(items(max ?? 0)), found \(found)"
    }

    static func branchNames(_ branches: [SchemaIndex], _ schemas: [SchemaNode]) -> String {
        let names = branches.map { i -> String in
            if let name = schemas[i].name { return name }
            if let r = schemas[i].ref, let name = schemas[r].name { return name }
            return "schema \(i)"
        }
        return names.count <= 6 ? names.joined(separator: ", ") : names.prefix(6).joined(separator: ", ") + ", …"
    }
}
