import CharterRuntime
import Foundation
import CharterTestSupport
import Testing

@Suite("generate validate")
struct ValidateCommandTests {
    let payloads = "Tests/CharterSpecTests/Fixtures/payloads/"

    @Test func schemaPayloadsPrintOneResultEachAndExitOneWhenAnyIsInvalid() throws {
        let r = try runGenerate(["validate", "Specs/ml-predict.yaml", "--schema", "PredictionRequest",
                                          payloads + "predict-invalid.json", payloads + "predict-valid.json"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        #expect(lines.count == 2)
        #expect(lines[0]?["valid"] == false)
        #expect(lines[0]?["errors"]?[1]?["message"] == "Must be at most 1")
        #expect(lines[1]?["valid"] == true)
        #expect(lines[1]?["source"] == .string(payloads + "predict-valid.json"))
        let valid = try runGenerate(["validate", "Specs/ml-predict.yaml", "--schema", "#/components/schemas/PredictionRequest", payloads + "predict-valid.json"])
        #expect(valid.status == 0)
    }

    @Test func requestEnvelopesAreCheckedLikeTheServerWould() throws {
        let r = try runGenerate(["validate", "Specs/ml-predict.yaml", "--operation", "predict", "--request", payloads + "predict-request.json"])
        #expect(r.status == 1)
        let result = try JSONParser.parse(r.stdout.trimmingCharacters(in: .newlines))
        #expect(result["status"] == 400)
        #expect(result["errors"]?[0]?["in"] == "path")
        #expect(result["errors"]?[0]?["field"] == "modelId")
    }

    /// A webhook's request is checked at any path (the receiver picks it) and as the API's message: its read-only
    /// `event_id` belongs in it.
    @Test func webhookRequestsAreCheckedWhereverTheyAreReceived() throws {
        let folder = try scratchDirectory()
        let envelope = folder.appendingPathComponent("event.json")
        try Data(#"{"method": "POST", "path": "/anywhere/hooks", "body": {"event_id": "e1", "pet_id": "6f1c2a9e-3b1d-4c55-9e0a-1b2c3d4e5f60", "adopted_at": "2026-06-01T10:00:00Z"}}"#.utf8).write(to: envelope)
        let valid = try runGenerate(["validate", "Specs/pets-3.1.yaml", "--operation", "petAdopted", "--request", envelope.path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        try Data(#"{"body": {"event_id": "e1", "pet_id": "6f1c2a9e-3b1d-4c55-9e0a-1b2c3d4e5f60"}}"#.utf8).write(to: envelope)
        let invalid = try runGenerate(["validate", "Specs/pets-3.1.yaml", "--operation", "petAdopted", "--request", envelope.path])
        #expect(invalid.status == 1)
        let result = try JSONParser.parse(invalid.stdout.trimmingCharacters(in: .newlines))
        #expect(result["errors"]?[0]?["field"] == "adopted_at")
    }

    @Test func usageAndMissingSchemasExitTwo() throws {
        #expect(try runGenerate(["validate", "Specs/ml-predict.yaml", payloads + "predict-valid.json"]).status == 2)
        let missing = try runGenerate(["validate", "Specs/ml-predict.yaml", "--schema", "Nope", payloads + "predict-valid.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no schema 'Nope'"))
        #expect(try runGenerate(["validate", "Specs/ml-predict.yaml", "--schema", "PredictionRequest", "no-such.json"]).status == 2)
    }

    @Test func jsonlReadsOnePayloadPerLine() throws {
        let binary = try #require(generateBinary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["validate", "Specs/airline.yaml", "--schema", "Passenger", "--jsonl"]
        process.currentDirectoryURL = TestPaths.packageRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(#"""
        {"first_name": "Ada", "last_name": "L", "email": "ada@example.com", "age": 36}

        {"first_name": "", "last_name": "L", "email": "nope", "age": 200}
        """#.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let lines = text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
        #expect(lines.map { $0["source"] } == ["stdin:1", "stdin:3"])
        #expect(lines[1]["errors"].flatMap { v -> Int? in if case .array(let a) = v { return a.count } else { return nil } } == 3)
    }
}
