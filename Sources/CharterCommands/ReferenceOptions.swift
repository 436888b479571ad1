import ArgumentParser
import CharterSpec

/// Where a spec's `$ref`s may lead, shared by every command that loads one.
public struct ReferenceOptions: ParsableArguments {
    public init() {}

    @Flag(name: .customLong("allow-outside-refs"), help: "Allow $refs to files outside the spec's folder (a tree whose shared files sit beside it).")
    var allowOutsideRefs = false

    @Option(name: .customLong("map-url"), help: ArgumentHelp(
        "Read documents under a URL prefix from a local folder, as PREFIX=FOLDER (repeatable); Charter never fetches over the network.",
        valueName: "prefix=folder"))
    var mapURL: [String] = []

    public func validate() throws {
        for mapping in mapURL where !mapping.contains("=") {
            throw ValidationError("--map-url takes PREFIX=FOLDER, e.g. https://example.com/schemas/=vendor/schemas")
        }
    }

    /// The load options these flags describe.
    public var loadOptions: LoadOptions {
        var options = LoadOptions()
        options.allowRefsOutsideRoot = allowOutsideRefs
        options.urlMappings = mapURL.compactMap { mapping in
            guard let equals = mapping.firstIndex(of: "=") else { return nil }
            return (String(mapping[..<equals]), String(mapping[mapping.index(after: equals)...]))
        }
        return options
    }
}
