#!/usr/bin/env bash
# Schemathesis (positive, negative and stateful phases, every check) against `generate mock` of each spec given,
# each on its own port with its own spec: the mock must accept what its spec allows, refuse what it does not with
# a 4xx, and never send an answer its spec does not describe. Exit 1 on any failure.
# Usage: Scripts/schemathesis-mock.sh [max-examples-per-operation] [max-seconds-per-api] [seed] [spec ...]
#   defaults: 20 examples, no time limit, seed 1, every file of Specs/ (CI runs `Scripts/schemathesis-mock.sh 8 60`).
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-20}"
seconds="${2:-0}"
seed="${3:-1}"
shift $(( $# < 3 ? $# : 3 ))
specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(Specs/*.yaml Specs/widgets/openapi.yaml)
venv=".venv-st"
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
swift build --product generate >/dev/null
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
mock=""
cleanup() { [ -n "$mock" ] && kill "$mock" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

status=0
port=18800
# A mock keeps no state: a DELETE does not remove what a later GET reads, so the check that a deleted resource is
# gone (use_after_free) does not apply. Form and multipart bodies carry text (`tags=true` reads as the array
# ["true"], which is valid), so their negative-data check is off, as for the sample servers. 3.0/3.1 event-stream
# schemas describe each event's data, while schemathesis reads them as the whole event (see schemathesis.sh), so
# its response-schema check is off for event streams; the mock validates every event it sends itself.
for spec in "${specs[@]}"; do
    port=$((port + 1))
    "$bin/generate" mock "$spec" --port "$port" --credential t0k3n >"$work/mock.out" 2>"$work/mock.err" &
    mock=$!
    for _ in $(seq 1 100); do grep -q "operations on http" "$work/mock.out" 2>/dev/null && break; sleep 0.1; done
    base="$(head -1 "$work/mock.out" | sed 's/.* on //')"
    if [ -z "$base" ]; then echo "== $spec: the mock did not start"; cat "$work/mock.err"; status=1; kill "$mock" 2>/dev/null || true; mock=""; continue; fi
    limit=()
    [ "$seconds" != 0 ] && limit=(--max-time "$seconds")
    forms="$(grep -c 'x-www-form-urlencoded\|multipart/' "$spec" || true)"
    streams="$(grep -c 'text/event-stream' "$spec" || true)"
    excluded="use_after_free"
    [ "$forms" != 0 ] && excluded="$excluded,negative_data_rejection"
    [ "$streams" != 0 ] && excluded="$excluded,response_schema_conformance"
    echo "== mock of $spec at $base, $examples examples per operation, seed $seed (not checked: $excluded)"
    if "$venv/bin/schemathesis" --config-file Scripts/schemathesis.toml run "$spec" --url "$base" --checks all --exclude-checks "$excluded" \
        --max-examples "$examples" --seed "$seed" -H "Authorization: Bearer t0k3n" --output-truncate false "${limit[@]}" >"$work/out" 2>&1; then
        grep -E "generated|passed" "$work/out" | tail -1
    else
        status=1
        { sed -n '/FAILURES/,$p' "$work/out" | cut -c1-400 | head -120; } || true
    fi
    grep -q "Fatal\|panicked\|Illegal instruction" "$work/mock.err" && { echo "mock of $spec crashed:"; tail -20 "$work/mock.err"; status=1; }
    kill "$mock"; wait "$mock" 2>/dev/null || true; mock=""
done
exit $status
