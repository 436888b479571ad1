import CharterRuntime
import Foundation
import Testing

@Suite("generate validate")
struct ValidateCommandTests {
    let payloads = "Tests/CharterSpecTests/Fixtures/payloads/"

    @Test func schemaPayloadsPrintOneResultEachAndExitOneWhenAnyIsInvalid() throws {
        let r = try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", "--schema", "PredictionRequest",
                                          payloads + "predict-invalid.json", payloads + "predict-valid.json"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        #expect(lines.count == 2)
        #expect(lines[0]?["valid"] == false)
        #expect(lines[0]?["errors"]?[1]?["message"] == "Must be at most 1")
        #expect(lines[1]?["valid"] == true)
        #expect(lines[1]?["source"] == .string(payloads + "predict-valid.json"))
        let valid = try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", "--schema", "#/components/schemas/PredictionRequest", payloads + "predict-valid.json"])
        #expect(valid.status == 0)
    }

    @Test func requestEnvelopesAreCheckedLikeTheServerWould() throws {
        let r = try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", "--operation", "predict", "--request", payloads + "predict-request.json"])
        #expect(r.status == 1)
        let result = try JSONParser.parse(r.stdout.trimmingCharacters(in: .newlines))
        #expect(result["status"] == 400)
        #expect(result["errors"]?[0]?["in"] == "path")
        #expect(result["errors"]?[0]?["field"] == "modelId")
    }

    @Test func usageAndMissingSchemasExitTwo() throws {
        #expect(try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", payloads + "predict-valid.json"]).status == 2)
        let missing = try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", "--schema", "Nope", payloads + "predict-valid.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no schema 'Nope'"))
        #expect(try LintCommandTests.run(["validate", "Specs/ml-predict.yaml", "--schema", "PredictionRequest", "no-such.json"]).status == 2)
    }
}
