import Foundation
import MLPredict

/// Model serving for `Specs/ml-predict.yaml`: `churn-risk` is deployed (a fixed linear model, so answers
/// are reproducible), `fraud-score` is still loading (503 with Retry-After), anything else is 404.
public struct PredictionService: MLPredictAPIProtocol {
    public init() {}

    /// Weights of the ten features; the score is a logistic of their weighted sum.
    static let weights: [Double] = [0.8, -0.3, 0.5, 0.2, -0.6, 0.4, 0.1, -0.2, 0.3, -0.5]

    public func predict(_ input: Predict.Input) async throws -> Predict.Output {
        switch input.modelID {
        case "churn-risk":
            let sum = zip(Self.weights, input.body.features).map(*).reduce(0, +)
            let score = 1 / (1 + exp(-sum))
            let positive = score >= input.body.threshold
            let response = PredictionResponse(prediction: positive ? .positive : .negative,
                                              confidence: ((positive ? score : 1 - score) * 1000).rounded() / 1000,
                                              modelVersion: PredictionResponse.ModelVersion(rawValue: input.body.modelVersion.rawValue), latencyMs: 3)
            return .ok(response, headers: .init(xRequestID: input.xRequestID))
        case "fraud-score":
            return .serviceUnavailable(ErrorResponse(error: .init(code: "MODEL_LOADING", message: "fraud-score is loading")),
                                       headers: .init(retryAfter: 5))
        default:
            return .notFound(ErrorResponse(error: .init(code: "MODEL_NOT_FOUND", message: "No model is deployed as \(input.modelID)")))
        }
    }
}
