import Airline
@_spi(Generated) import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import MLPredict
import Pets
import CharterTestSupport
import Testing
import UsersV1
import UsersV2

/// Generated validation tables against `SpecValidator` on the same specs: the same compiled schemas, the same
/// error lists for the same payloads.
@Suite("Generated validators")
struct GeneratedValidatorTests {
    static let modules: [(spec: String, set: SchemaSet)] = [
        ("airline.yaml", Airline.APISchemas.set), ("ml-predict.yaml", MLPredict.APISchemas.set),
        ("users-v1.yaml", UsersV1.APISchemas.set), ("users-v2.yaml", UsersV2.APISchemas.set),
        ("pets-3.1.yaml", Pets.APISchemas.set),
    ]

    static func specValidator(_ spec: String) throws -> SpecValidator {
        try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/\(spec)").path)
    }

    @Test(arguments: modules.map(\.spec))
    func generatedTablesEqualTheCompiledSpec(_ spec: String) throws {
        let generated = try #require(Self.modules.first { $0.spec == spec }).set
        let compiled = try Self.specValidator(spec).schemas
        #expect(generated.count == compiled.count)
        for i in 0..<min(generated.count, compiled.count) where generated[i].fingerprint != compiled[i].fingerprint {
            Issue.record("\(spec) schema #\(i) differs:\n\(generated[i].fingerprint)\n---\n\(compiled[i].fingerprint)")
        }
    }

    static let payloads: [String] = [
        "{}", "[]", "\"x\"", "0", "-1.5", "null", "true",
        #"{"features": [1, "2"], "threshold": 3, "model_version": "v9"}"#,
        #"{"flight_id": "X", "passengers": [{"first_name": "", "age": 130, "email": "no"}], "payment": {"method": "cash"}, "extra": 1}"#,
        #"{"user_id": 0, "email": "a@b", "is_active": "yes", "account_status": "gone", "verification_date": 5}"#,
        #"{"name": "", "species": "cow", "tags": ["a", "a"], "weight_kg": 0, "details": {"kind": "bird"}}"#,
        #"{"amount": 0.005, "currency": "eur"}"#,
        #"{"items": [{"booking_id": "BK1"}], "total": -1}"#,
    ]

    @Test(arguments: modules.map(\.spec))
    func sameIssuesForTheSamePayloads(_ spec: String) throws {
        let generated = Validator(schemas: try #require(Self.modules.first { $0.spec == spec }).set)
        let reference = try Self.specValidator(spec)
        var compared = 0
        for (name, id) in reference.document.components.schemas {
            for payload in Self.payloads {
                let value = try JSONParser.parse(payload)
                for direction in [MessageDirection.request, .response] {
                    let a = generated.validate(try JSONTape(parsing: Array(payload.utf8)), against: id.index, direction: direction)
                    let b = try #require(reference.validate(value, schema: name, direction: direction))
                    #expect(a == b, "\(spec) \(name) \(payload)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50)
    }

    @Test func modelsValidateThemselves() throws {
        let request = MLPredict.PredictionRequest(features: [1, 2, 3], modelVersion: .unknown("v9"), threshold: 2)
        let issues = try request.validationIssues()
        #expect(issues.map { "\($0.field) \($0.constraint)" } == ["features minItems", "model_version enum", "threshold maximum"])
        #expect(try MLPredict.PredictionRequest(features: Array(repeating: 0.5, count: 10)).validationIssues().isEmpty)
    }
}
