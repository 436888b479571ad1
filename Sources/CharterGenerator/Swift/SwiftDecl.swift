/// A small structured representation of the Swift that models become; `SwiftRenderer` prints it, so the
/// translator never formats strings and the renderer knows nothing of OpenAPI.
indirect enum SwiftDecl: Sendable, Equatable {
    case structType(SwiftStruct)
    case enumType(SwiftEnum)
    case alias(name: String, type: SwiftType, doc: String?)

    var name: String {
        switch self {
        case .structType(let s): s.name
        case .enumType(let e): e.name
        case .alias(let name, _, _): name
        }
    }
}

struct SwiftProperty: Sendable, Equatable {
    /// Swift name (may be backticked).
    var name: String
    /// The JSON key.
    var key: String
    /// The full Swift type, optional included (`String?`).
    var type: SwiftType
    var doc: String?
    /// Stored out of line because it closes a cycle of struct types.
    var indirect: Bool = false
    /// A Swift expression used when the key is absent on decode (the schema's `default`).
    var defaultValue: String?
    /// The deprecation message when the property is deprecated.
    var deprecation: String?

    var isOptional: Bool { type.isOptional }
}

struct SwiftStruct: Sendable, Equatable {
    var name: String
    var doc: String?
    var properties: [SwiftProperty]
    var nested: [SwiftDecl] = []
    /// Models are Codable; plain value groups (response headers) are not.
    var isCodable = true
}

struct SwiftEnum: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Raw-valued (string or integer) with a tolerant `unknown(...)` case.
        case raw(rawType: SwiftType, cases: [(name: String, value: String)])
        /// One case per alternative; decoded by discriminator when there is one, else by trying each in order.
        /// `fallback` names the case a discriminator value outside the mapping (or none) decodes as (3.2 `defaultMapping`).
        case union(cases: [(name: String, type: SwiftType, tags: [String])], discriminator: String?, fallback: String? = nil)
        /// One case per alternative, chosen by the code that makes it (a body's media types): not Codable.
        case choice(cases: [(name: String, type: SwiftType)])

        // Cases are tuples, which are not Equatable: compared element by element.
        static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.raw(t1, c1), .raw(t2, c2)):
                t1 == t2 && c1.elementsEqual(c2) { $0 == $1 }
            case let (.union(c1, d1, f1), .union(c2, d2, f2)):
                d1 == d2 && f1 == f2 && c1.elementsEqual(c2) { $0.name == $1.name && $0.type == $1.type && $0.tags == $1.tags }
            case let (.choice(c1), .choice(c2)):
                c1.elementsEqual(c2) { $0 == $1 }
            default:
                false
            }
        }
    }

    var name: String
    var doc: String?
    var kind: Kind
    var isIndirect: Bool = false
    var nested: [SwiftDecl] = []
}
