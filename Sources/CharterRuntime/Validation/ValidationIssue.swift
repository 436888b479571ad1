/// Where in a request or response an issue was found.
public enum IssueLocation: String, Sendable, Hashable, Codable {
    case body, path, query, header, cookie
    /// OpenAPI 3.2's `in: querystring`: the whole query string as one value.
    case querystring
}

/// One step of the path to a value: an object key or an array index.
public enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// One violation, with everything a client needs to fix it.
public struct ValidationIssue: Sendable, Hashable {
    /// Where the issue is: rendered strings, or the path they are rendered from on first read. The validator
    /// records paths; most issues found inside `anyOf`/`oneOf` trials are discarded unread, and rendering two
    /// strings per issue was most of the cost of reporting one.
    enum Place: Sendable {
        case rendered(field: String, pointer: String)
        case path([PathComponent], base: String)
    }

    var place: Place
    /// Where in the message: body, path, query, header or cookie.
    public var location: IssueLocation
    /// The keyword that failed (`type`, `required`, `maximum`, …).
    public var constraint: String
    /// The offending value (long strings and large containers are truncated); nil for a missing value.
    public var value: JSONValue?
    /// A sentence for a person, e.g. "Must be at least 1".
    public var message: String

    /// Display path: `passengers[1].age`; for `required`, the missing property's own path.
    public var field: String {
        get {
            switch place {
            case .rendered(let field, _): field
            case .path(let components, let base): IssuePath.field(components, base: base)
            }
        }
        set { place = .rendered(field: newValue, pointer: pointer) }
    }

    /// The place as a form names its fields: `metadata[order_id]`, `items[0][price]`.
    var formField: String {
        switch place {
        case .path(let components, _): IssuePath.formField(components)
        case .rendered(_, let pointer): IssuePath.formField(IssuePath.components(ofPointer: pointer))
        }
    }

    /// RFC 6901 JSON Pointer to the same place: `/passengers/1/age`.
    public var pointer: String {
        get {
            switch place {
            case .rendered(_, let pointer): pointer
            case .path(let components, _): IssuePath.pointer(components)
            }
        }
        set { place = .rendered(field: field, pointer: newValue) }
    }

    /// An issue (validators and middlewares create these; tests may too).
    public init(field: String, pointer: String, location: IssueLocation, constraint: String, value: JSONValue?, message: String) {
        place = .rendered(field: field, pointer: pointer)
        self.location = location
        self.constraint = constraint
        self.value = value
        self.message = message
    }

    init(path: [PathComponent], base: String, location: IssueLocation, constraint: String, value: JSONValue?, message: String) {
        place = .path(path, base: base)
        self.location = location
        self.constraint = constraint
        self.value = value
        self.message = message
    }

    public static func == (a: ValidationIssue, b: ValidationIssue) -> Bool {
        a.location == b.location && a.constraint == b.constraint && a.message == b.message && a.value == b.value
            && a.field == b.field && a.pointer == b.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(pointer)
        hasher.combine(location)
        hasher.combine(constraint)
        hasher.combine(value)
        hasher.combine(message)
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
        render(path, base: base) { component, out in
            switch component {
            case .index(let i):
                out.append(UInt8(ascii: "["))
                out.appendDecimal(i)
                out.append(UInt8(ascii: "]"))
            case .key(let k):
                if isIdentifier(k) {
                    if out.count > 0 { out.append(UInt8(ascii: ".")) }
                    out.append(contentsOf: k)
                } else {
                    out.append(UInt8(ascii: "["))
                    out.append(UInt8(ascii: "\""))
                    for c in k.utf8 {
                        if c == UInt8(ascii: "\\") || c == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                        out.append(c)
                    }
                    out.append(UInt8(ascii: "\""))
                    out.append(UInt8(ascii: "]"))
                }
            }
        }
    }

    /// A field as forms name it: `metadata[order_id]`, `items[0][price]`.
    static func formField(_ path: [PathComponent]) -> String {
        var out = ""
        for (i, component) in path.enumerated() {
            switch component {
            case .key(let k): out += i == 0 ? k : "[" + k + "]"
            case .index(let n): out += "[\(n)]"
            }
        }
        return out
    }

    /// The components of an RFC 6901 pointer (numeric steps are indices).
    static func components(ofPointer pointer: String) -> [PathComponent] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { step in
            var key = ""
            var escaped = false
            for c in step {
                if escaped {
                    key.append(c == "1" ? "/" : c == "0" ? "~" : c)
                    escaped = false
                } else if c == "~" {
                    escaped = true
                } else {
                    key.append(c)
                }
            }
            if let n = Int(key), String(n) == key { return .index(n) }
            return .key(key)
        }
    }

    /// RFC 6901 JSON Pointer: `~` is written `~0` and `/` is written `~1`.
    static func pointer(_ path: [PathComponent], base: String = "") -> String {
        render(path, base: base) { component, out in
            out.append(UInt8(ascii: "/"))
            switch component {
            case .index(let i): out.appendDecimal(i)
            case .key(let k):
                for c in k.utf8 {
                    switch c {
                    case UInt8(ascii: "~"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "0"))
                    case UInt8(ascii: "/"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "1"))
                    default: out.append(c)
                    }
                }
            }
        }
    }

    /// Writes a path straight into a new string's storage. String appends and interpolation cost thousands
    /// of instructions per issue, which dominated validating a body with several violations.
    private static func render(_ path: [PathComponent], base: String, _ write: (PathComponent, inout ByteWriter) -> Void) -> String {
        // Worst case per component: every key byte escaped plus brackets and quotes; 20 digits plus brackets.
        var capacity = base.utf8.count
        for component in path {
            switch component {
            case .index: capacity += 23
            case .key(let k): capacity += k.utf8.count * 2 + 5
            }
        }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var out = ByteWriter(buffer: buffer)
            out.append(contentsOf: base)
            for component in path { write(component, &out) }
            return out.count
        }
    }

    private static func isIdentifier(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard let first = bytes.first, !(first >= 48 && first <= 57) else { return false }
            for b in bytes where !((b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b == 95 || b == 45 || b == 36) {
                return false
            }
            return true
        }
    }

    /// The value as reported: strings over 100 characters and containers over 200 bytes of JSON are cut.
    static func truncated(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where s.utf8.count > 100 && s.count > 100:
            return .string(String(s.prefix(100)) + "…")
        case .array, .object:
            let text = value.jsonText
            return text.utf8.count > 200 ? .string(String(text.prefix(200)) + "…") : value
        default:
            return value
        }
    }
}

/// Appends bytes to a buffer sized in advance (see `IssuePath.render`).
struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    mutating func append(contentsOf s: String) {
        var s = s
        s.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
            (target + count).update(from: source, count: bytes.count)
            count += bytes.count
        }
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var low = start, high = count - 1
        while low < high {
            buffer.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}
