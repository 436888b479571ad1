/// A Swift type as the generator carries it: built by the translators, printed only by `rendered(in:)`.
/// Nothing asks a printed type what it is (is it optional, an array, one of ours): the value says so.
indirect enum SwiftType: Hashable, Sendable {
    /// A nominal type by its full path from the module's top level: `["String"]`, `["Pet"]`,
    /// `["SearchFlights", "Sort"]` (a type nested in an operation's namespace).
    case named([String])
    case optional(SwiftType)
    case array(SwiftType)
    /// `[String: Value]`.
    case dictionary(SwiftType)
    /// `EventStream<ServerEvent<Chunk>>`: a generic type by path, with its arguments.
    case generic([String], [SwiftType])

    static func named(_ name: String) -> SwiftType { .named([name]) }

    // The standard and runtime types the translators produce.
    static let string = SwiftType.named("String")
    static let int = SwiftType.named("Int")
    static let int32 = SwiftType.named("Int32")
    static let int64 = SwiftType.named("Int64")
    static let double = SwiftType.named("Double")
    static let float = SwiftType.named("Float")
    static let bool = SwiftType.named("Bool")
    static let date = SwiftType.named("Date")
    static let uuid = SwiftType.named("UUID")
    static let data = SwiftType.named("Data")
    static let jsonValue = SwiftType.named("JSONValue")
    /// A streamed body (`OpenAPIRuntime.HTTPBody`).
    static let httpBody = SwiftType.named("HTTPBody")
    /// A file with its name and media type (multipart parts, bodies of a wildcard media type).
    static let binaryFile = SwiftType.named("BinaryFile")
    /// Any multipart form, part by part (a multipart body whose schema is not an object).
    static let multipartForm = SwiftType.named("MultipartForm")
    static let acceptHeader = SwiftType.named("AcceptHeader")

    static func eventStream(of element: SwiftType) -> SwiftType { .generic(["EventStream"], [element]) }
    static func serverEvent(of payload: SwiftType) -> SwiftType { .generic(["ServerEvent"], [payload]) }

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type without its outer `Optional`.
    var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// The element type of an array type; nil for others.
    var arrayElement: SwiftType? {
        if case .array(let element) = self { return element }
        return nil
    }

    /// `T?` (never `T??`): a value that may be absent.
    var optional: SwiftType { isOptional ? self : .optional(self) }

    /// A value that may be null: `T?`, except `JSONValue`, which represents null itself.
    func optional(if nullable: Bool) -> SwiftType { nullable && self != .jsonValue ? optional : self }

    var isArray: Bool {
        if case .array = unwrapped { return true }
        return false
    }

    /// An array or a dictionary (optional or not): storage that already adds indirection.
    var isCollection: Bool {
        switch unwrapped {
        case .array, .dictionary: true
        default: false
        }
    }

    /// The path of a nominal type (nil for optionals, collections and generics).
    var path: [String]? {
        if case .named(let path) = self { return path }
        return nil
    }

    /// The type as Swift source, written from inside `scope` (the path of the declaration being printed): a type
    /// nested in that scope or an enclosing one is named by its own name (`Sort` inside `SearchFlights.Input`),
    /// any other by its full path (`SearchFlights.Sort` from the client).
    func rendered(in scope: [String] = []) -> String {
        switch self {
        case .named(let path):
            let parent = path.dropLast()
            if !parent.isEmpty, scope.count >= parent.count, Array(scope.prefix(parent.count)) == Array(parent) {
                return path.last ?? ""
            }
            return path.joined(separator: ".")
        case .optional(let wrapped): return wrapped.rendered(in: scope) + "?"
        case .array(let element): return "[" + element.rendered(in: scope) + "]"
        case .dictionary(let value): return "[String: " + value.rendered(in: scope) + "]"
        case .generic(let path, let arguments):
            return SwiftType.named(path).rendered(in: scope) + "<" + arguments.map { $0.rendered(in: scope) }.joined(separator: ", ") + ">"
        }
    }
}
