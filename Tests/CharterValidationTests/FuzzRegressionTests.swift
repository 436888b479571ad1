import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import CharterTestSupport
import Testing

/// Inputs the fuzzer (Fuzz/run.sh) kept, replayed through the same path as its target: load, then compile
/// the validation tables and validate a sample against each component schema. Each must end in a document
/// or diagnostics — a crash here is a crash the fuzzer found. New crash artifacts are added to this folder.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/CharterSpecTests/Fixtures/fuzz")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.count >= 5)
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let path = first == UInt8(ascii: "{") ? "/fuzz/spec.json" : "/fuzz/spec.yaml"
        let result = SpecLoader().load(bytes: bytes, path: path)
        // Every diagnostic is located in the input (line and column within it).
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        for d in result.diagnostics {
            let location = try #require(d.location, "every diagnostic is located: \(d)")
            if location.file == path { #expect(location.line >= 1 && location.line <= lines + 1, "\(d)") }
        }
        guard let document = result.document, !result.hasErrors else { return }
        let validator = SpecValidator(document: document)
        let sample: JSONValue = ["id": 1, "name": "x", "tags": ["a"]]
        for (schema, _) in document.components.schemas.prefix(64) {
            _ = validator.validate(sample, schema: schema, direction: .request)
        }
    }
}
