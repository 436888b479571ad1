import CharterCommands
import ArgumentParser
import CharterGenerator
import Foundation

/// `generate init <Name>`: a new package that builds, serves and passes its tests as written.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a package with a starter spec, a server implementing it, and tests.",
        discussion: """
        Writes <Name>/ with: a starter openapi.yaml in <Name>API (generated into Swift at build time by the Charter build plugin), <Name>Service (the handlers) and <Name>Server (the executable) on Hummingbird or Vapor, and <Name>Tests: a contract test against the released spec in Releases/, and an end-to-end test that runs the server on a free port and calls it (through the generated client over URLSession with --client). `swift test` passes in the new package as written.

        Examples:
          swift run generate init Orders
          swift run generate init Orders --server vapor --client --output ~/src
          swift run generate init Payments --server none --client --charter https://github.com/you/charter
        """
    )

    @Argument(help: "The package's name, a Swift identifier (Orders). Targets are <Name>API, <Name>Service, <Name>Server, <Name>Tests.")
    var name: String

    @Option(help: "The server framework: hummingbird, vapor, or none (a client package).")
    var server: String = "hummingbird"

    @Flag(help: "Generate the client too, and test the server through it (URLSessionTransport).")
    var client = false

    @Option(name: .shortAndLong, help: "The folder the package folder is created in.")
    var output: String = "."

    @Option(help: "Charter as the package depends on it: a local folder (default: the checkout this tool was built from) or a git URL.")
    var charter: String?

    @Option(help: "The branch of --charter when it is a URL.")
    var charterBranch: String = "main"

    func validate() throws {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) else {
            throw ValidationError("the name must be a Swift identifier of ASCII letters, digits and _, starting with a letter (Orders)")
        }
        guard Scaffold.Server(rawValue: server) != nil else {
            throw ValidationError("--server must be hummingbird, vapor or none")
        }
        if server == "none" && !client { throw ValidationError("--server none makes a client package: add --client") }
    }

    func run() throws {
        let source: Scaffold.CharterSource
        if let charter, charter.contains("://") || charter.hasPrefix("git@") {
            source = .url(charter, branch: charterBranch)
        } else {
            let folder = charter.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? Self.builtFromCheckout
            guard FileManager.default.fileExists(atPath: folder + "/Package.swift") else {
                printToStandardError("error: \(folder) holds no Package.swift; pass --charter <Charter's folder or git URL>")
                throw ExitCode(1)
            }
            source = .path(folder)
        }
        let base = SwiftNames.apiBaseName(name)
        let stem = base.isEmpty ? name : base
        let scaffold = Scaffold(name: name, stem: stem, server: Scaffold.Server(rawValue: server) ?? .hummingbird,
                                client: client, charter: source)
        let root = URL(fileURLWithPath: output).appendingPathComponent(name).standardizedFileURL
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            printToStandardError("error: \(root.path) already exists and is not empty; choose another name or --output")
            throw ExitCode(1)
        }
        let files = scaffold.files()
        do {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            printToStandardError("error: cannot write \(root.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("Created \(root.path) (\(files.count) files). Next:")
        print("  cd \(root.path)")
        if scaffold.server != .none {
            print("  swift run \(scaffold.serverTarget)\(scaffold.server == .vapor ? " serve" : "")   (serves the API on 127.0.0.1:8080)")
        }
        print("  swift test   (the contract test\(scaffold.server != .none ? " and an end-to-end test on a real port" : ""))")
    }

    /// The Charter checkout this tool was compiled from (`Sources/generate/Init.swift` is three levels down).
    static var builtFromCheckout: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
