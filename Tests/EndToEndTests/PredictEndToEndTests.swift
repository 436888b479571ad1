import CharterRuntime
import ExampleServers
import Foundation
import Hummingbird
import MLPredict
import OpenAPIHummingbird
import CharterTestSupport
import Testing

/// The generated ml-predict server on a real port, driven through the generated client.
@Suite("ML predict end to end")
struct PredictEndToEndTests {
    func withPredict(_ body: @Sendable (MLPredictClient) async throws -> Void) async throws {
        let router = Router()
        try PredictionService().registerHandlers(on: router, options: ValidationOptions(responseValidation: .enforce))
        try await withServer(router) { url in
            try await body(MLPredictClient(serverURL: url, validation: serverSideOnly))
        }
    }

    static let features = [0.1, 0.5, 1.2, 3.4, 0.0, 2.2, 1.1, 0.9, 4.2, 0.3]

    @Test func aDeployedModelPredictsAndEchoesTheRequestID() async throws {
        try await withPredict { client in
            let output = try await client.predict(modelID: "churn-risk", xRequestID: "req-7", body: PredictionRequest(features: Self.features))
            guard case .ok(let prediction, let headers) = output else {
                Issue.record("expected 200, got \(output)")
                return
            }
            // Σ wᵢxᵢ = 3.13 → logistic 0.958 ≥ the default threshold 0.5; the default model version is v2.0.
            #expect(prediction.prediction == .positive)
            #expect(prediction.confidence == 0.958)
            #expect(prediction.modelVersion == .v20)
            #expect(headers.xRequestID == "req-7")
            guard case .ok(let strict, _) = try await client.predict(modelID: "churn-risk", body: PredictionRequest(features: Self.features, modelVersion: .v11, threshold: 0.99)) else {
                Issue.record("expected 200")
                return
            }
            #expect(strict.prediction == .negative && strict.confidence == 0.042 && strict.modelVersion == .v11)
        }
    }

    @Test func unknownAndLoadingModelsAnswer404And503WithRetryAfter() async throws {
        try await withPredict { client in
            guard case .notFound(let missing) = try await client.predict(modelID: "no-such-model", body: PredictionRequest(features: Self.features)) else {
                Issue.record("expected 404")
                return
            }
            #expect(missing.error.code == "MODEL_NOT_FOUND")
            guard case .serviceUnavailable(let loading, let headers) = try await client.predict(modelID: "fraud-score", body: PredictionRequest(features: Self.features)) else {
                Issue.record("expected 503")
                return
            }
            #expect(loading.error.code == "MODEL_LOADING")
            #expect(headers.retryAfter == 5)
        }
    }

    @Test func invalidFeaturesAndPathAreEveryOneListed() async throws {
        try await withPredict { client in
            let output = try await client.predict(modelID: "Churn_Risk", body: PredictionRequest(features: [1, 2, 3], modelVersion: .unknown("v9"), threshold: 2))
            guard case .badRequest(let error) = output else {
                Issue.record("expected 400, got \(output)")
                return
            }
            #expect(error.error.details?.map { "\($0.field)|\($0.in ?? "")|\($0.constraint)|\($0.message)" } == [
                "modelId|path|pattern|Must match the pattern ^[a-z0-9-]+$",
                "features|body|minItems|Array must contain 10 items, found 3",
                "model_version|body|enum|Value must be one of: v1.0, v1.1, v2.0",
                "threshold|body|maximum|Must be at most 1",
            ])
        }
    }
}
