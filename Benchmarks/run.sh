#!/usr/bin/env bash
# Builds the benchmark package in release mode and prints the load table (markdown).
# Usage: Benchmarks/run.sh [path/to/shared/corpus]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../shared/corpus}"
swift build -c release --package-path "$here" 2>&1 | tail -1 >&2
"$here/.build/release/charter-bench" "$corpus"
