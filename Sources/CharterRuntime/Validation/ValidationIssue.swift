/// Where in a request or response an issue was found.
public enum IssueLocation: String, Sendable, Hashable, Codable {
    case body, path, query, header, cookie
}

/// One step of the path to a value: an object key or an array index.
public enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// One violation, with everything a client needs to fix it.
public struct ValidationIssue: Sendable, Hashable {
    /// Display path: `passengers[1].age`; for `required`, the missing property's own path.
    public var field: String
    /// RFC 6901 JSON Pointer to the same place: `/passengers/1/age`.
    public var pointer: String
    public var location: IssueLocation
    /// The keyword that failed (`type`, `required`, `maximum`, …).
    public var constraint: String
    /// The offending value (long strings and large containers are truncated); nil for a missing value.
    public var value: JSONValue?
    public var message: String

    public init(field: String, pointer: String, location: IssueLocation, constraint: String, value: JSONValue?, message: String) {
        self.field = field
        self.pointer = pointer
        self.location = location
        self.constraint = constraint
        self.value = value
        self.message = message
    }

    /// The item as it appears in an error body's `details`.
    public var json: JSONValue {
        var object = JSONObject([("field", .string(field)), ("pointer", .string(pointer)), ("in", .string(location.rawValue)),
                                 ("constraint", .string(constraint))])
        if let value { object.entries.append(("value", value)) }
        object.entries.append(("message", .string(message)))
        return .object(object)
    }
}

enum IssuePath {
    /// `passengers[1].age`, `metadata["a b"]`, with `base` (a parameter name) in front when given.
    static func field(_ path: [PathComponent], base: String = "") -> String {
        var out = base
        for component in path {
            switch component {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                if isIdentifier(k) {
                    out += out.isEmpty ? k : "." + k
                } else {
                    out += "[\"" + replacing(k, [("\\", "\\\\"), ("\"", "\\\"")]) + "\"]"
                }
            }
        }
        return out
    }

    static func pointer(_ path: [PathComponent], base: String = "") -> String {
        var out = base
        for component in path {
            switch component {
            case .index(let i): out += "/\(i)"
            case .key(let k): out += "/" + replacing(k, [("~", "~0"), ("/", "~1")])
            }
        }
        return out
    }

    /// Replaces single ASCII characters (kept free of Foundation so the runtime stays light). Most keys
    /// contain none of them and are returned as they are.
    static func replacing(_ s: String, _ pairs: [(Character, String)]) -> String {
        let targets = pairs.compactMap { $0.0.asciiValue }
        guard s.utf8.contains(where: { targets.contains($0) }) else { return s }
        var out = ""
        for c in s {
            if let pair = pairs.first(where: { $0.0 == c }) { out += pair.1 } else { out.append(c) }
        }
        return out
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, !(first >= 48 && first <= 57) else { return false }
        return s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == 95 || $0 == 45 || $0 == 36 }
    }

    /// The value as reported: strings over 100 characters and containers over 200 bytes of JSON are cut.
    static func truncated(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where s.count > 100:
            return .string(String(s.prefix(100)) + "…")
        case .array, .object:
            let text = value.jsonText
            return text.utf8.count > 200 ? .string(String(text.prefix(200)) + "…") : value
        default:
            return value
        }
    }
}
