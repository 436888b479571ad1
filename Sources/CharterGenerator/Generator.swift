import CharterBase
import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation

/// What to generate; server and client code need the validation tables, so they bring them along.
public enum GeneratedPart: String, Sendable, CaseIterable {
    case models, validators, server, client
}

/// The equality the generated models, unions, operations' inputs and outputs, header structs and body enums conform to.
/// String- and integer-backed enums are `Hashable` whatever is chosen: they are identifiers, used as keys.
public enum GeneratedEquality: String, Sendable, CaseIterable {
    /// `Hashable`, as swift-openapi-generator's types are: `==` in tests, models in sets and as keys.
    case hashable
    /// `Equatable` only: `==` in tests without the hashing (Stripe's module: 7% less compiler CPU, RESULTS.md).
    case equatable
    /// Neither: the compiler synthesises no `==` or `hash(into:)` per type (Stripe's module: a fifth less compiler
    /// CPU, 12% less memory). Compare values through their properties, or pattern-match outputs.
    case none

    /// The protocol a conformance list names, if any.
    var protocolName: String? {
        switch self {
        case .hashable: "Hashable"
        case .equatable: "Equatable"
        case .none: nil
        }
    }

    /// A conformance list with the chosen equality between `leading` and `trailing`: `Codable, Hashable, Sendable`
    /// for models, `Sendable, Hashable` for operations' `Input` and `Output` and body enums (their historic orders).
    func conformances(_ leading: [String], _ trailing: [String] = []) -> String {
        (leading + [protocolName].compactMap { $0 } + trailing).joined(separator: ", ")
    }

    /// `hashable, equatable, none` — for messages naming the valid values.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Options for `Generator.generate`.
public struct GeneratorOptions: Sendable {
    /// `public` or `internal`.
    public var access: String = "public"
    /// What equality generated types conform to (default `Hashable`).
    public var equality: GeneratedEquality = .hashable
    /// The Swift module the files are compiled into; names the API (`Airline` → `AirlineAPIProtocol`, `AirlineClient`;
    /// a trailing `API` is not doubled: `OrdersAPI` → `OrdersAPIProtocol`, `OrdersClient`).
    public var moduleName: String = "API"
    /// What the header of every file says to do instead of editing it (the command that regenerates it).
    public var regenerateHint = "regenerate with `swift run generate`"
    public var parts: Set<GeneratedPart> = Set(GeneratedPart.allCases)
    /// Lines per `Models<N>.swift` and per `Operations<N>.swift` file, header not counted (a declaration is never
    /// split). Why: the compiler driver hands each core a run of consecutive files, so a build is as slow as its
    /// heaviest run; files of similar compile cost keep the cores equally busy and each compiler process's memory
    /// small. A line of models (synthesized Codable and Hashable, value witnesses) costs about twice an operations line.
    public var modelLinesPerFile = 600
    public var operationLinesPerFile = 1200
    /// Component schema name → Swift type name, replacing the derived name.
    public var typeNames: [String: String] = [:]
    /// operationIds to generate (nil: all) and to leave out.
    public var includedOperations: Set<String>?
    public var excludedOperations: Set<String> = []
    /// Always exactly `fixedLayoutFiles`, whatever the spec and mode: a build-tool plugin must name its output
    /// files before the generator runs, so parts are not split and parts left out are placeholder files.
    public var fixedLayout = false
    /// Leaves the translation's intermediate values (compiled schemas, declarations, operations) allocated when
    /// `generate` returns. For a process that exits right after: freeing Stripe's took a tenth of the command.
    public var keepsIntermediates = false
    public static let fixedLayoutFiles = ["Models.swift", "Schemas.swift", "Operations.swift", "Server.swift", "Client.swift"]

