import CharterRuntime
import CharterSpec

extension JSONValue {
    /// A spec node (an example, default, enum value) as a runtime JSON value; depth-bounded.
    package init(_ node: Node, depth: Int = 0) {
        guard depth < 256 else { self = .null; return }
        switch node.kind {
        case .mapping:
            self = .object(JSONObject(node.entries.map { (key: $0.key, value: JSONValue($0.value, depth: depth + 1)) }))
        case .sequence:
            self = .array(node.elements.map { JSONValue($0, depth: depth + 1) })
        case .scalar:
            switch node.scalarType ?? .string {
            case .null: self = .null
            case .bool: self = .bool(node.bool ?? false)
            case .integer, .float: self = .number(JSONNumber(literal: node.text ?? "0"))
            case .string: self = .string(node.text ?? "")
            }
        }
    }
}

extension JSONNumber {
    /// A number from a literal as written in a spec (YAML forms like `0x1F` and `.inf` included).
    init(literal text: String) {
        if let i = Int64(text) {
            self.init(i)
        } else if text.hasPrefix("0x") || text.hasPrefix("0o"), let i = Int64(text.dropFirst(2), radix: text.hasPrefix("0x") ? 16 : 8) {
            self.init(i)
        } else {
            let lowered = text.lowercased()
            let d: Double = lowered.hasSuffix(".inf") ? (text.hasPrefix("-") ? -.infinity : .infinity) : (Double(text) ?? .nan)
            let integral: Int64? = (d.isFinite && d == d.rounded() && abs(d) < 9.2e18) ? Int64(d) : nil
            self.init(literal: text, double: d, integer: integral)
        }
    }
}

extension NumericBound {
    init(_ literal: NumberLiteral) {
        self.init(JSONNumber(literal: literal.text), text: literal.text)
    }
}
