#!/usr/bin/env bash
# `generate init` as an adopter runs it: a new package per server framework, built and tested exactly as written,
# then the mistake of using both plugins on one target, which must fail with the fix named.
#   Scripts/scaffold-check.sh [scratch-path]    (default: .build-consumer; CI passes this package's own .build, which
#                                                the consumer fixture shares too, so SwiftNIO, Hummingbird and
#                                                Charter build once for all three)
# The Vapor and the client-only packages build in scratch folders of their own (.build-vapor, .build-client): sharing
# the fixture's failed for both ("missing required module '_NumericsShims'"), as SwiftPM's build folder is not made
# for root packages with different dependency graphs (the client package fails on this package's .build as well); the
# Hummingbird server package, a subset of the graph, shares it and builds in under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="${1:-$root/.build-consumer}"
# Which packages: all (default), hummingbird (Shop, Payments, the two-plugin refusal) or vapor (Orders), so CI can
# build the Vapor package, the slowest, beside stages that leave cores idle.
part="${2:-all}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build --product generate 2>&1 | tail -1
generate="$(swift build --show-bin-path)/generate"

if [ "$part" != vapor ]; then
echo "-- generate init Shop (Hummingbird, server only): swift test"
"$generate" init Shop --output "$work"
start=$(date +%s)
swift test --package-path "$work/Shop" --scratch-path "$scratch" 2>&1 | { grep -E "error:|Test Suite 'All tests'|Executed|tests? .*(passed|failed)" || true; } | tail -8
echo "   ($(( $(date +%s) - start )) s)"

echo "-- generate init Payments --server none --client (a client package): swift test"
"$generate" init Payments --server none --client --output "$work"
start=$(date +%s)
swift test --package-path "$work/Payments" --scratch-path "$root/.build-client" 2>&1 | { grep -E "error:|Executed|tests? .*(passed|failed)" || true; } | tail -4
echo "   ($(( $(date +%s) - start )) s)"

echo "-- both plugins on one target: the build plugin refuses and names the fix"
swift package --package-path "$work/Shop" --scratch-path "$scratch" --allow-writing-to-package-directory generate-code --target ShopAPI 2>&1 | tail -1
grep -q "swift package --allow-writing-to-package-directory generate-code --target ShopAPI" "$work/Shop/Sources/ShopAPI/Generated/Server.swift"
if swift build --package-path "$work/Shop" --scratch-path "$scratch" > "$work/both.log" 2>&1; then
    echo "error: a target with the command plugin's Generated/ and the build plugin built" >&2
    exit 1
fi
grep -q "Generated/ already holds Charter's code" "$work/both.log" || { cat "$work/both.log" >&2; exit 1; }
echo "   refused: $(grep -m1 -o "error: ShopAPI: Generated/ already holds Charter's code.*" "$work/both.log" | cut -c1-150)…"

fi

if [ "$part" != hummingbird ]; then
echo "-- generate init Orders --server vapor --client (Vapor, client over URLSession): swift test"
"$generate" init Orders --server vapor --client --output "$work"
start=$(date +%s)
swift test --package-path "$work/Orders" --scratch-path "$root/.build-vapor" 2>&1 | { grep -E "error:|Test Suite 'All tests'|Executed|tests? .*(passed|failed)" || true; } | tail -8
echo "   ($(( $(date +%s) - start )) s)"
fi
