import HTTPTypes

/// What a caller asks of the mock through `Prefer` (RFC 7240): `Prefer: code=404`, `Prefer: example=sold-out`,
/// `Prefer: dynamic=true`, several in one header or across headers. Other preferences are ignored, as the RFC
/// allows.
struct MockPreferences: Sendable, Equatable {
    var code: Int?
    var example: String?
    var dynamic: Bool?

    init(code: Int? = nil, example: String? = nil, dynamic: Bool? = nil) {
        self.code = code
        self.example = example
        self.dynamic = dynamic
    }

    init(_ fields: HTTPFields) {
        for value in fields[values: .prefer] {
            for token in value.split(separator: ",") {
                // Parameters after `;` belong to the preference; the mock's preferences take none.
                let preference = token.split(separator: ";").first ?? token[...]
                guard let equals = preference.firstIndex(of: "=") else { continue }
                let name = preference[..<equals].trimmingCharacters(in: " \t").lowercased()
                var text = preference[preference.index(after: equals)...].trimmingCharacters(in: " \t")
                if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
                switch name {
                case "code": code = Int(text).flatMap { (100...599).contains($0) ? $0 : nil }
                case "example": example = text
                case "dynamic": dynamic = text.lowercased() == "true"
                default: break
                }
            }
        }
    }
}

extension HTTPField.Name {
    static let prefer = HTTPField.Name("Prefer")!
    static let preferenceApplied = HTTPField.Name("Preference-Applied")!
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
