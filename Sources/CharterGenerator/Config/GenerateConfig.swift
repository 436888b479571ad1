import CharterSpec
import Foundation

/// `charter.yaml`: generator options kept beside a project instead of on the command line.
///
///     module-name: Airline          # names the API: AirlineAPIProtocol, AirlineClient
///     mode: [models, server]        # or "models,server"; default: everything
///     access: internal              # public (default) or internal
///     equality: equatable           # hashable (default), equatable or none
///     type-names:                   # component schema → Swift type name
///       BookingRequest: NewBooking
///     operations:                   # operationIds to generate (include) or leave out (exclude)
///       exclude: [listSeats]
///
/// Unknown keys and wrong shapes are located errors, so a typo never silently changes the output.
public struct GenerateConfig: Sendable {
    public var moduleName: String?
    public var parts: Set<GeneratedPart>?
    public var access: String?
    public var equality: GeneratedEquality?
    public var typeNames: [String: String] = [:]
    public var includedOperations: Set<String>?
    public var excludedOperations: Set<String> = []

    public init() {}

    /// `models,server` → the parts; an unknown name throws a message naming the valid ones.
    public static func parts(_ list: String) throws(ConfigError) -> Set<GeneratedPart> {
        try parts(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    static func parts(_ names: [String]) throws(ConfigError) -> Set<GeneratedPart> {
        var result: Set<GeneratedPart> = []
        for name in names {
            guard let part = GeneratedPart(rawValue: name) else {
                throw ConfigError("unknown mode '\(name)'; use \(GeneratedPart.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(part)
        }
        return result
    }

    public struct ConfigError: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads a config file; errors carry the file, line and column.
    public static func load(path: String) -> (config: GenerateConfig?, diagnostics: [Diagnostic]) {
        let (tree, readDiagnostics) = SpecFileReader.read(path: path)
        guard let root = tree?.root else {
            return (nil, readDiagnostics.isEmpty ? [Diagnostic(.error, "empty config file", at: SourceLocation(file: path, line: 1, column: 1))] : readDiagnostics)
        }
        var diagnostics = readDiagnostics
        var config = GenerateConfig()
        func error(_ message: String, _ node: Node) { diagnostics.append(Diagnostic(.error, message, at: node.location)) }
        func strings(_ node: Node) -> [String]? {
            if let s = node.string { return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            guard node.kind == .sequence else { return nil }
            let values = node.elements.compactMap(\.string)
            return values.count == node.elements.count ? values : nil
        }
        guard root.kind == .mapping else {
            error("a config file is a mapping of options (module-name, mode, access, equality, type-names, operations)", root)
            return (nil, diagnostics)
        }
        for entry in root.entries {
            let value = entry.value
            switch entry.key {
            case "module-name":
                if let s = value.string, !s.isEmpty { config.moduleName = s } else { error("module-name must be a string", value) }
            case "access":
                if let s = value.string, s == "public" || s == "internal" { config.access = s } else { error("access must be public or internal", value) }
            case "equality":
                if let s = value.string, let equality = GeneratedEquality(rawValue: s) { config.equality = equality } else {
                    error("equality must be one of \(GeneratedEquality.choices)", value)
                }
            case "mode":
                guard let names = strings(value) else { error("mode must be a list such as [models, server]", value); continue }
                do { config.parts = try parts(names) } catch { diagnostics.append(Diagnostic(.error, error.description, at: value.location)) }
            case "type-names":
                guard value.kind == .mapping else { error("type-names maps component names to Swift type names", value); continue }
                for e in value.entries {
                    guard let name = e.value.string, SwiftNames.typeName(name) == name else {
                        error("'\(e.key)': the Swift type name must be an identifier starting with a capital letter", e.value)
                        continue
                    }
                    config.typeNames[e.key] = name
                }
            case "operations":
                guard value.kind == .mapping else { error("operations has include and/or exclude lists of operationIds", value); continue }
                for e in value.entries {
                    guard let ids = strings(e.value) else { error("\(e.key) must be a list of operationIds", e.value); continue }
                    switch e.key {
                    case "include": config.includedOperations = Set(ids)
                    case "exclude": config.excludedOperations = Set(ids)
                    default: error("unknown key '\(e.key)' in operations; use include or exclude", e.keyNode)
                    }
                }
            default:
                error("unknown option '\(entry.key)'; use module-name, mode, access, equality, type-names or operations", entry.keyNode)
            }
        }
        return diagnostics.contains { $0.severity == .error } ? (nil, diagnostics) : (config, diagnostics)
    }

    public func apply(to options: inout GeneratorOptions) {
        if let moduleName { options.moduleName = moduleName }
        if let parts { options.parts = parts }
        if let access { options.access = access }
        if let equality { options.equality = equality }
        options.typeNames = typeNames
        options.includedOperations = includedOperations
        options.excludedOperations = excludedOperations
    }
}
