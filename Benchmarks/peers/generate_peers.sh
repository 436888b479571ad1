#!/usr/bin/env bash
# Generation side by side: Charter (every part) against swift-openapi-generator 1.14.3 (types, client, server),
# both release builds, on the same unmodified specs. Prints a markdown table: wall time and peak memory from
# /usr/bin/time, and the ratio. Usage: Benchmarks/peers/generate_peers.sh [corpus]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$here/.."
corpus="${1:-$root/../shared/corpus}"
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || { echo "charter build failed"; exit 2; }
swift build -c release --package-path "$here" --product swift-openapi-generator >/dev/null 2>&1 || { echo "swift-openapi-generator build failed"; exit 2; }
charter="$root/.build/release/generate"
peer="$here/.build/release/swift-openapi-generator"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
measure() { # prints "seconds kilobytes exit"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1
    local status=$?
    echo "$(cat "$work/time" | tail -1) $status"
}
echo "| spec | Charter | peak | swift-openapi-generator | peak | time ratio | memory ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for spec in stripe/spec3.v524.yaml openai/openapi.yaml box/openapi-v2025.0.json; do
    rm -rf "$work/c" "$work/p"; mkdir -p "$work/p"
    read -r ct cm cs <<<"$(measure "$charter" "$corpus/$spec" --output "$work/c")"
    read -r pt pm ps <<<"$(measure "$peer" generate --mode types --mode client --mode server --output-directory "$work/p" "$corpus/$spec")"
    if [ "$ps" != 0 ]; then
        reason="$(grep -m1 "^Error: " "$work/out" | sed 's/^Error: .*: error: //' | cut -c1-160)"
        echo "| $spec | ${ct} s | $((cm / 1024)) MB | failed (exit $ps): ${reason} | | | |"
    else
        echo "| $spec | ${ct} s | $((cm / 1024)) MB | ${pt} s | $((pm / 1024)) MB | $(python3 -c "print(f'{$pt/$ct:.1f}× faster')") | $(python3 -c "print(f'{$pm/$cm:.1f}× less')") |"
    fi
done
