#!/usr/bin/env bash
# Lint + generate for every spec of ../shared/corpus with the release build, each under a timeout and a memory
# cap: per spec the exit statuses, the diagnostics count, time and peak memory. A crash (signal), a timeout or
# an exit status other than 0/1 is a failure: bad input must end in diagnostics and exit 1, never anything else.
# Usage: Scripts/corpus-sweep.sh [corpus] [seconds-per-spec=60] [release|debug]   (CI: debug, when ../shared exists)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/corpus}"
limit="${2:-60}"
configuration="${3:-release}"
swift build -c "$configuration" --package-path "$here" --product generate >/dev/null 2>&1 || { echo "generator build failed"; exit 2; }
generate="$(swift build -c "$configuration" --package-path "$here" --show-bin-path)/generate"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
worst_kb=0; worst_spec=""
echo "| spec | lint exit | diagnostics | lint s | generate exit | generate s | peak MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
while read -r file; do
    # 4 GB of address space at most per run: a runaway allocation is a failure, not a swapped machine.
    /usr/bin/time -f "%e %M" -o "$work/lt" timeout "$limit" bash -c 'ulimit -v 4194304; exec "$0" lint "$1"' \
        "$generate" "$corpus/$file" >"$work/lint.out" 2>&1
    lint=$?
    diagnostics=$(grep -cE ": (error|warning|note): " "$work/lint.out")
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/gt" timeout "$limit" bash -c 'ulimit -v 4194304; exec "$0" "$1" --output "$2"' \
        "$generate" "$corpus/$file" "$work/out" >"$work/gen.out" 2>&1
    gen=$?
    read -r ls lkb < <(tail -1 "$work/lt"); read -r gs gkb < <(tail -1 "$work/gt")
    kb=$(( lkb > gkb ? lkb : gkb ))
    if [ "$kb" -gt "$worst_kb" ]; then worst_kb=$kb; worst_spec=$file; fi
    mark=""
    for status in $lint $gen; do
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then mark=" ⚠"; fi
    done
    [ -n "$mark" ] && failures=$((failures + 1))
    echo "| $file$mark | $lint | $diagnostics | $ls | $gen | $gs | $((kb / 1024)) |"
done < <(python3 -c "import json; [print(json.loads(l)['file']) for l in open('$corpus/manifest.jsonl')]")
echo ""
echo "Failures (crash, timeout or an exit status other than 0/1): $failures. Peak memory: $((worst_kb / 1024)) MB ($worst_spec)."
[ "$failures" -eq 0 ]
