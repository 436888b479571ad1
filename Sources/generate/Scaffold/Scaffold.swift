import CharterGenerator
import Foundation

/// The package `generate init` writes: every file as a path and its text, decided before anything touches the disk.
///
/// Layout for a package named `Orders` (`--server hummingbird --client`):
///
///     Package.swift, README.md, .gitignore
///     Releases/openapi-1.0.0.yaml          the released contract the contract test compares against
///     Sources/OrdersAPI/                   openapi.yaml + charter.yaml → OrdersAPIProtocol, OrdersClient (build plugin)
///     Sources/OrdersService/               the handlers, and the router (or Vapor `configure`) that serves them
///     Sources/OrdersServer/main.swift      the executable
///     Tests/OrdersTests/                   contract test and an end-to-end test against the running server
///
/// Roles pull only what they use: the API target needs CharterRuntime and swift-openapi-runtime; the server adds
/// its framework; the client is tested over URLSession (no AsyncHTTPClient, so no BoringSSL to build).
struct Scaffold {
    enum Server: String, CaseIterable {
        case hummingbird, vapor, none
    }

    /// How the package depends on Charter: a local checkout (SwiftPM names the package after its folder) or a URL.
    enum CharterSource {
        case path(String)
        case url(String, branch: String)

        /// The name `.product(name:package:)` needs: a path dependency is named after its last folder, a URL
        /// dependency after the URL's last component without `.git`.
        var packageName: String {
            switch self {
            case .path(let path): URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
            case .url(let url, _):
                String((url.split(separator: "/").last ?? "charter").replacingOccurrences(of: ".git", with: ""))
            }
        }

        var declaration: String {
            switch self {
            case .path(let path): ".package(path: \(SwiftNames.literal(path)))"
            case .url(let url, let branch): ".package(url: \(SwiftNames.literal(url)), branch: \(SwiftNames.literal(branch)))"
            }
        }
    }

    /// The package's name as given (`Orders`).
    var name: String
    /// The stem of target and type names (`Orders`; `OrdersAPI` gives `Orders` too, so nothing stutters).
    var stem: String
    var server: Server
    var client: Bool
    var charter: CharterSource

    var apiTarget: String { stem + "API" }
    var serviceTarget: String { stem + "Service" }
    var serverTarget: String { stem + "Server" }
    var testTarget: String { stem + "Tests" }
    var protocolName: String { stem + "APIProtocol" }
    var clientName: String { stem + "Client" }
    var serviceType: String { stem + "Service" }

    /// The generated parts: a package without a server or without a client does not compile what it never uses.
    var mode: [String] {
        ["models", "validators"] + (server == .none ? [] : ["server"]) + (client || server == .none ? ["client"] : [])
    }

    /// Every file, by path relative to the package folder.
    func files() -> [(path: String, text: String)] {
        var files: [(String, String)] = [
            ("Package.swift", packageManifest()),
            ("README.md", readme()),
            (".gitignore", ".build/\n.swiftpm/\n"),
            ("Sources/\(apiTarget)/openapi.yaml", StarterSpec.yaml(title: "\(name) API")),
            ("Releases/openapi-1.0.0.yaml", StarterSpec.yaml(title: "\(name) API")),
            ("Sources/\(apiTarget)/charter.yaml", charterConfig()),
            ("Sources/\(apiTarget)/\(apiTarget).swift", apiPlaceholder()),
            ("Tests/\(testTarget)/ContractTests.swift", contractTests()),
        ]
        if server != .none {
            files += [
                ("Sources/\(serviceTarget)/\(serviceType).swift", service()),
                ("Sources/\(serverTarget)/main.swift", serverMain()),
                ("Tests/\(testTarget)/EndToEndTests.swift", endToEndTests()),
            ]
        }
        return files
    }
}
