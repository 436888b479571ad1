#!/usr/bin/env bash
# What the generated module's conformances cost the compiler: Charter's output for one spec compiled as generated,
# then with its equality conformances edited out or down, each a debug build of the target alone (the driver command
# SwiftPM runs, timed by hand as compile_peers.sh does). The edits are made to the generated text, so a variant that
# would need generator support can be measured before anyone builds it. Not part of run.sh (Stripe takes ~2 minutes
# a variant).
# Usage: Benchmarks/peers/compile_variants.sh [spec-in-corpus] [corpus]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
spec="${1:-box/openapi-v2025.0.json}"
corpus="${2:-$root/../shared/corpus}"
work="${TMPDIR:-/tmp}/charter-compile-variants"
rm -rf "$work"; mkdir -p "$work/charter/Sources/Gen" "$work/generated"
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || exit 2
"$root/.build/release/generate" "$corpus/$spec" --output "$work/generated" --module-name Gen >/dev/null 2>&1 || { echo "generate failed"; exit 2; }
cp "$work"/generated/*.swift "$work/charter/Sources/Gen/"
source "$here/peers/compile_lib.sh"
charter_manifest "$work/charter"
prepare "$work/charter" || { echo "the generated module does not build"; exit 1; }

# name | sed program applied to every generated file (the file set stays the same, so the driver command does too)
variants=(
    "as generated|"
    "operations' Input / Output without Hashable (models keep it)|s/^( *public (struct Input|enum Output)): Sendable, Hashable \\{/\\1: Sendable {/"
    "Equatable instead of Hashable everywhere|s/, Hashable/, Equatable/; s/: Sendable, Hashable \\{/: Sendable, Equatable {/"
    "no Hashable or Equatable at all|s/, Hashable//; s/: Sendable, Hashable \\{/: Sendable {/"
)
echo "| $spec, debug build of the generated target | wall | CPU (user + system) | peak compiler memory | Hashable / Equatable declarations |"
echo "| --- | ---: | ---: | ---: | ---: |"
for variant in "${variants[@]}"; do
    name="${variant%%|*}"; program="${variant#*|}"
    cp "$work"/generated/*.swift "$work/charter/Sources/Gen/"
    [ -n "$program" ] && sed -i -E "$program" "$work"/charter/Sources/Gen/*.swift
    count=$(cat "$work"/charter/Sources/Gen/*.swift | grep -cE '^ *(public |internal )?(indirect )?(struct|enum) .*(Hashable|Equatable)')
    if compile_target "$work/charter" "%e %U %S %M" "$work/time"; then
        read -r wall user system kb < "$work/time"
        echo "| $name | ${wall} s | $(awk "BEGIN { print $user + $system }") s | $((kb / 1024)) MB | $count |"
    else
        echo "| $name | build failed ($(grep -c 'error:' "$work/charter/compile.log") errors) | | | $count |"
    fi
done
