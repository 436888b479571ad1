import CharterCommands
import ArgumentParser
import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation

/// `generate validate`: check payloads (or whole requests/responses) against a spec, printing JSON results.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate JSON payloads, requests or responses against a spec; print every violation as JSON.",
        discussion: """
        One JSON result per payload is printed per line: {"source", "valid", "errors": [...]} (request checks
        add the "status" and "code" a server would answer with). Exit status: 0 when every payload is valid,
        1 when any is invalid, 2 for usage errors, unreadable files or a spec with errors.

        Request envelopes: {"method": "POST", "path": "/models/m1/predict", "headers": {...}, "body": {...}}.
        Response envelopes: {"status": 200, "headers": {...}, "body": {...}}.

        Examples:
          swift run generate validate Specs/airline.yaml --schema BookingRequest booking.json
          swift run generate validate Specs/airline.yaml --schema '#/components/schemas/Passenger' --jsonl < passengers.jsonl
          swift run generate validate Specs/ml-predict.yaml --operation predict --request call.json
        """
    )

    @Argument(help: "The OpenAPI spec.")
    var spec: String

    @Option(help: "A component schema name or a JSON pointer into the spec.")
    var schema: String?

    @Option(help: "An operationId: validate whole requests or responses (with --request or --response).")
    var operation: String?

    @Flag(help: "Payloads are request envelopes (with --operation).")
    var request = false

    @Flag(help: "Payloads are response envelopes (with --operation).")
    var response = false

    @Flag(help: "Refuse a spec with any lint error, even one whose meaning is clear (by default such problems are warnings saying what was assumed).")
    var strict = false

    @OptionGroup var references: ReferenceOptions

    @Flag(help: "Read one payload per line from standard input.")
    var jsonl = false

    @Flag(name: .customLong("response-direction"), help: "With --schema: validate as a response (writeOnly properties forbidden, readOnly allowed).")
    var responseDirection = false

    @Argument(help: "JSON files to validate (none: read one document from standard input).")
    var payloads: [String] = []

    func validate() throws {
        if (schema == nil) == (operation == nil) { throw ValidationError("give exactly one of --schema or --operation") }
        if operation != nil && request == response { throw ValidationError("with --operation, give --request or --response") }
        if schema != nil && (request || response) { throw ValidationError("--request and --response go with --operation") }
        if jsonl && !payloads.isEmpty { throw ValidationError("--jsonl reads standard input; do not also name files") }
    }

    func run() throws {
        let validator: SpecValidator
        do {
            let options = references.loadOptions
            validator = try SpecValidator.load(path: spec, options: options, strict: strict)
        } catch {
            for diagnostic in error.diagnostics where diagnostic.severity == .error { printToStandardError("\(diagnostic)") }
            throw ExitCode(2)
        }
        for diagnostic in validator.diagnostics { printToStandardError("\(diagnostic)") }
        if let schema, validator.schemaIndex(schema) == nil {
            printToStandardError("error: no schema '\(schema)' in \(spec) (give a component name or a pointer like #/components/schemas/Name)")
            throw ExitCode(2)
        }
        var inputs: [(source: String, bytes: [UInt8])] = []
        if jsonl {
            var line = 0
            while let text = readLine() {
                line += 1
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { inputs.append(("stdin:\(line)", Array(text.utf8))) }
            }
        } else if payloads.isEmpty {
            inputs.append(("stdin", Array(FileHandle.standardInput.readDataToEndOfFile())))
        } else {
            for path in payloads {
                guard let data = FileManager.default.contents(atPath: path) else {
                    printToStandardError("error: cannot read '\(path)'")
                    throw ExitCode(2)
                }
                inputs.append((path, Array(data)))
            }
        }
        var anyInvalid = false
        for input in inputs {
            var result: JSONObject
            do {
                let value = try JSONParser.parse(input.bytes)
                let check = try self.check(value, validator)
                guard case .object(let object) = check.json else { continue }
                result = object
                anyInvalid = anyInvalid || !check.isValid
            } catch let error as JSONSyntaxError {
                anyInvalid = true
                result = JSONObject([("valid", false), ("errors", .array([["constraint": "syntax", "message": .string("Invalid JSON: \(error)")]]))])
            } catch let error as EnvelopeError {
                printToStandardError("error: \(input.source): \(error)")
                throw ExitCode(2)
            }
            result.entries.insert(("source", .string(input.source)), at: 0)
            print(JSONValue.object(result).jsonText)
        }
        if anyInvalid { throw ExitCode(1) }
    }

    private func check(_ value: JSONValue, _ validator: SpecValidator) throws -> EnvelopeCheck {
        if let schema {
            let issues = validator.validate(value, schema: schema, direction: responseDirection ? .response : .request) ?? []
            return EnvelopeCheck(status: nil, code: nil, issues: issues)
        }
        let operationID = operation ?? ""
        return request ? try validator.check(request: value, operationID: operationID) : try validator.check(response: value, operationID: operationID)
    }
}