    public init(access: String = "public", moduleName: String = "API", parts: Set<GeneratedPart> = Set(GeneratedPart.allCases)) {
        self.access = access
        self.moduleName = moduleName
        self.parts = parts
    }
}

/// One file the generator writes.
public struct GeneratedFile: Sendable, Hashable {
    public var name: String
    public var contents: String
}

/// Spec → Swift source files. Deterministic: the same document gives byte-identical files.
public enum Generator {
    public static func generate(_ document: Document, specName: String, options: GeneratorOptions = GeneratorOptions()) -> (files: [GeneratedFile], diagnostics: [Diagnostic]) {
        let parts = options.parts
        let wantsOperations = parts.contains(.server) || parts.contains(.client)
        let wantsModels = parts.contains(.models) || wantsOperations
        let wantsTables = parts.contains(.validators) || wantsOperations

        @Sendable func header(_ imports: [String], trailer: String = "") -> String {
            "// Generated by Charter from \(specName). Do not edit: \(options.regenerateHint).\n\n"
                + imports.map { $0 == "CharterRuntime" ? "@_spi(Generated) import CharterRuntime\n" : "import \($0)\n" }.joined() + trailer + "\n"
        }
        let basic = header(["CharterRuntime", "Foundation"])
        // Two chains side by side: the schemas compiled and their tables printed; the models translated, then the
        // operations (their contracts are read off the document, not the compiled schemas). On Stripe each chain
        // is about half of the work before printing.
        let ((compiled, tables), (models, decls, translated)) = Parallel.both({
            let compiled = SpecValidator(document: document)
            return (compiled, wantsTables ? SchemaTableEmitter.files(compiled.schemas, access: options.access, header: basic) : [])
        }, {
            translate(document, options: options, operations: wantsOperations)
        })
        // Then everything is printed side by side (printing is pure: finished declarations in, text out) and put
        // back in order: models, schema tables, operations, server and client.
        var jobs: [@Sendable () -> Printed] = []
        if wantsModels {
            jobs.append {
                let chunks = pack(decls.map { SwiftRenderer.render([$0], access: options.access, equality: options.equality) }, linesPerFile: options.modelLinesPerFile, separator: "\n")
                return .models(chunks.enumerated().map { i, chunk in
                    GeneratedFile(name: chunks.count == 1 ? "Models.swift" : "Models\(i + 1).swift", contents: basic + chunk)
                })
            }
        }
        if let translated {
            jobs += operationJobs(translated.operations, document: document, compiled: compiled, parts: parts, options: options, header: header)
        }
        var files: [GeneratedFile] = []
        var namespaces: [String] = []
        var apiFiles: [GeneratedFile] = []
        for printed in Parallel.results(of: jobs) {
            switch printed {
            case .models(let printed): files = printed
            case .api(let printed): apiFiles = printed
            case .namespaces(let slice): namespaces += slice
            }
        }
        if wantsTables { files += validationTables(tables, document: document, translator: models, decls: decls, access: options.access) }
        if !namespaces.isEmpty {
            let chunks = pack(namespaces, linesPerFile: options.operationLinesPerFile, separator: "\n")
            let operationsHeader = header(Self.runtimeImports)
            files += chunks.enumerated().map { i, chunk in
                GeneratedFile(name: chunks.count == 1 ? "Operations.swift" : "Operations\(i + 1).swift", contents: operationsHeader + chunk)
            }
        }
        files += apiFiles
        if options.fixedLayout {
            files = fixedLayout(files, headers: [basic, header(Self.runtimeImports)], specName: specName, hint: options.regenerateHint)
        }
        var diagnostics = models.diagnostics
        if let translated { diagnostics = translated.translator.models.diagnostics + translated.translator.operations.diagnostics }
        if options.keepsIntermediates { Retained.forever([compiled, models, decls, translated as Any]) }
        return (files, diagnostics + compiled.diagnostics)
    }

    private static let runtimeImports = ["CharterRuntime", "Foundation", "OpenAPIRuntime"]

    /// What one printing job made: the model files, the server and client files, or a slice of the operations'
    /// namespaces (packed into files once every slice is back, in order).
    private enum Printed: Sendable {
        case models([GeneratedFile])
        case api([GeneratedFile])
        case namespaces([String])
    }

