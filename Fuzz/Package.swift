// swift-tools-version: 6.0
// The libFuzzer target over the spec loader and model, as its own package so the sanitizer flags reach only
// the code under test (CYAML, CharterSpec, CharterRuntime, CharterValidation), never the main build.
// Build and run: see Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "CharterFuzz",
    dependencies: [.package(name: "Charter", path: ".."), .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0")],
    targets: [
        .executableTarget(
            name: "charter-fuzz",
            dependencies: [
                .product(name: "CharterSpec", package: "Charter"),
                .product(name: "CharterValidation", package: "Charter"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
