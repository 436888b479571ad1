#!/usr/bin/env bash
# Builds the fuzzer (libFuzzer + AddressSanitizer) and runs it over a seed corpus made from Specs/ and the
# smaller specs of ../shared/corpus. Crashes, leaks and timeouts land in Fuzz/artifacts/ (each becomes a
# regression test in Tests/CharterValidationTests/FuzzRegressionTests.swift).
# Usage: Fuzz/run.sh [seconds=600] [extra libFuzzer flags…]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-600}"
shift || true
swift build --package-path "$here" --scratch-path "$here/.build-fuzz" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product charter-fuzz 2>&1 | tail -1
seeds="$here/.corpus"
mkdir -p "$seeds" "$here/artifacts"
cp "$here"/../Specs/*.yaml "$here"/../Tests/CharterSpecTests/Fixtures/fuzz/* "$here"/../Tests/CharterSpecTests/Fixtures/swagger2/*.yaml "$seeds"/ 2>/dev/null || true
if [ -d "$here/../../shared/corpus" ]; then
    # Real specs under 64 KB: big enough to teach the fuzzer the shapes, small enough to mutate quickly.
    find "$here/../../shared/corpus" -type f \( -name '*.yaml' -o -name '*.json' -o -name '*.yml' \) -size -64k \
        -exec cp {} "$seeds"/ \;
fi
"$here/.build-fuzz/debug/charter-fuzz" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$here/artifacts/" -print_final_stats=1 "$@"
