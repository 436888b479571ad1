// swift-tools-version: 6.0
// A package as a Charter user writes one: a target holding openapi.yaml and charter.yaml, generated at build time
// by the Charter build plugin, hosted on Hummingbird and called through the generated client in a test.
import Foundation
import PackageDescription

// Charter is this repository, three folders up. SwiftPM names a path dependency after its folder, which differs
// between clones (`main`, `charter`, a CI checkout), so the name is read from the path instead of written here.
let charterPath = "../../.."
let charter = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent(charterPath).standardizedFileURL.lastPathComponent

let package = Package(
    name: "ConsumerPackage",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: charterPath),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "PetStore",
            dependencies: [
                .product(name: "CharterRuntime", package: charter),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ],
            plugins: [.plugin(name: "CharterBuildPlugin", package: charter)]
        ),
        .testTarget(
            name: "PetStoreTests",
            dependencies: [
                "PetStore",
                .product(name: "CharterRuntime", package: charter),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
