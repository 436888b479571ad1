#!/usr/bin/env bash
# Compile time of generated code: Charter's output (every part) against swift-openapi-generator 1.14.3's
# (types, client, server) for the same spec, each as one target in a scratch package, debug build. Dependencies
# are built first and not timed; then the compiler driver command for the target is timed on its own (below, why).
# Peak memory is the largest compiler process (/usr/bin/time's maximum resident set size over children).
# Usage: [ROUNDS=n] Benchmarks/peers/compile_peers.sh [spec-in-corpus] [corpus]   (3 rounds unless told; Stripe's
# peer build takes minutes a round, so one round is the practical choice there)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
spec="${1:-box/openapi-v2025.0.json}"
corpus="${2:-$root/../shared/corpus}"
work="${TMPDIR:-/tmp}/charter-compile-peers"
rounds="${ROUNDS:-3}"
rm -rf "$work"; mkdir -p "$work/charter/Sources/Gen" "$work/peer/Sources/Gen"
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || exit 2
swift build -c release --package-path "$here" --product swift-openapi-generator >/dev/null 2>&1 || exit 2
"$root/.build/release/generate" "$corpus/$spec" --output "$work/charter/Sources/Gen" --module-name Gen >/dev/null 2>&1 || { echo "charter generate failed"; exit 2; }
"$here/.build/release/swift-openapi-generator" generate --mode types --mode client --mode server \
    --output-directory "$work/peer/Sources/Gen" "$corpus/$spec" >/dev/null 2>&1 || { echo "peer generate failed"; exit 2; }
source "$here/peers/compile_lib.sh"
charter_manifest "$work/charter"
cat > "$work/peer/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "PeerCompile", platforms: [.macOS(.v14)], dependencies: [
    .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
], targets: [.target(name: "Gen", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])])
MANIFEST
# Charter and the peer alternate, 3 rounds.
compile_once() { # folder → "seconds kilobytes"
    compile_target "$1" "%e %M" "$work/time" || { echo "failed"; return; }
    cat "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| $spec, debug build of the generated target | time (median of $rounds) | peak compiler memory | lines of Swift | files |"
echo "| --- | ---: | ---: | ---: | ---: |"
ok_c=1; ok_p=1
prepare "$work/charter" || ok_c=0
prepare "$work/peer" || ok_p=0
: > "$work/charter.times"; : > "$work/peer.times"
for round in $(seq 1 "$rounds"); do
    [ $ok_c = 1 ] && compile_once "$work/charter" >> "$work/charter.times"
    [ $ok_p = 1 ] && compile_once "$work/peer" >> "$work/peer.times"
done
row() { # name folder ok
    local lines files; lines=$(cat "$2"/Sources/Gen/*.swift | wc -l); files=$(ls "$2"/Sources/Gen/*.swift | wc -l)
    if [ "$3" != 1 ] || grep -q failed "$2.times"; then echo "| $1 | build failed | | $lines | $files |"; return; fi
    local seconds kb; seconds=$(cut -d' ' -f1 "$2.times" | median); kb=$(cut -d' ' -f2 "$2.times" | sort -n | tail -1)
    echo "| $1 | ${seconds} s | $((kb / 1024)) MB | ${lines} | ${files} |"
}
row "Charter (models, validators, server, client)" "$work/charter" $ok_c
row "swift-openapi-generator (types, client, server)" "$work/peer" $ok_p
