#!/usr/bin/env bash
# `generate init` as an adopter runs it: a new package per server framework, built and tested exactly as written,
# then the mistake of using both plugins on one target, which must fail with the fix named.
#   Scripts/scaffold-check.sh [scratch-path]    (default: .build-consumer, shared with the consumer fixture so the
#                                                packages both use — SwiftNIO, Hummingbird, Charter — build once)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="${1:-$root/.build-consumer}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build --product generate 2>&1 | tail -1
generate="$(swift build --show-bin-path)/generate"

echo "-- generate init Shop (Hummingbird, server only): swift test"
"$generate" init Shop --output "$work"
start=$(date +%s)
swift test --package-path "$work/Shop" --scratch-path "$scratch" 2>&1 | { grep -E "error:|Test Suite 'All tests'|Executed|tests? .*(passed|failed)" || true; } | tail -8
echo "   ($(( $(date +%s) - start )) s)"

echo "-- both plugins on one target: the build plugin refuses and names the fix"
swift package --package-path "$work/Shop" --scratch-path "$scratch" --allow-writing-to-package-directory generate-code --target ShopAPI 2>&1 | tail -1
grep -q "swift package --allow-writing-to-package-directory generate-code --target ShopAPI" "$work/Shop/Sources/ShopAPI/Generated/Server.swift"
if swift build --package-path "$work/Shop" --scratch-path "$scratch" > "$work/both.log" 2>&1; then
    echo "error: a target with the command plugin's Generated/ and the build plugin built" >&2
    exit 1
fi
grep -q "Generated/ already holds Charter's code" "$work/both.log" || { cat "$work/both.log" >&2; exit 1; }
echo "   refused: $(grep -o "Generated/ already holds Charter's code[^.]*" "$work/both.log" | head -1)"

echo "-- generate init Orders --server vapor --client (Vapor, client over URLSession): swift test"
"$generate" init Orders --server vapor --client --output "$work"
start=$(date +%s)
swift test --package-path "$work/Orders" --scratch-path "$scratch" 2>&1 | { grep -E "error:|Test Suite 'All tests'|Executed|tests? .*(passed|failed)" || true; } | tail -8
echo "   ($(( $(date +%s) - start )) s)"
