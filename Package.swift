// swift-tools-version: 6.0
import PackageDescription

let generatedModules = ["Airline", "MLPredict", "UsersV1", "UsersV2", "Pets"]

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CharterSpec", targets: ["CharterSpec"]),
        .library(name: "CharterRuntime", targets: ["CharterRuntime"]),
        .library(name: "CharterValidation", targets: ["CharterValidation"]),
        .library(name: "CharterGenerator", targets: ["CharterGenerator"]),
        .executable(name: "generate", targets: ["generate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Tests only: a real server for the runtime's end-to-end tests.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
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
        // What generated code and users' servers import: JSON values, validation, error bodies, middlewares.
        .target(
            name: "CharterRuntime",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Spec-driven validation: compiles a loaded document into the runtime's schemas and contracts.
        .target(
            name: "CharterValidation",
            dependencies: ["CharterSpec", "CharterRuntime", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        // Model → Swift source.
        .target(name: "CharterGenerator", dependencies: ["CharterSpec", "CharterValidation", "CharterRuntime"]),
        // The command-line tool: thin layer over the libraries.
        .executableTarget(
            name: "generate",
            dependencies: [
                "CharterSpec", "CharterValidation", "CharterRuntime", "CharterGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CharterSpecTests",
            dependencies: [
                "CharterSpec", "CharterValidation", "CharterRuntime", "CharterGenerator", "generate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ] + generatedModules.map { .byName(name: $0) },
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Generated code for every spec in Specs/ (see Generated/specs.txt), compiled with the package so a
// generator change that breaks the output breaks the build.
for line in generatedModules {
    package.targets.append(.target(name: line, dependencies: ["CharterRuntime"], path: "Generated/\(line)"))
}
