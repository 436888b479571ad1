@_spi(Generated) import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation

let spec = """
openapi: 3.1.0
info: {title: upload, version: '1'}
paths:
  /upload:
    post:
      operationId: upload
      x-charter-max-body-size: 17179869184
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file, metadata]
              properties:
                file: {type: string, format: binary}
                metadata:
                  type: object
                  required: [title]
                  properties: {title: {type: string, minLength: 1, maxLength: 200}}
            encoding:
              file: {contentType: application/octet-stream}
      responses:
        '200':
          description: bytes received
          content:
            application/json: {schema: {type: object, required: [bytes], properties: {bytes: {type: integer}}}}
"""

/// The spec compiled once (a global, initialised on first use).
let validator: SpecValidator = {
    let loaded = SpecLoader().load(bytes: Array(spec.utf8), path: "upload.yaml")
    guard let document = loaded.document else { fatalError("bench spec: \(loaded.diagnostics)") } // driver only
    return SpecValidator(document: document)
}()

let uploadContract: OperationContract = {
    guard let contract = validator.contracts.first else { fatalError("no contract") } // driver only
    return contract
}()

struct Metadata: Codable, Sendable, Hashable { var title: String }
struct Received: Codable, Sendable { var bytes: Int }

/// The operation as generated code would declare it.
enum Upload: APIOperation {
    struct Input: Sendable { var file: BinaryFile; var metadata: Metadata }
    static var contract: OperationContract { uploadContract }
    static func decodeInput(from request: ServerRequestReader) throws -> Input {
        try request.requiredBody().multipart { parts in try Input(file: parts.requiredFile("file"), metadata: parts.required("metadata")) }
    }
    static func encodeOutput(_ output: Received, to response: inout ServerResponseWriter) throws { try response.json(output) }
    static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws {}
    static func decodeOutput(from response: ClientResponseReader) throws -> Received { Received(bytes: 0) }
}

