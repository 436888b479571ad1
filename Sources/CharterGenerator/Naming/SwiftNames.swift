import Foundation

/// Turning names from specs (`user_id`, `User-Profile`, `2fa`, `$ref`) into idiomatic Swift identifiers.
public enum SwiftNames {
    /// Words written in capitals inside identifiers (`userID`, `imageURL`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "uuid", "api", "json", "http", "https", "ip", "html", "xml", "jwt", "sku", "sms"]

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "await", "async", "any", "some", "Self",
        "Type", "Protocol",
    ]

    /// Type names that would hide a type generated code itself uses unqualified (a schema so named gets `Value`
    /// appended). `ReservedTypeNameTests` fails when generated code starts naming a type this list lacks.
    static let reservedTypeNames: Set<String> = [
        "Any", "Self", "Type", "Protocol", "Optional", "Array", "Dictionary", "String", "Int", "Int32", "Int64", "Bool",
        "Double", "Float", "Date", "Data", "UUID", "URL", "Decimal", "Codable", "Decoder", "Encoder", "DecodingError",
        // Runtime types generated code names.
        "JSONValue", "JSONNumber", "JSONObject", "JSONTypeSet", "SchemaSet", "SchemaKeywords", "SchemaTableCoding", "SchemaIndex", "Validator",
        "ValidatableModel", "Indirect", "AnyCodingKey", "APISchemas", "NumericBound", "StringFormat", "IntegerFormat", "Pattern",
        "ValidationIssue", "MessageDirection", "Error", "APIError", "APIOperation", "APIOperations", "OperationContract",
        "ParameterContract", "ResponseContract", "RequestBodyContract", "MediaTypeContract", "HeaderContract",
        "ServerRequestReader", "ServerResponseWriter", "ClientRequestWriter", "ClientResponseReader", "OperationServer",
        "OperationClient", "ClientValidation", "ValidationOptions", "ServerTransport", "ClientTransport",
        "ServerMiddleware", "ClientMiddleware", "Input", "Output", "Credential", "Principal", "SecurityHandler",
        "SecuritySchemeContract", "ClientCredentials", "DeprecationNotice", "RetryPolicy", "PageSequence", "PagePosition",
        "UnexpectedPage", "AcceptHeader", "BodyWriter", "PartContract", "ReceivedBody", "BinaryFile", "EventStream",
        "ServerEvent", "XMLNaming", "HTTPBody", "AsyncHTTPClientTransport",
        // Standard-library protocols generated declarations conform to.
        "Hashable", "Sendable", "Decodable", "Encodable", "CodingKey", "RawRepresentable", "CaseIterable",
        // Modules generated code qualifies names with.
        "Swift", "Foundation", "CharterRuntime", "OpenAPIRuntime", "HTTPTypes",
    ]

    /// Splits on anything that is not a letter or digit, and on lower→upper case changes.
    static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var words: [String] = []
        var current = ""
        var previous: Character?
        for c in name {
            if !(c.isLetter || c.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let p = previous, c.isUppercase, p.isLowercase || p.isNumber {
                words.append(current)
                current = ""
            }
            current.append(c)
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words` for ASCII names (nearly all of them), on bytes: the same cuts without grapheme breaking.
    private static func asciiWords(_ name: String) -> [String] {
        var words: [String] = []
        let utf8 = name.utf8
        var start: String.Index?
        var previous: UInt8 = 0
        for i in utf8.indices {
            let c = utf8[i]
            let upper = c >= 0x41 && c <= 0x5A, lower = c >= 0x61 && c <= 0x7A, digit = c >= 0x30 && c <= 0x39
            guard upper || lower || digit else {
                if let s = start { words.append(String(name[s..<i])) }
                start = nil
                continue
            }
            if let s = start, upper, (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x30 && previous <= 0x39) {
                words.append(String(name[s..<i]))
                start = i
            }
            if start == nil { start = i }
            previous = c
        }
        if let s = start { words.append(String(name[s...])) }
        return words
    }

    private static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if acronyms.contains(lower) { return lower == "ids" ? "IDs" : lower == "urls" ? "URLs" : lower.uppercased() }
        // Keep words already written in capitals (`HTTPCode` → `HTTPCode`), otherwise capitalise the first letter.
        if word == word.uppercased() && word.count <= 4 && word.contains(where: \.isLetter) { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// The stem of the API's type names for module `name`: a trailing `API` is dropped so it is never doubled
    /// (`OrdersAPI` → `Orders`, giving `OrdersAPIProtocol` and `OrdersClient`); `API` alone gives an empty stem.
    public static func apiBaseName(_ name: String) -> String {
        let type = typeName(name)
        for suffix in ["API", "Api"] where type.hasSuffix(suffix) {
            return String(type.dropLast(suffix.count))
        }
        return type
    }

    /// `user_list` → `UserList`; never empty, never starting with a digit.
    /// `nested` names a type after a property (`error: {…}` → `ErrorInfo`); top-level names follow the
    /// spec's component (`Error` → `ErrorResponse`, what such a schema nearly always is). Either way
    /// `Swift.Error` stays unshadowed.
    public static func typeName(_ name: String, nested: Bool = false) -> String {
        remembered(nested ? .nestedTypeName : .typeName, name) { deriveTypeName($0, nested: nested) }
    }

    private static func deriveTypeName(_ name: String, nested: Bool) -> String {
        var result = words(name).map(capitalized).joined()
        if result.isEmpty { result = "Value" }
        if let first = result.first, first.isNumber { result = "_" + result }
        if result == "Error" { return nested ? "ErrorInfo" : "ErrorResponse" }
        if reservedTypeNames.contains(result) { result += "Value" }
        return result
    }

    /// `user_id` → `userID`, `is-active` → `isActive`; Swift keywords in backticks.
    public static func memberName(_ name: String) -> String {
        remembered(.memberName, name, deriveMemberName)
    }

    private static func deriveMemberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        var result: String
        let lowerFirst = first.lowercased()
        if first == first.uppercased() && first.count > 1 && parts.count == 1 && !first.contains(where: \.isNumber) {
            result = lowerFirst // `URL` → `url`
        } else if first.count > 1 && first == first.uppercased() && first.contains(where: \.isLetter) {
            result = lowerFirst
        } else {
            result = first.prefix(1).lowercased() + first.dropFirst()
        }
        result += parts.dropFirst().map(capitalized).joined()
        if let c = result.first, c.isNumber { result = "_" + result }
        // Members that cannot follow `self.` even in backticks.
        if ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"].contains(result) { result += "Value" }
        return escaped(result)
    }

    /// Names already derived. A spec repeats the same names thousands of times (Stripe's `id`, `object`, `created`
    /// in every resource, the same enum values in every operation), and deriving one is a dozen small string
    /// operations: a fifth of translating Stripe before this. Shared by the threads that print parts; bounded.
    private static let derived = DerivedNames()

    private enum NameKind: UInt8 { case memberName, typeName, nestedTypeName }

    private struct DerivedName: Hashable {
        var kind: NameKind
        var name: String
    }

    /// The table behind `remembered`, behind a lock (`NSLock`: `Mutex` needs macOS 15, the package supports 14).
    private final class DerivedNames: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [DerivedName: String] = [:]

        func value(_ key: DerivedName) -> String? {
            lock.lock()
            defer { lock.unlock() }
            return table[key]
        }

        func store(_ value: String, for key: DerivedName) {
            lock.lock()
            defer { lock.unlock() }
            if table.count >= 100_000 { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
    }

    private static func remembered(_ kind: NameKind, _ name: String, _ derive: (String) -> String) -> String {
        let key = DerivedName(kind: kind, name: name)
        if let known = derived.value(key) { return known }
        let value = derive(name)
        derived.store(value, for: key)
        return value
    }

    /// Backticks for keywords (`default` → `` `default` ``).
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier without backticks (for building derived names).
    static func bare(_ identifier: String) -> String {
        identifier.hasPrefix("`") ? String(identifier.dropFirst().dropLast()) : identifier
    }

    /// Makes `names` unique in order: later duplicates get `2`, `3`, … appended.
    static func uniqued(_ names: [String], reserved: Set<String> = []) -> [String] {
        // Usually every name is unique already: one set says so.
        var distinct = Set<String>(minimumCapacity: names.count)
        if names.allSatisfy({ !reserved.contains($0) && distinct.insert($0).inserted }) { return names }
        var seen = Dictionary(reserved.map { ($0, 1) }, uniquingKeysWith: { a, _ in a })
        var taken = Set(names).union(reserved)
        return names.map { name in
            let count = seen[name, default: 0]
            seen[name] = count + 1
            if count == 0 { return name }
            var n = count + 1
            var candidate = escaped(bare(name) + String(n))
            while taken.contains(candidate) {
                n += 1
                candidate = escaped(bare(name) + String(n))
            }
            taken.insert(candidate)
            return candidate
        }
    }

    /// A Swift string literal for `text`.
    public static func literal(_ text: String) -> String {
        // Most texts need no escape: one pass over the bytes says so.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