    /// The jobs printing the operations: the server and client files (which need every operation) first, then each
    /// operation's namespace in slices (Stripe's 500 operations were the longest single job).
    private static func operationJobs(_ operations: [SwiftOperation], document: Document, compiled: SpecValidator, parts: Set<GeneratedPart>,
                                      options: GeneratorOptions, header: @escaping @Sendable ([String], String) -> String) -> [@Sendable () -> Printed] {
        let apiName = SwiftNames.apiBaseName(options.moduleName)
        var apiDoc = "\(document.info.title) \(document.info.version)"
        if let description = document.info.description { apiDoc += "\n\n" + description.trimmingCharacters(in: .whitespacesAndNewlines) }
        let renderer = OperationRenderer(access: options.access, equality: options.equality, apiName: apiName, apiDoc: apiDoc)
        let runtimeImports = Self.runtimeImports
        var jobs: [@Sendable () -> Printed] = [{
            var files: [GeneratedFile] = []
            // The schemes any operation names: the table holds them for server and client, the server asks for them.
            let allSchemes = securitySchemes(document, compiled: compiled, used: operations.flatMap(\.securitySchemes))
            let table = renderer.operationsTable(operations, schemes: allSchemes.map(\.contract))
            if parts.contains(.server) {
                // Mutual TLS hands the handler the request's header fields (HTTPTypes).
                let imports = runtimeImports + (allSchemes.contains { $0.contract.kind == .mutualTLS } ? ["HTTPTypes"] : [])
                files.append(GeneratedFile(name: "Server.swift", contents: header(imports, "") + renderer.server(operations, schemes: allSchemes) + "\n" + table))
            }
            if parts.contains(.client) {
                let optionalImport = "#if canImport(OpenAPIAsyncHTTPClient)\nimport OpenAPIAsyncHTTPClient\n#endif\n"
                let client = renderer.client(operations, secured: !allSchemes.isEmpty) + (parts.contains(.server) ? "" : "\n" + table)
                files.append(GeneratedFile(name: "Client.swift", contents: header(runtimeImports, optionalImport) + client))
            }
            return .api(files)
        }]
        // A few slices per core, so one slice of heavy operations does not leave the other cores idle.
        let sliceCount = max(1, min(operations.count / 16, 4 * Parallel.cores))
        for slice in 0..<sliceCount {
            let range = operations.count * slice / sliceCount ..< operations.count * (slice + 1) / sliceCount
            jobs.append { .namespaces(operations[range].map(renderer.namespace)) }
        }
        return jobs
    }

    /// The models' translation, then (when `operations`) the operations', as both `generate` and `clientCalls` need
    /// them: one translation, so the names a docs page shows are the generated ones. Needs no compiled schemas.
    static func translate(_ document: Document, options: GeneratorOptions, operations: Bool)
        -> (models: ModelTranslator, decls: [SwiftDecl], translated: (translator: (models: ModelTranslator, operations: OperationTranslator), operations: [SwiftOperation])?) {
        var models = ModelTranslator(document: document, typeNames: options.typeNames)
        let decls = models.translate()
        let translated = operations
            ? translateOperations(document, contracts: SpecValidator.contracts(of: document), models: models, options: options)
            : nil
        return (models, decls, translated)
    }

    /// The operations' translation; it adds the operations' inline types to (a copy of) `models`, returned with it.
    private static func translateOperations(_ document: Document, contracts: [OperationContract], models: ModelTranslator, options: GeneratorOptions)
        -> (translator: (models: ModelTranslator, operations: OperationTranslator), operations: [SwiftOperation]) {
        var models = models
        var translator = OperationTranslator(document: document, included: options.includedOperations, excluded: options.excludedOperations)
        let contracts = Dictionary(contracts.map { ($0.operationID, $0) }, uniquingKeysWith: { a, _ in a })
        let operations = translator.translate(models: &models, contracts: contracts)
        return ((models, translator), operations)
    }

