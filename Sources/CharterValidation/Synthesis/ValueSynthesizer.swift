import CharterRuntime
import Foundation

/// Values made from schemas, valid by construction and checked before they are handed out: what a mock server
/// answers when the spec gives no example. Deterministic for a seed; each value is drawn from the schema's
/// keywords (types, enums, bounds, formats, patterns through the pattern engine's own syntax tree, required and
/// optional properties, `oneOf` branches with their discriminator value, `allOf` merged), then validated with the
/// same validator that guards servers, and drawn again (up to a few times) when it does not pass.
public struct ValueSynthesizer {
    /// The schemas values are made for.
    public let schemas: SchemaSet
    /// Which way the values travel: responses leave out `writeOnly` properties, requests `readOnly` ones.
    public var direction: MessageDirection
    /// Deepest nesting built; below it only what is required is filled in (recursive schemas end there).
    public var maxDepth = 8
    /// Whether optional properties are drawn at all; false gives the smallest valid value (a request a reader can
    /// copy, with only what the operation requires).
    public var includesOptionalProperties = true
    var random: SeededRandom
    let validator: Validator
    /// Why the last `value(for:)` that returned nil failed: the last draw's violations (empty when nothing could be
    /// drawn at all), for a located warning.
    public private(set) var lastIssues: [ValidationIssue] = []
    /// Names a composing schema requires of the members being drawn for it (`required` beside an `allOf` whose
    /// members declare the properties, as Spotify's `AlbumObject` does): those members must not leave them out.
    var inheritedRequired: Set<String> = []

    /// A synthesizer over `schemas`, its draws following from `seed`.
    public init(schemas: SchemaSet, seed: UInt64 = 1, direction: MessageDirection = .response) {
        self.schemas = schemas
        self.direction = direction
        random = SeededRandom(seed: seed)
        validator = Validator(schemas: schemas)
    }

    /// A value schema `index` accepts, or nil when none was found in a few draws (`false` schemas, contradictions,
    /// patterns the draw cannot satisfy).
    public mutating func value(for index: SchemaIndex) -> JSONValue? {
        lastIssues = []
        for _ in 0..<6 {
            guard let candidate = draw(index, depth: 0) else { continue }
            lastIssues = validator.validate(candidate, against: index, direction: direction)
            if lastIssues.isEmpty { return candidate }
        }
        return nil
    }

    // MARK: Drawing

    mutating func draw(_ index: SchemaIndex, depth: Int) -> JSONValue? {
        guard index >= 0, index < schemas.count else { return nil }
        let node = schemas[index]
        if let boolean = node.booleanSchema { return boolean ? .string("any") : nil }
        if let constant = node.constValue { return constant }
        if let values = node.enumValues, !values.isEmpty {
            let usable = values.filter { $0 != .null }
            let pool = usable.isEmpty ? values : usable
            return pool[Int.random(in: 0..<pool.count, using: &random)]
        }
        if depth > maxDepth * 2 { return nil }
        let inherited = inheritedRequired
        inheritedRequired = []
        defer { inheritedRequired = inherited }
        // The node's own keywords first, then what composition adds on top (a `$ref`, allOf members, a oneOf/anyOf
        // branch with its discriminator value): the members hold the real definitions of what the node requires.
        let composes = node.ref != nil || !node.allOf.isEmpty || !node.oneOf.isEmpty || !node.anyOf.isEmpty
        var parts: [JSONValue] = []
        if let own = own(node, depth: depth, hasParts: composes, required: inherited) { parts.append(own) }
        inheritedRequired = inherited.union(node.required)
        if let ref = node.ref {
            guard let v = draw(ref, depth: depth + 1) else { return nil }
            parts.append(v)
        }
        for member in node.allOf {
            guard let v = draw(member, depth: depth + 1) else { return nil }
            parts.append(v)
        }
        if !node.oneOf.isEmpty || !node.anyOf.isEmpty {
            guard let v = branch(of: node, index: index, depth: depth) else { return nil }
            parts.append(v)
        }
        return merge(parts)
    }

