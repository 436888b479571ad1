// swift-tools-version: 6.0
// A separate package so benchmark-only code and peers' dependencies never enter the main build.
import PackageDescription

let package = Package(
    name: "CharterBenchmarks",
    dependencies: [
        .package(name: "Charter", path: ".."),
        // The peer for generation timings (built on demand by run.sh: `--product swift-openapi-generator`;
        // no target here depends on it, so a plain `swift build` does not build it).
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: [
        // The baseline: libyaml's event loop over the same bytes, doing nothing with the events.
        .target(name: "CYAMLLoop", linkerSettings: [.linkedLibrary("yaml")]),
        .executableTarget(
            name: "charter-bench",
            dependencies: [
                "CYAMLLoop",
                .product(name: "CharterSpec", package: "Charter"),
                .product(name: "CharterRuntime", package: "Charter"),
                .product(name: "CharterValidation", package: "Charter"),
                .product(name: "CharterDiff", package: "Charter"),
                .product(name: "CharterGenerator", package: "Charter"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
