# Shared by the compile benchmarks (compile_peers.sh, compile_variants.sh): a scratch package whose one target `Gen`
# holds Charter's output, and the compiler driver command SwiftPM runs for that target, timed by hand (timing
# `swift build` itself proved unreliable: after deleting the target's outputs llbuild sometimes rebuilds nothing and
# sometimes re-runs the dependencies' drivers too). The caller sets root (this repository).
charter_manifest() { # charter_manifest <folder>: Package.swift for generated code that imports CharterRuntime
    cat > "$1/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "CharterCompile", platforms: [.macOS(.v14)], dependencies: [
    .package(path: "$root"), .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
], targets: [.target(name: "Gen", dependencies: [
    .product(name: "CharterRuntime", package: "$(basename "$root")"), .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
])])
MANIFEST
}
prepare() { # prepare <folder>: builds everything once, keeping the target's driver command in folder/compile-command
    swift build --package-path "$1" -v > "$1/build.log" 2>&1 || return 1
    grep -e '-module-name Gen ' "$1/build.log" | head -1 \
        | sed 's/ -parseable-output//; s/ -incremental//g; s/ -v / /' > "$1/compile-command"
    [ -s "$1/compile-command" ]
}
compile_target() { # compile_target <folder> <time-format> <time-file>: the target rebuilt from scratch under /usr/bin/time
    rm -rf "$1"/.build/debug/Gen.build/*.o "$1/.build/debug/Modules/Gen.swiftmodule"
    (cd "$1" && /usr/bin/time -f "$2" -o "$3" bash -c "$(cat compile-command)" > "$1/compile.log" 2>&1)
}
