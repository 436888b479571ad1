import Foundation
import CharterTestSupport
import Testing

/// `generate init`: what it writes and what it refuses. Building and testing the package it writes is `.ci/run`'s
/// (Scripts/scaffold-check.sh), since that takes minutes.
@Suite("generate init")
struct InitCommandTests {
    @Test func writesAPackageWhoseTargetsAndDependenciesFitItsRole() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try runGenerate(["init", "OrdersAPI", "--server", "vapor", "--client", "--output", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        // A name ending in API does not stutter: targets and types use the stem.
        let root = dir.appendingPathComponent("OrdersAPI")
        func read(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        let manifest = try read("Package.swift")
        // SwiftPM names a path dependency after its folder: the manifest uses that name, not "charter".
        #expect(manifest.contains("let charter = \"\(TestPaths.packageRoot.standardizedFileURL.lastPathComponent)\""))
        #expect(manifest.contains(".package(path: \"\(TestPaths.packageRoot.standardizedFileURL.path)\")"))
        #expect(manifest.contains("name: \"OrdersAPI\",") && manifest.contains("name: \"OrdersService\""))
        #expect(manifest.contains("swift-openapi-vapor") && manifest.contains("swift-openapi-urlsession"))
        // Roles pull only what they use: no AsyncHTTPClient (and its BoringSSL) and no Hummingbird here.
        #expect(!manifest.contains("async-http-client") && !manifest.contains("hummingbird"))
        // The API target has a Swift file (SwiftPM drops a target without one before the plugin runs).
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/OrdersAPI/OrdersAPI.swift").path))
        #expect(try read("Sources/OrdersAPI/charter.yaml").contains("mode: [models, validators, server, client]"))
        #expect(try read("Sources/OrdersService/OrdersService.swift").contains("public struct OrdersService: OrdersAPIProtocol {"))
        #expect(try read("Tests/OrdersTests/EndToEndTests.swift").contains("OrdersClient(serverURL: url, transport: URLSessionTransport()"))
        // The starter spec is clean, and is the released one.
        #expect(try runGenerate(["lint", root.appendingPathComponent("Sources/OrdersAPI/openapi.yaml").path]).status == 0)
        let diff = try runGenerate(["diff", root.appendingPathComponent("Releases/openapi-1.0.0.yaml").path,
                                             root.appendingPathComponent("Sources/OrdersAPI/openapi.yaml").path])
        #expect(diff.status == 0, "\(diff.stdout)")

        // Server only: no client is generated or tested, and nothing of URLSession's transport is pulled in.
        #expect(try runGenerate(["init", "Shop", "--output", dir.path]).status == 0)
        let shop = try String(contentsOf: dir.appendingPathComponent("Shop/Package.swift"), encoding: .utf8)
        #expect(shop.contains("hummingbird") && !shop.contains("urlsession") && !shop.contains("async-http-client") && !shop.contains("vapor"))
        #expect(try String(contentsOf: dir.appendingPathComponent("Shop/Sources/ShopAPI/charter.yaml"), encoding: .utf8)
            .contains("mode: [models, validators, server]"))
    }

    @Test func refusesWhatItCannotDoWithoutTouchingTheDisk() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let badName = try runGenerate(["init", "my-api", "--output", dir.path])
        #expect(badName.status == 2 && badName.stderr.contains("the name must be a Swift identifier"))
        let badServer = try runGenerate(["init", "Orders", "--server", "express", "--output", dir.path])
        #expect(badServer.status == 2 && badServer.stderr.contains("--server must be hummingbird, vapor or none"))
        #expect(try runGenerate(["init", "Orders", "--server", "none", "--output", dir.path]).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // An existing, non-empty folder is never written into.
        let existing = dir.appendingPathComponent("Orders")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        try "mine\n".write(to: existing.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try runGenerate(["init", "Orders", "--output", dir.path])
        #expect(refused.status == 1 && refused.stderr.contains("already exists and is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.path) == ["notes.txt"])
        // A --charter folder without a package is refused with the fix.
        let noCharter = try runGenerate(["init", "Other", "--output", dir.path, "--charter", dir.path])
        #expect(noCharter.status == 1 && noCharter.stderr.contains("holds no Package.swift; pass --charter"))
        // A URL is used as given, with its last component as the package name.
        #expect(try runGenerate(["init", "Remote", "--output", dir.path, "--charter", "https://example.com/acme/charter-tools.git"]).status == 0)
        let remote = try String(contentsOf: dir.appendingPathComponent("Remote/Package.swift"), encoding: .utf8)
        #expect(remote.contains(#".package(url: "https://example.com/acme/charter-tools.git", branch: "main")"#))
        #expect(remote.contains(#"let charter = "charter-tools""#))
    }
}
