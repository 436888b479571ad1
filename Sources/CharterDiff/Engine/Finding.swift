import CharterSpec

/// One change between two versions of a spec, located in both.
public struct Finding: Sendable, Hashable {
    /// The rule that found the change.
    public var kind: RuleID
    /// The rule's kebab-case id (`request-property-max-decreased`).
    public var ruleID: String { kind.id }
    /// The rule's level, or the level a level file gave it.
    public var level: Level
    /// `GET /users/{user_id}` (the new spec's template when the operation still exists).
    public var operation: String
    /// Where in the spec, as a JSON pointer through the operation (`$ref`s followed):
    /// `/paths/~1users~1{user_id}/get/responses/200/content/application~1json/schema/properties/is_active`.
    public var path: String
    public var message: String
    /// The value the finding is about inside a body or parameter (`items[].is_active`; empty for the whole body
    /// or for operation-level findings). The message quotes it.
    public var field: String = ""
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?
    /// For a finding about `field`, the message without its quoted subject: a finding replayed at another place
    /// gets its message rebuilt from this (no search in the text).
    var detail: String?

    public var rule: Rule? { RuleCatalogue.byRuleID[kind] }

    /// How a message names a value: `'items[].name'`, or "the body" for a whole body.
    static func subject(_ field: String) -> String { field.isEmpty ? "the body" : "'\(field)'" }

    /// Stable across runs and across path-parameter renames: the same change keeps the same fingerprint, so
    /// ignore lists and CI annotations can refer to it.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let method = operation.split(separator: " ").first.map(String.init) ?? ""
        let template = operation.split(separator: " ").dropFirst().joined(separator: " ")
        for part in [ruleID, method, PathKey.normalized(template), PathKey.normalized(path)] {
            for b in part.utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The spec's operation (Foundation also has an `Operation`).
typealias SpecOperation = CharterSpec.Operation

/// Path templates compared with parameter names ignored: `/users/{id}` ≡ `/users/{userId}`.
enum PathKey {
    static func normalized(_ template: String) -> String {
        var out = ""
        var inBraces = false
        for c in template {
            if c == "{" { inBraces = true; out += "{}"; continue }
            if c == "}" { inBraces = false; continue }
            if !inBraces { out.append(c) }
        }
        return out
    }

    /// Parameter names of a template in order (`/a/{x}/b/{y}` → [x, y]).
    static func parameterNames(_ template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in template {
            if c == "{" { current = ""; continue }
            if c == "}" { if let n = current { names.append(n) }; current = nil; continue }
            current?.append(c)
        }
        return names
    }
}

/// JSON Pointer escaping of one reference token.
func pointerToken(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return s }
    var out = ""
    for c in s {
        switch c {
        case "~": out += "~0"
        case "/": out += "~1"
        default: out.append(c)
        }
    }
    return out
}


/// The pointer segment of an operation in its path item: the method's field, or under 3.2 `additionalOperations`.
func methodPointer(_ method: HTTPMethod) -> String {
    method.isStandard ? method.rawValue : "additionalOperations/" + pointerToken(method.rawValue)
}
