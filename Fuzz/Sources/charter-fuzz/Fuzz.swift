import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes

/// A fixed operation whose request body comes as a form, a multipart form or text, and whose response is an
/// event stream, JSON Lines or a JSON text sequence: the body readers every fuzz input is also fed to.
let bodyContract: (ContractValidator, OperationContract)? = {
    let spec = """
    openapi: 3.1.0
    info: {title: bodies, version: '1'}
    paths:
      /things:
        post:
          operationId: make
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema: {$ref: '#/components/schemas/Thing'}
                encoding: {tags: {style: form, explode: false}, meta: {style: deepObject}}
              multipart/form-data:
                schema: {$ref: '#/components/schemas/Thing'}
                encoding: {file: {contentType: 'image/png', headers: {X-Sum: {required: true, schema: {type: string}}}}}
              text/plain: {schema: {type: string, maxLength: 50}}
          responses:
            '200':
              description: ok
              content:
                text/event-stream: {schema: {$ref: '#/components/schemas/Thing'}}
                application/jsonl: {schema: {$ref: '#/components/schemas/Thing'}}
                application/json-seq: {schema: {$ref: '#/components/schemas/Thing'}}
    components:
      schemas:
        Thing:
          type: object
          properties:
            id: {type: integer}
            tags: {type: array, items: {type: string}}
            meta: {type: object, additionalProperties: {type: string}}
            items: {type: array, items: {type: object, properties: {n: {type: integer}}}}
            file: {type: string, format: binary}
    """
    guard let document = SpecLoader().load(bytes: Array(spec.utf8), path: "/fuzz/bodies.yaml").document else { return nil }
    let validator = SpecValidator(document: document)
    return validator.contracts.first.map { (validator.contractValidator(), $0) }
}()

/// The input as each kind of body: read, shaped and checked, never a crash, a hang or an unbounded read.
func fuzzBodies(_ bytes: [UInt8]) {
    guard let (validator, contract) = bodyContract else { return }
    for type in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/plain; charset=iso-8859-1"] {
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/things")
        request.headerFields[.contentType] = type
        _ = validator.checkRequest(request, pathParameters: [:], body: bytes, contract: contract)
    }
    for type in ["text/event-stream", "application/jsonl", "application/json-seq"] {
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = type
        _ = validator.checkResponse(response, body: bytes, contract: contract)
    }
}

/// libFuzzer's entry point: any bytes as a spec file. Loading (YAML/JSON → located tree → OpenAPI model →
/// `$ref` resolution → lint) must end in a document or diagnostics, never a crash, a hang or unbounded memory;
/// a document that loads is also compiled into validation tables, and an example body is validated against
/// each of its schemas, so the runtime's schema compiler and validator see the same hostile inputs. The same
/// bytes are also read as a form, a multipart form, text, and streamed bodies (`fuzzBodies`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    fuzzBodies(bytes)
    // A document opening with `{` goes through the JSON reader, anything else through libyaml (the loader
    // picks the reader by extension), so both readers see the mutations of their own seeds.
    let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    let path = first == UInt8(ascii: "{") ? "/fuzz/spec.json" : "/fuzz/spec.yaml"
    let result = SpecLoader().load(bytes: bytes, path: path)
    guard let document = result.document, !result.hasErrors else { return 0 }
    let validator = SpecValidator(document: document)
    let sample = JSONValue.object(JSONObject([("id", .number(JSONNumber(1))), ("name", .string("x")), ("tags", .array([.string("a")]))]))
    for (name, _) in document.components.schemas.prefix(64) {
        _ = validator.validate(sample, schema: name, direction: .request)
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main` and aliases `main` to it, which would hide
// libFuzzer's own `main`: this entry point hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("charter_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