    /// The node's own keywords (type, bounds, properties …), or nil when it has none beyond composition.
    mutating func own(_ node: SchemaNode, depth: Int, hasParts: Bool, required inherited: Set<String> = []) -> JSONValue? {
        let declared = node.types
        let looksLikeObject = !node.properties.isEmpty || !node.required.isEmpty || node.additionalProperties != nil
        let type: JSONTypeSet
        if let declared, !declared.isEmpty {
            let order: [JSONTypeSet] = [.object, .array, .string, .integer, .number, .boolean]
            let choices = order.filter { declared.contains($0) }
            type = choices.first ?? .null
        } else if looksLikeObject {
            type = .object
        } else if node.items != nil || !node.prefixItems.isEmpty || node.minItems != nil {
            type = .array
        } else if node.minLength != nil || node.maxLength != nil || node.pattern != nil || node.format != nil {
            type = .string
        } else if node.minimum != nil || node.maximum != nil || node.exclusiveMinimum != nil || node.exclusiveMaximum != nil {
            type = .number
        } else {
            return hasParts ? nil : .string("value")
        }
        switch type {
        case .object: return object(node, depth: depth, composes: hasParts, required: inherited)
        case .array: return array(node, depth: depth)
        case .string: return string(node)
        case .integer: return number(node, integer: true)
        case .number: return number(node, integer: false)
        case .boolean: return .bool(Bool.random(using: &random))
        default: return .null
        }
    }

    mutating func branch(of node: SchemaNode, index: SchemaIndex, depth: Int) -> JSONValue? {
        let branches = node.oneOf.isEmpty ? node.anyOf : node.oneOf
        let start = Int.random(in: 0..<branches.count, using: &random)
        for offset in 0..<branches.count {
            let chosen = branches[(start + offset) % branches.count]
            guard var value = draw(chosen, depth: depth + 1) else { continue }
            if let d = node.discriminator, case .object(var object) = value,
               let tag = d.mapping.first(where: { $0.schema == chosen })?.value ?? schemas[chosen].name {
                // The tag that names this branch: its mapping entry, else its schema's name — unless the branch
                // pins the property itself (a one-value enum, as OpenAI's specs do), which the draw already set.
                object[d.propertyName] = .string(tag)
                if validator.validate(.object(object), against: index, direction: direction).isEmpty { value = .object(object) }
            }
            // `oneOf` needs exactly one branch to match: where others accept the value too, change it until they do not.
            if node.discriminator == nil, !node.oneOf.isEmpty {
                for other in branches where other != chosen && validator.validate(value, against: other, direction: direction).isEmpty {
                    if let separated = distinguished(value, keep: chosen, from: other) { value = separated }
                }
            }
            return value
        }
        return nil
    }

    /// The schema a chain of bare `$ref`s ends at (where readOnly / writeOnly usually sit).
    static func resolved(_ index: SchemaIndex, in schemas: SchemaSet) -> SchemaIndex {
        var current = index
        for _ in 0..<16 {
            let node = schemas[current]
            guard let next = node.ref, !node.readOnly, !node.writeOnly else { return current }
            current = next
        }
        return current
    }

