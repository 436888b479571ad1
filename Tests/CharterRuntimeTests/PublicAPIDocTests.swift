import CharterTestSupport
import Foundation
import Testing

/// Every public symbol a user calls in the runtime, validation and base modules has a doc comment. Protocol
/// witnesses (Codable, literals, iterators, CodingKey) take theirs from the protocol, and what only generated
/// code calls is `@_spi(Generated)` and not a user's API.
@Suite("Public API documentation")
struct PublicAPIDocTests {
    static let witnesses = [
        "init(from decoder", "func encode(to encoder", "Literal", "func makeIterator", "func next()", "var description",
        "func hash(into", "static func ==", "init(rawValue", "init?(stringValue", "init?(intValue", "var stringValue: String\n",
        "var intValue: Int?", "func intercept(", "func makeAsyncIterator",
    ]

    static func undocumented(in module: String) throws -> [String] {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources/\(module)")
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var missing: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            var insideSPIType = false
            for (i, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("@_spi(") && line.contains("{") && !line.hasSuffix("}") { insideSPIType = true; continue }
                if insideSPIType { if line.hasPrefix("}") { insideSPIType = false }; continue }
                guard text.hasPrefix("public ") || (text.hasPrefix("@") && text.contains(" public ") && !text.hasPrefix("@_spi")) else { continue }
                if text.hasPrefix("public extension") || witnesses.contains(where: { (text + "\n").contains($0) }) { continue }
                var j = i - 1
                while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("@") { j -= 1 }
                let previous = j >= 0 ? lines[j].trimmingCharacters(in: .whitespaces) : ""
                if !previous.hasPrefix("///") { missing.append("\(module)/\(url.lastPathComponent):\(i + 1): \(text)") }
            }
        }
        return missing
    }

    @Test(arguments: ["CharterRuntime", "CharterValidation", "CharterBase", "CharterDocs"])
    func everyPublicSymbolHasADocComment(_ module: String) throws {
        let missing = try Self.undocumented(in: module)
        #expect(missing.isEmpty, "\(missing.count) public symbols without a doc comment:\n\(missing.joined(separator: "\n"))")
    }
}
