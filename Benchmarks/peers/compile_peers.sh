#!/usr/bin/env bash
# Compile time of generated code: Charter's output (every part) against swift-openapi-generator 1.14.3's
# (types, client, server) for the same spec, each as one target in a scratch package, debug build. Dependencies
# are built first and not timed; then the target's own build is removed and timed. Peak memory is the largest
# compiler process (/usr/bin/time's maximum resident set size over children).
# Usage: Benchmarks/peers/compile_peers.sh [spec-in-corpus] [corpus]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
spec="${1:-box/openapi-v2025.0.json}"
corpus="${2:-$root/../shared/corpus}"
work="${TMPDIR:-/tmp}/charter-compile-peers"
rm -rf "$work"; mkdir -p "$work/charter/Sources/Gen" "$work/peer/Sources/Gen"
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || exit 2
swift build -c release --package-path "$here" --product swift-openapi-generator >/dev/null 2>&1 || exit 2
"$root/.build/release/generate" "$corpus/$spec" --output "$work/charter/Sources/Gen" --module-name Gen >/dev/null 2>&1 || { echo "charter generate failed"; exit 2; }
"$here/.build/release/swift-openapi-generator" generate --mode types --mode client --mode server \
    --output-directory "$work/peer/Sources/Gen" "$corpus/$spec" >/dev/null 2>&1 || { echo "peer generate failed"; exit 2; }
cat > "$work/charter/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "CharterCompile", platforms: [.macOS(.v14)], dependencies: [
    .package(path: "$root"), .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
], targets: [.target(name: "Gen", dependencies: [
    .product(name: "CharterRuntime", package: "$(basename "$root")"), .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
])])
MANIFEST
cat > "$work/peer/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "PeerCompile", platforms: [.macOS(.v14)], dependencies: [
    .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
], targets: [.target(name: "Gen", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])])
MANIFEST
row() { # name folder
    swift build --package-path "$2" >/dev/null 2>&1 || { echo "| $1 | build failed | | |"; return; }
    rm -rf "$2/.build/debug/Gen.build" "$2/.build/debug/Modules/Gen.swiftmodule"
    /usr/bin/time -f "%e %M" -o "$work/time" swift build --package-path "$2" --target Gen >/dev/null 2>&1
    read -r seconds kb < "$work/time"
    local lines; lines=$(cat "$2"/Sources/Gen/*.swift | wc -l)
    echo "| $1 | ${seconds} s | $((kb / 1024)) MB | ${lines} |"
}
echo "| $spec, debug build of the generated target | time | peak compiler memory | lines of Swift |"
echo "| --- | ---: | ---: | ---: |"
row "Charter (models, validators, server, client)" "$work/charter"
row "swift-openapi-generator (types, client, server)" "$work/peer"
