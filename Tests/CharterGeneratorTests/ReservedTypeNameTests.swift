@testable import CharterGenerator
import CharterSpec
import CharterTestSupport
import Foundation
import Testing

/// A spec's schema named like a type the generated code uses unqualified (`Credential`, `Principal`, `Date`) would
/// shadow it and the module would not compile (Rebilly's spec has a `Credential` schema beside its security schemes).
/// `SwiftNames.reservedTypeNames` lists those types; these tests keep the list in step with what the generator emits.
@Suite("reserved type names")
struct ReservedTypeNameTests {
    /// Every capitalised name the generated code of the sample specs uses without a qualifier, and does not declare
    /// itself, must be reserved: when the generator starts naming a new runtime type, this fails until it is listed.
    @Test func everyTypeGeneratedCodeNamesUnqualifiedIsReserved() throws {
        let list = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Generated/specs.txt"), encoding: .utf8)
        var declared = Set<String>()
        var used = [String: String]()  // name → the file it was first seen in
        var specs = 0
        for line in list.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { continue }
            let path = TestPaths.packageRoot.appendingPathComponent(String(fields[0])).path
            let result = SpecLoader().load(path: path)
            let document = try #require(result.document, "\(fields[0]): \(result.diagnostics)")
            let (files, _) = Generator.generate(document, specName: String(fields[0]), options: GeneratorOptions(moduleName: String(fields[1])))
            for file in files {
                let names = SwiftIdentifiers(file.contents)
                declared.formUnion(names.declared)
                for name in names.unqualified where used[name] == nil { used[name] = "\(fields[1])/\(file.name)" }
            }
            specs += 1
        }
        #expect(specs >= 8)
        let modules: Set<String> = ["OpenAPIAsyncHTTPClient", "OpenAPIURLSession"]  // import lines only
        let unreserved = used.filter { !declared.contains($0.key) && !modules.contains($0.key) && !SwiftNames.reservedTypeNames.contains($0.key) }
        #expect(unreserved.isEmpty, "used unqualified, not reserved: \(unreserved.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" })")
        // The scan itself finds what it should (a broken lexer would make the check above vacuous).
        #expect(used["Credential"] != nil && used["OperationContract"] != nil && used["Date"] != nil)
    }

    /// Rebilly's case: a `Credential` schema in a spec with security schemes. The model is renamed, the security
    /// handler keeps naming the runtime's `Credential`.
    @Test func aSchemaNamedLikeARuntimeTypeIsRenamed() throws {
        let result = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        security: [{key: []}]
        paths:
          /credentials:
            get:
              operationId: getCredential
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Credential'}}}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
          schemas:
            Credential: {type: object, properties: {token: {type: string}}}
            Principal: {type: object, properties: {name: {type: string}}}
        """)
        let document = try #require(result.document, "\(result.diagnostics)")
        let (files, _) = Generator.generate(document, specName: "spec.yaml", options: GeneratorOptions(moduleName: "Shop"))
        let all = files.map(\.contents).joined(separator: "\n")
        #expect(all.contains("public struct CredentialValue:"))
        #expect(all.contains("public struct PrincipalValue:"))
        #expect(!all.contains("struct Credential:"))
        let server = try #require(files.first { $0.name == "Server.swift" }).contents
        #expect(server.contains("_ credential: Credential,"))
    }
}

/// The identifiers of Swift source that matter for shadowing: type names declared, and capitalised names used
/// without a `.` before them. Comments, string literals and attributes' arguments are skipped.
struct SwiftIdentifiers {
    var declared = Set<String>()
    var unqualified = Set<String>()

    init(_ source: String) {
        let bytes = Array(source.utf8)
        var i = 0
        var previousWord = ""
        var previousByte: UInt8 = 0  // the last byte of code before this token, spaces skipped
        func isIdentifierByte(_ b: UInt8) -> Bool { b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b >= 0x80 }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            } else if b == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "#") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                i = Self.endOfString(bytes, from: i)
                previousByte = UInt8(ascii: "\"")
            } else if b == UInt8(ascii: "@") {
                // An attribute: its name and any parenthesised arguments (`@_spi(Generated)`) are not type uses.
                i += 1
                while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "(") {
                    var depth = 0
                    repeat {
                        if bytes[i] == UInt8(ascii: "\"") { i = Self.endOfString(bytes, from: i); continue }
                        if bytes[i] == UInt8(ascii: "(") { depth += 1 } else if bytes[i] == UInt8(ascii: ")") { depth -= 1 }
                        i += 1
                    } while i < bytes.count && depth > 0
                }
                previousByte = UInt8(ascii: "@")
            } else if isIdentifierByte(b), !(b >= 0x30 && b <= 0x39) {
                let start = i
                while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                if ["struct", "enum", "class", "protocol", "typealias", "actor", "associatedtype"].contains(previousWord) {
                    declared.insert(word)
                } else if bytes[start] >= UInt8(ascii: "A"), bytes[start] <= UInt8(ascii: "Z"), previousByte != UInt8(ascii: "."),
                          start == 0 || bytes[start - 1] != UInt8(ascii: "`") {
                    unqualified.insert(word)
                }
                previousWord = word
                previousByte = bytes[i - 1]
            } else {
                if b != UInt8(ascii: " ") && b != UInt8(ascii: "\n") { previousByte = b; previousWord = "" }
                i += 1
            }
        }
    }

    /// The index just past the string literal starting at `start`: `"…"`, `"""…"""`, and raw strings `#"…"#`.
    static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        var hashes = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: "#") { hashes += 1; i += 1 }
        let quote = UInt8(ascii: "\"")
        let multiline = i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote
        let quotes = multiline ? 3 : 1
        i += quotes
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), hashes == 0 { i += 2; continue }
            if bytes[i] == quote, i + quotes - 1 < bytes.count, bytes[i..<(i + quotes)].allSatisfy({ $0 == quote }) {
                var j = i + quotes
                var closing = 0
                while closing < hashes, j < bytes.count, bytes[j] == UInt8(ascii: "#") { closing += 1; j += 1 }
                if closing == hashes { return j }
            }
            i += 1
        }
        return i
    }
}
