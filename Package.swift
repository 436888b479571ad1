// swift-tools-version: 6.0
import PackageDescription

let generatedModules = ["Airline", "MLPredict", "UsersV1", "UsersV2", "Pets", "Documents", "Streams", "Widgets", "PetsSwagger2", "Catalog"]

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CharterSpec", targets: ["CharterSpec"]),
        .library(name: "CharterRuntime", targets: ["CharterRuntime"]),
        .library(name: "CharterValidation", targets: ["CharterValidation"]),
        .library(name: "CharterGenerator", targets: ["CharterGenerator"]),
        .library(name: "CharterDiff", targets: ["CharterDiff"]),
        .library(name: "CharterContractTesting", targets: ["CharterContractTesting"]),
        .library(name: "CharterMock", targets: ["CharterMock"]),
        .library(name: "CharterDocs", targets: ["CharterDocs"]),
        .library(name: "CharterHummingbird", targets: ["CharterHummingbird"]),
        .executable(name: "generate", targets: ["generate"]),
        .plugin(name: "CharterBuildPlugin", targets: ["CharterBuildPlugin"]),
        .plugin(name: "CharterCommandPlugin", targets: ["CharterCommandPlugin"]),
        .executable(name: "airline-server", targets: ["airline-server"]),
        .executable(name: "ml-predict-server", targets: ["ml-predict-server"]),
        .executable(name: "users-v2-server", targets: ["users-v2-server"]),
        .executable(name: "documents-server", targets: ["documents-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The generated clients' default transport (never a dependency of the runtime itself).
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        // The example servers and the end-to-end tests host generated servers on Hummingbird.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        // Already Hummingbird's; named so the tests can stop servers by graceful shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Located YAML/JSON tree, OpenAPI 3.0/3.1 model, $ref resolution, diagnostics, lint.
        // What the spec layer and the runtime share: the ECMA-262 pattern engine (lint and validation decide alike).
        .target(name: "CharterBase"),
        .target(name: "CharterSpec", dependencies: ["CYAML", "CharterBase"]),
        // What generated code and users' servers import: JSON values, validation, error bodies, middlewares.
        .target(
            name: "CharterRuntime",
            dependencies: [
                "CharterBase",
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
        // Model × model → findings: breaking-change detection with a rule catalogue.
        .target(name: "CharterDiff", dependencies: ["CharterSpec", "CharterBase"]),
        // XCTest helpers over CharterDiff for contract tests in users' packages.
        .target(name: "CharterContractTesting", dependencies: ["CharterDiff", "CharterSpec"]),
        // A mock server for any spec (examples, synthesised values, every answer validated) on Hummingbird; what
        // `generate mock` runs and tests start on a free port.
        .target(
            name: "CharterMock",
            dependencies: [
                "CharterSpec", "CharterValidation", "CharterRuntime", "CharterHummingbird",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Model → a static reference site (HTML, CSS, script), offline; shares the generator's names and the mock's
        // values. Also the changes page of `generate diff --format html`, in the same style.
        .target(name: "CharterDocs", dependencies: ["CharterSpec", "CharterValidation", "CharterRuntime", "CharterGenerator", "CharterBase", "CharterDiff"]),
        // Model → Swift source.
        .target(name: "CharterGenerator", dependencies: ["CharterSpec", "CharterValidation", "CharterRuntime", "CharterBase"]),
        // The code-generation command and what every command shares (options, exit codes), for both tools below.
        .target(
            name: "CharterCommands",
            dependencies: ["CharterSpec", "CharterGenerator", "CharterBase", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The command-line tool: thin layer over the libraries.
        .executableTarget(
            name: "generate",
            dependencies: [
                "CharterCommands", "CharterSpec", "CharterValidation", "CharterRuntime", "CharterGenerator", "CharterDiff", "CharterMock", "CharterDocs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Code generation alone, what the plugins run: no HTTP server for packages that only generate.
        .executableTarget(name: "charter-codegen", dependencies: ["CharterCommands"]),
        // Generate at build time from a target's openapi.yaml (+ charter.yaml), or on demand into the source tree.
        .plugin(name: "CharterBuildPlugin", capability: .buildTool(), dependencies: ["charter-codegen"]),
        .plugin(
            name: "CharterCommandPlugin",
            capability: .command(
                intent: .custom(verb: "generate-code", description: "Write Swift generated from each target's openapi.yaml into <target>/Generated/"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift into the targets' Generated/ folders")]
            ),
            dependencies: ["charter-codegen"]
        ),
        // Hosting generated servers on Hummingbird: a ServerTransport answering small responses in one write.
        .target(
            name: "CharterHummingbird",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        // In-memory implementations of the sample specs' generated servers, and their executables.
        .target(
            name: "ExampleServers",
            dependencies: [
                "Airline", "MLPredict", "UsersV2", "Documents", "CharterRuntime", "CharterMock", "CharterHummingbird",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Examples/ExampleServers"
        ),
        .executableTarget(name: "airline-server", dependencies: ["ExampleServers", "Airline"], path: "Examples/airline-server"),
        .executableTarget(name: "ml-predict-server", dependencies: ["ExampleServers", "MLPredict"], path: "Examples/ml-predict-server"),
        .executableTarget(name: "users-v2-server", dependencies: ["ExampleServers", "UsersV2"], path: "Examples/users-v2-server"),
        .executableTarget(name: "documents-server", dependencies: ["ExampleServers", "Documents"], path: "Examples/documents-server"),
        // Test targets, one per module so a failing test names its module; helpers they share (paths, a real
        // Hummingbird server on an ephemeral port, HTTP calls) live in CharterTestSupport.
        .target(
            name: "CharterTestSupport",
            dependencies: [
                "CharterSpec", "CharterRuntime", "CharterValidation", "CharterMock",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/CharterTestSupport"
        ),
        // The located tree, the model, $ref resolution and diagnostics (fixtures for every module live here).
        .testTarget(name: "CharterSpecTests", dependencies: ["CharterSpec", "CharterTestSupport", "generate"], exclude: ["Fixtures"]),
        // JSON parsing, patterns, bodies (forms, multipart, streams), request reading, the tape decoder.
        .testTarget(
            name: "CharterRuntimeTests",
            dependencies: [
                "CharterRuntime", "CharterBase", "CharterTestSupport", "Airline", "MLPredict", "Pets", "UsersV1", "UsersV2",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Spec-driven validation: the JSON Schema suites, messages, parameters, middlewares over real servers.
        .testTarget(
            name: "CharterValidationTests",
            dependencies: [
                "CharterValidation", "CharterSpec", "CharterRuntime", "CharterTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        // Generated Swift: snapshots, file splitting, the corpus, and the generated sample modules themselves.
        .testTarget(
            name: "CharterGeneratorTests",
            dependencies: ["CharterGenerator", "CharterSpec", "CharterValidation", "CharterRuntime", "CharterTestSupport", "generate"]
                + generatedModules.map { .byName(name: $0) }
        ),
        // Generated servers and clients talking over real ports, and the `generate` command as a user runs it.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CharterRuntime", "CharterValidation", "CharterTestSupport", "ExampleServers", "CharterMock", "CharterHummingbird", "generate",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ] + generatedModules.map { .byName(name: $0) }
        ),
        // The mock server over real ports: every sample operation and status, examples, seeds, streams, the command.
        // The docs site: Markdown rendering, page contents, and the pages opened in headless Chromium.
        .testTarget(name: "CharterDocsTests", dependencies: ["CharterDocs", "CharterSpec", "CharterValidation", "CharterTestSupport", "generate"]),
        .testTarget(
            name: "CharterMockTests",
            dependencies: [
                "CharterMock", "CharterRuntime", "CharterValidation", "CharterTestSupport", "generate", "Airline", "Documents", "Streams",
                "Pets", "PetsSwagger2", "UsersV1", "UsersV2", "MLPredict", "Catalog", "Widgets",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // The receiver of the mock's callbacks.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        // Breaking-change detection on the sample specs and a fixture pair per rule (XCTest, as users' contract tests are).
        .testTarget(name: "ContractTests", dependencies: ["CharterDiff", "CharterContractTesting", "CharterSpec"]),
    ],
    swiftLanguageModes: [.v6]
)

// Generated code for every spec in Specs/ (see Generated/specs.txt), compiled with the package so a
// generator change that breaks the output breaks the build.
// Generated clients default to AsyncHTTPClient when it is a dependency (`#if canImport`).
for line in generatedModules {
    package.targets.append(.target(name: line, dependencies: [
        "CharterRuntime",
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
    ], path: "Generated/\(line)"))
}