    /// The declared schemes `used` names, in the document's order, with unique method names; their contracts come
    /// from the validator the generator already built (building another would compile every schema again).
    static func securitySchemes(_ document: Document, compiled: SpecValidator, used: [String]) -> [SwiftSecurityScheme] {
        let used = Set(used)
        guard !used.isEmpty else { return [] }
        let declared = document.components.securitySchemes.filter { used.contains($0.name) }
        let contracts = Dictionary(compiled.securitySchemes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let names = SwiftNames.uniqued(declared.map { SwiftNames.memberName($0.name) }, reserved: ["authenticate"])
        return zip(declared, names).compactMap { entry, name in
            let notes = [entry.value.description?.trimmingCharacters(in: .whitespacesAndNewlines),
                         entry.value.deprecated ? "Deprecated by the spec: clients are moving to another scheme the operations accept." : nil].compactMap { $0 }
            return contracts[entry.name].map { SwiftSecurityScheme(contract: $0, methodName: name, doc: notes.isEmpty ? nil : notes.joined(separator: "\n\n")) }
        }
    }

    /// Consecutive pieces joined by `separator` into chunks of at most `linesPerFile` lines (a piece longer than
    /// that is a chunk of its own); no pieces gives one empty chunk.
    static func pack(_ pieces: [String], linesPerFile: Int, separator: String) -> [String] {
        var chunks: [String] = []
        var current: [String] = []
        var lines = 0
        func newlines(_ text: String) -> Int {
            func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
            return text.utf8.withContiguousStorageIfAvailable(count) ?? Array(text.utf8).withUnsafeBufferPointer(count)
        }
        let joint = newlines(separator)
        for piece in pieces {
            let count = newlines(piece)
            if !current.isEmpty && lines + joint + count > linesPerFile {
                chunks.append(current.joined(separator: separator))
                current = []
                lines = 0
            }
            lines += (current.isEmpty ? 0 : joint) + count
            current.append(piece)
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append(current.joined(separator: separator)) }
        return chunks
    }

    /// Split parts joined into one file each (`Models2.swift` into `Models.swift`, `SchemaTable<N>.swift` into
    /// `Schemas.swift`), and a placeholder for each part the mode leaves out.
    private static func fixedLayout(_ files: [GeneratedFile], headers: [String], specName: String, hint: String) -> [GeneratedFile] {
        func target(_ name: String) -> String {
            if name.hasPrefix("Models") { return "Models.swift" }
            if name.hasPrefix("Schema") { return "Schemas.swift" }
            if name.hasPrefix("Operations") { return "Operations.swift" }
            return name
        }
        var merged: [String: String] = [:]
        for file in files {
            let name = target(file.name)
            if let existing = merged[name] {
                let header = headers.first { file.contents.hasPrefix($0) }
                let body = header.map { String(file.contents.dropFirst($0.count)) } ?? file.contents
                merged[name] = existing + "\n" + body
            } else {
                merged[name] = file.contents
            }
        }
        return GeneratorOptions.fixedLayoutFiles.map { name in
            GeneratedFile(name: name, contents: merged[name]
                ?? "// Generated by Charter from \(specName). Do not edit: \(hint).\n// Not generated: the mode leaves this part out.\n")
        }
    }

    /// The schema tables (printed beside the models' translation) and, in `Schemas.swift`, each component model's
    /// link to its schema, which needs the models' names.
    private static func validationTables(_ tables: [(name: String, body: String)], document: Document, translator: ModelTranslator, decls: [SwiftDecl],
                                         access: String) -> [GeneratedFile] {
        guard var schemas = tables.first?.body else { return [] }
        let typeNames = Set(decls.compactMap { decl -> String? in
            if case .alias = decl { return nil }
            return decl.name
        })
        for (_, id) in document.components.schemas {
            guard let name = translator.componentNames[id], typeNames.contains(name) else { continue }
            schemas += """

            extension \(name): ValidatableModel {
                \(access) static var schemaIndex: SchemaIndex { \(id.index) }
                \(access) static var validator: Validator { APISchemas.validator }
            }

            """
        }
        return [GeneratedFile(name: "Schemas.swift", contents: schemas)] + tables.dropFirst().map { GeneratedFile(name: $0.name, contents: $0.body) }
    }
}

/// Values a short-lived process keeps until it exits instead of freeing them piece by piece.
public enum Retained {
    private final class Box: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// Keeps `value` alive for the rest of the process (its memory goes back with the process).
    public static func forever(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