    /// Objects merge (later keys win); otherwise the last value drawn.
    func merge(_ parts: [JSONValue]) -> JSONValue? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() {
            if case .object(var a) = result, case .object(let b) = part {
                for (k, v) in b.entries { a[k] = v }
                result = .object(a)
            } else {
                result = part
            }
        }
        return result
    }

    mutating func object(_ node: SchemaNode, depth: Int, composes: Bool, required inherited: Set<String> = []) -> JSONValue {
        var object = JSONObject()
        let shallow = depth >= maxDepth
        for (name, schema) in node.properties {
            let required = node.required.contains(name) || inherited.contains(name)
            if !required && (shallow || !includesOptionalProperties) { continue }
            // A writeOnly property is never in a response, required or not (and readOnly never in a request).
            let target = schemas[Self.resolved(schema, in: schemas)]
            if direction == .response && target.writeOnly { continue }
            if direction == .request && target.readOnly { continue }
            // Optional properties: most of the time, so answers show the fields clients read.
            if !required && Int.random(in: 0..<4, using: &random) == 0 { continue }
            if let v = draw(schema, depth: depth + 1) { object[name] = v } else if required { object[name] = .null }
        }
        // Required names the node does not declare: composition members declare them, else additionalProperties.
        for name in node.required where object[name] == nil && !node.properties.contains(where: { $0.name == name }) && !composes {
            if case .schema(let extra)? = node.additionalProperties, let v = draw(extra, depth: depth + 1) {
                object[name] = v
            } else {
                object[name] = .string("value")
            }
        }
        var extra = 0
        while object.entries.count < (node.minProperties ?? 0), extra < 64 {
            extra += 1
            let key = "key\(extra)"
            if case .schema(let schema)? = node.additionalProperties {
                object[key] = draw(schema, depth: depth + 1) ?? .null
            } else {
                object[key] = .string("value")
            }
        }
        return .object(object)
    }

    mutating func array(_ node: SchemaNode, depth: Int) -> JSONValue {
        var items: [JSONValue] = []
        for prefix in node.prefixItems {
            guard let v = draw(prefix, depth: depth + 1) else { break }
            items.append(v)
        }
        let minimum = node.minItems ?? 0
        let maximum = node.maxItems ?? Swift.max(minimum, 2)
        let wanted = depth >= maxDepth ? minimum : Swift.min(maximum, Swift.max(minimum, Int.random(in: 1...2, using: &random)))
        var tries = 0
        while items.count < wanted, tries < wanted * 4 + 4 {
            tries += 1
            let next: JSONValue?
            switch node.items {
            case .schema(let schema)?: next = draw(schema, depth: depth + 1)
            case .bool(false)?: next = nil
            default: next = .string("item\(items.count + 1)")
            }
            guard let next else { break }
            if node.uniqueItems, items.contains(next) { continue }
            items.append(next)
        }
        return .array(items)
    }

    mutating func string(_ node: SchemaNode) -> JSONValue? {
        let minimum = node.minLength ?? 0
        let maximum = node.maxLength ?? Swift.max(minimum, 24)
        guard minimum <= maximum else { return nil }
        if let pattern = node.pattern {
            return pattern.sample(using: &random, lengths: minimum...maximum).map(JSONValue.string)
        }
        if let format = node.format, let text = formatted(format) { return .string(text) }
        let length = Swift.min(maximum, Swift.max(minimum, Int.random(in: 6...12, using: &random)))
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return .string(String((0..<length).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] }))
    }

    mutating func formatted(_ format: StringFormat) -> String? {
        let n = Int.random(in: 1...28, using: &random)
        switch format {
        case .dateTime: return "2026-03-\(n < 10 ? "0" : "")\(n)T09:30:00Z"
        case .date: return "2026-03-\(n < 10 ? "0" : "")\(n)"
        case .time: return "09:30:00Z"
        case .email, .idnEmail: return "user\(n)@example.com"
        case .uuid: return UUID(uuid: (UInt8(n), 0x12, 0x34, 0x56, 0x78, 0x9A, 0x4B, 0xCD, 0x8E, 0xF0, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC)).uuidString.lowercased()
        case .uri, .iri: return "https://example.com/resources/\(n)"
        case .uriReference, .iriReference: return "/resources/\(n)"
        case .ipv4: return "192.0.2.\(n)"
        case .ipv6: return "2001:db8::\(n)"
        case .hostname, .hostnameRFC1123, .idnHostname: return "host\(n).example.com"
        case .byte: return Data("value \(n)".utf8).base64EncodedString()
        case .uriTemplate: return "https://example.com/{id}"
        case .jsonPointer: return "/items/\(n)"
        case .relativeJSONPointer: return "0/items"
        case .duration: return "P\(n)D"
        case .regex: return "^[a-z]+$"
        }
    }

    mutating func number(_ node: SchemaNode, integer: Bool) -> JSONValue? {
        var low = node.minimum?.value.double ?? -Double.infinity
        var high = node.maximum?.value.double ?? Double.infinity
        if let e = node.exclusiveMinimum?.value.double { low = Swift.max(low, integer ? (e + 1).rounded(.down) : e.nextUp) }
        if let e = node.exclusiveMaximum?.value.double { high = Swift.min(high, integer ? (e - 1).rounded(.up) : e.nextDown) }
        if integer || node.integerFormat != nil {
            if node.integerFormat == .int32 { low = Swift.max(low, Double(Int32.min)); high = Swift.min(high, Double(Int32.max)) }
            low = low.rounded(.up)
            high = high.rounded(.down)
        }
        if low > high { return nil }
        // A value near the lower bound, or near 1…100 when unbounded.
        let base = low.isFinite ? low : (high.isFinite ? Swift.min(high, 1) : 1)
        let span = Swift.min(100, (high.isFinite ? high : base + 100) - base)
        var value = base + (span > 0 ? Double(Int.random(in: 0...Int(span), using: &random)) : 0)
        if let step = node.multipleOf?.value.double, step > 0 {
            value = (value / step).rounded(.up) * step
            if value > high { value = (high / step).rounded(.down) * step }
            if value < low { return nil }
        }
        if integer || node.integerFormat != nil || value == value.rounded() { return .number(JSONNumber(Int64(Swift.max(-9.2e18, Swift.min(9.2e18, value))))) }
        return .number(JSONNumber(value))
    }
}
