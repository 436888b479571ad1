import CharterMock
import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import Testing

/// A value of a component schema drawn for requests, decoded into its generated type.
func drawn<T: Decodable>(_ type: T.Type, _ schema: String, from mock: MockServer) throws -> T {
    guard let index = mock.validator.schemaIndex(schema) else { throw TestFailure("no schema \(schema)") }
    return try drawn(T.self, schemaIndex: index, from: mock, what: schema)
}

/// The request body of `contract` (its first media type) drawn for requests, decoded into its generated type.
func drawnBody<T: Decodable>(_ type: T.Type, _ contract: OperationContract, from mock: MockServer) throws -> T {
    guard let index = contract.requestBody?.content.first?.schema else { throw TestFailure("\(contract.operationID) has no body schema") }
    return try drawn(T.self, schemaIndex: index, from: mock, what: "\(contract.operationID) body")
}

/// A value for the parameter `name` of `contract`, drawn from its schema (patterns and formats hold).
func drawnParameter<T: Decodable>(_ type: T.Type, _ name: String, _ contract: OperationContract, from mock: MockServer) throws -> T {
    guard let index = contract.parameters.first(where: { $0.name == name })?.schema else { throw TestFailure("no parameter \(name)") }
    return try drawn(T.self, schemaIndex: index, from: mock, what: name)
}

private func drawn<T: Decodable>(_ type: T.Type, schemaIndex: Int, from mock: MockServer, what: String) throws -> T {
    var synthesizer = ValueSynthesizer(schemas: mock.validator.schemas, seed: 4, direction: .request)
    guard let value = synthesizer.value(for: schemaIndex) else { throw TestFailure("no value for \(what)") }
    return try JSONDecoder().decode(T.self, from: Data(value.encoded()))
}

/// Asks the mock, through `Prefer: code=`, for every response each call's operation documents — exact codes, an
/// undocumented code for `default`, the first code of an `NXX` range — and expects each decoded into a documented
/// case of the generated `Output` (its description does not start with `undocumented`). Returns how many were asked.
func expectEveryDocumentedResponse(_ calls: [(OperationContract, () async throws -> String)],
                                   sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
    var asked = 0
    for (contract, call) in calls {
        let exact = Set(contract.responses.compactMap { Int($0.status) })
        for response in contract.responses {
            let code: Int
            if let exactCode = Int(response.status) {
                code = exactCode
            } else if response.status == "default" {
                guard let free = [500, 503, 418, 409, 400].first(where: { !exact.contains($0) }) else { continue }
                code = free
            } else if let digit = response.status.first?.wholeNumberValue {
                guard let free = (digit * 100...digit * 100 + 99).first(where: { !exact.contains($0) }) else { continue }
                code = free
            } else {
                continue
            }
            let output = try await PreferCode.$code.withValue(code) { try await call() }
            #expect(!output.hasPrefix("undocumented"), "\(contract.operationID) \(response.status) as \(code): \(output.prefix(300))",
                    sourceLocation: sourceLocation)
            asked += 1
        }
    }
    return asked
}
