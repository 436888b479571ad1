import CharterRuntime
import CharterSpec
import CharterValidation

/// libFuzzer's entry point: any bytes as a spec file. Loading (YAML/JSON → located tree → OpenAPI model →
/// `$ref` resolution → lint) must end in a document or diagnostics, never a crash, a hang or unbounded memory;
/// a document that loads is also compiled into validation tables, and an example body is validated against
/// each of its schemas, so the runtime's schema compiler and validator see the same hostile inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
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
