import CharterGenerator
@_spi(Generated) import CharterRuntime
import CharterValidation
import Foundation
import CharterTestSupport
import Testing
@testable import CharterSpec

/// Every real spec in ../shared/corpus loads without a crash or hang, the valid ones without errors, and generates
/// a client and server without an error (that the output compiles is `Scripts/compile-corpus.sh`'s part: CI compiles
/// Stripe, OpenAI and a subset that rotates by day).
@Suite("Real-world corpus", .enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
struct CorpusTests {
    /// Corpus files that break a rule whose meaning is clear, with the kind of error `lint` must report; every
    /// other tool reads them with the assumption stated (a warning).
    static let knownInvalid: [String: String] = [
        // Paths that differ only in parameter names (/Contacts/{ContactID} vs /Contacts/{ContactNumber}).
        "xero/xero_accounting.yaml": "only parameter names differ",
        // getSimilarImages and getSimilarVideos are each used by two operations.
        "openapi-directory/shutterstock.com_1.0.16.yaml": "duplicate operationId",
    ]

    static var files: [String] {
        guard TestPaths.sharedIsPresent,
              let text = try? String(contentsOf: TestPaths.shared.appendingPathComponent("corpus/manifest.jsonl"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["file"] as? String
        }
    }

    @Test func manifestListsTheWholeCorpus() {
        #expect(Self.files.count >= 90)
    }

    @Test(arguments: files)
    func specLoads(_ file: String) throws {
        let path = TestPaths.shared.appendingPathComponent("corpus").appendingPathComponent(file).path
        let result = SpecLoader().load(path: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if let expected = Self.knownInvalid[file] {
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0.message.contains(expected) && $0.assumption != nil }, "\(errors.prefix(3))")
            #expect(result.isUsable(strict: false))
        } else {
            #expect(errors.isEmpty, "\(errors.prefix(5))")
            let document = try #require(result.document)
            #expect(!document.info.title.isEmpty)
        }
        #expect(result.diagnostics.allSatisfy { $0.location != nil })
        let document = try #require(result.document)
        let generated = Generator.generate(document, specName: (file as NSString).lastPathComponent)
        #expect(!generated.diagnostics.contains { $0.severity == .error }, "\(generated.diagnostics.filter { $0.severity == .error }.prefix(3))")
        #expect(generated.files.contains { $0.name.hasPrefix("Client") } && generated.files.contains { $0.name.hasPrefix("Server") },
                "\(generated.files.map(\.name))")
        // The schema table, read back from the emitted literals, is the spec's compiled schema set.
        let decoded = SchemaSet(try SchemaTableCodingTests.decodeEmitted(generated.files.map { ($0.name, $0.contents) }))
        let compiled = SpecValidator(document: document).schemas
        #expect(decoded.count == compiled.count)
        let differing = (0..<min(decoded.count, compiled.count)).filter { decoded[$0].fingerprint != compiled[$0].fingerprint }
        #expect(differing.isEmpty, "\(differing.count) schemas differ, first #\(differing.first ?? -1)")
    }
}
