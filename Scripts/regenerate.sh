#!/usr/bin/env bash
# Regenerates every Generated/<Module> from its spec (Generated/specs.txt), as .ci/check-generated expects.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product generate 2>&1 | tail -1
while read -r spec module; do
    case "$spec" in ''|\#*) continue ;; esac
    .build/debug/generate "$spec" --output "Generated/$module"
done < Generated/specs.txt
