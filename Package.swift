// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CharterSpec", targets: ["CharterSpec"]),
        .executable(name: "generate", targets: ["generate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Located YAML/JSON tree, OpenAPI 3.0/3.1 model, $ref resolution, diagnostics, lint.
        .target(name: "CharterSpec", dependencies: ["CYAML"]),
        // The command-line tool: thin layer over the libraries.
        .executableTarget(
            name: "generate",
            dependencies: [
                "CharterSpec",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CharterSpecTests",
            dependencies: ["CharterSpec", "generate"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
