import CharterRuntime
import CharterSpec

/// Validates values, requests and responses against a loaded spec, with no generated code.
///
/// Built once at startup (compiles every schema and pattern); then `Sendable` and cheap to share.
public struct SpecValidator: Sendable {
    /// The loaded spec.
    public let document: Document
    /// Every schema of the spec, compiled.
    public let schemas: SchemaSet
    /// A validator over `schemas`.
    public let validator: Validator
    /// Problems found while loading (tolerated ones, as warnings saying what was assumed) and compiling (patterns
    /// that cannot run in linear time, …), located in the spec.
    public internal(set) var diagnostics: [Diagnostic]

    /// Compiles `document`'s schemas and operations (problems go to `diagnostics`).
    public init(document: Document) {
        self.document = document
        var compiler = SchemaCompiler(document: document)
        schemas = compiler.compile()
        validator = Validator(schemas: schemas)
        diagnostics = compiler.diagnostics
    }

    /// Loads `path` and builds a validator. A problem whose meaning is clear (a response without a description, a
    /// path parameter not marked required) is tolerated — the document is read as assumed and `diagnostics` holds a
    /// warning saying what was assumed — unless `strict`; anything else throws the loader's located errors.
    public static func load(path: String, options: LoadOptions = LoadOptions(), strict: Bool = false) throws(SpecLoadError) -> SpecValidator {
        let result = SpecLoader(options: options).load(path: path)
        let diagnostics = result.diagnostics(strict: strict)
        guard let document = result.document, !diagnostics.hasErrors else { throw SpecLoadError(diagnostics: diagnostics) }
        var validator = SpecValidator(document: document)
        validator.diagnostics = diagnostics.filter { $0.severity == .warning } + validator.diagnostics
        return validator
    }

    /// A component schema by name (`Booking`) or any schema of the root file by JSON pointer
    /// (`#/components/schemas/Booking/properties/passengers` or without the `#`).
    public func schemaIndex(_ nameOrPointer: String) -> SchemaIndex? {
        if let id = document.components.schema(named: nameOrPointer) { return id.index }
        var pointer = nameOrPointer
        if pointer.hasPrefix("#") { pointer.removeFirst() }
        // Pointers are looked up rarely (tools, tests): a scan beats computing every schema's pointer up front.
        let rootFile = document.location.file
        return document.schemas.firstIndex { $0.location.file == rootFile && $0.node.pointer == pointer }
    }

    /// Every violation of `value` against the schema named by `nameOrPointer` (nil when no such schema).
    public func validate(_ value: JSONValue, schema nameOrPointer: String, direction: MessageDirection = .request) -> [ValidationIssue]? {
        schemaIndex(nameOrPointer).map { validator.validate(value, against: $0, direction: direction) }
    }
}

/// A spec that could not be used, with the loader's located diagnostics.
public struct SpecLoadError: Error, Sendable, CustomStringConvertible {
    /// Loading problems (errors stop `load`, warnings are kept here).
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") }
}
