#!/usr/bin/env bash
# Builds the benchmark package in release mode and prints the load and validation tables (markdown).
# Usage: Benchmarks/run.sh [path/to/shared/corpus]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../shared/corpus}"
# SwiftPM can miss new files of a path dependency in an existing build plan: drop the plan first.
rm -f "$here/.build/release/description.json"
swift build -c release --package-path "$here" 2>&1 | tail -1 >&2
"$here/.build/release/charter-bench" all "$corpus"
echo ""
# Generation peer: swift-openapi-generator 1.14.3, built in release in this package (about 2 minutes the first time).
"$here/peers/generate_peers.sh" "$corpus"

echo ""
# Validation peers (Python packages from PyPI, in a venv of their own): same schema, same payloads.
if python3 -m venv "$here/.venv" >/dev/null 2>&1 \
    && "$here/.venv/bin/pip" install -q jsonschema-rs fastjsonschema jsonschema pyyaml >/dev/null 2>&1; then
    "$here/.venv/bin/python" "$here/peers/validate_peers.py" "$here/.."
else
    echo "(validation peers skipped: could not install jsonschema-rs, fastjsonschema, jsonschema, pyyaml)"
fi
