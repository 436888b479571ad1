#!/usr/bin/env bash
# Schemathesis (positive, negative and stateful phases, every check) against `generate mock` of each spec given,
# each on its own port with its own spec: the mock must accept what its spec allows, refuse what it does not with
# a 4xx, and never send an answer its spec does not describe. Exit 1 on any failure.
# Usage: Scripts/schemathesis-mock.sh [max-examples-per-operation] [max-seconds-per-api] [seed] [spec ...]
#   defaults: 20 examples, no time limit, seed 1, every file of Specs/ (CI runs `Scripts/schemathesis-mock.sh 5 20`).
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-20}"
seconds="${2:-0}"
seed="${3:-1}"
shift $(( $# < 3 ? $# : 3 ))
specs=("$@")
# Multi-file trees (Specs/widgets) are given to schemathesis bundled into one file by Scripts/bundle_spec.py: it
# cannot follow the references vendors write across files (a `description` given by `$ref` makes it raise
# AttributeError). The mock reads the tree itself, as users run it.
[ ${#specs[@]} -eq 0 ] && specs=(Specs/*.yaml Specs/widgets/openapi.yaml)
# shellcheck source=schemathesis-venv.sh
source Scripts/schemathesis-venv.sh
source Scripts/wait-for.sh
swift build --product generate >/dev/null
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
mock=""
cleanup() { [ -n "$mock" ] && kill "$mock" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

status=0
port="${SCHEMATHESIS_PORT:-18800}"  # first port minus one (runs side by side need their own)
# What is not checked, and why:
# - use_after_free: a mock keeps no state, so a DELETE does not remove what a later GET reads.
# - negative_data_rejection, for specs with form or multipart bodies: they carry text (`tags=true` reads as the array
#   ["true"], which is valid), as for the sample servers.
# - response_schema_conformance, for specs with event streams: 3.0/3.1 event-stream schemas describe each event's
#   data, schemathesis reads them as the whole event (see schemathesis.sh); the mock validates each event it sends.
# - status_code_conformance, in the negative pass only: an invalid request must be refused (400, 401, 415 …) even
#   where the spec documents no such status; the positive pass checks every status against the spec.
# - unsupported_method, for OpenAPI 3.2 specs with additionalOperations (COPY …): schemathesis does not read them
#   and calls the advertised method undocumented (unsupported_method, allow_header_conformance).
# JSON Lines and JSON text sequence request bodies are written by Scripts/schemathesis_hooks.py (schemathesis has no
# serializer for them).
# - content_type_conformance: in the negative pass, for the same reason as status codes; for Swagger 2.0 specs,
#   because schemathesis takes `produces` as the media type of every response, also of those without a schema (which
#   have no body, so no Content-Type).
for spec in "${specs[@]}"; do
    port=$((port + 1))
    "$bin/generate" mock "$spec" --port "$port" --credential t0k3n --credential user:t0k3n >"$work/mock.out" 2>"$work/mock.err" &
    mock=$!
    wait_for "$mock" grep -q "operations on http" "$work/mock.out" || true
    base="$(head -1 "$work/mock.out" | sed 's/.* on //')"
    if [ -z "$base" ]; then
        if kill -0 "$mock" 2>/dev/null; then echo "== $spec: the mock did not announce itself within 60 s"
        else echo "== $spec: the mock exited before it served"; fi
        cat "$work/mock.out" "$work/mock.err"; status=1; kill "$mock" 2>/dev/null || true; mock=""; continue; fi
    tested="$spec"
    if grep -qE "\\\$ref: *['\"]?[^#'\" ]" "$spec"; then
        "$venv/bin/python" Scripts/bundle_spec.py "$spec" >"$work/bundled.json"
        tested="$work/bundled.json"
    fi
    "$venv/bin/python" Scripts/schemathesis_config.py "$tested" Scripts/schemathesis.toml >"$work/config.toml"
    limit=()
    [ "$seconds" != 0 ] && limit=(--max-time "$seconds")
    excluded="use_after_free"
    grep -q 'x-www-form-urlencoded\|multipart/' "$spec" && excluded="$excluded,negative_data_rejection"
    grep -q 'text/event-stream' "$spec" && excluded="$excluded,response_schema_conformance"
    grep -q 'additionalOperations:' "$spec" && excluded="$excluded,unsupported_method,allow_header_conformance"
    grep -q '^swagger:' "$spec" && excluded="$excluded,content_type_conformance"
    for pass in positive negative; do
        extra=()
        skip="$excluded"
        if [ "$pass" = negative ]; then extra=(--phases coverage,fuzzing); skip="$skip,status_code_conformance"; [[ "$skip" != *content_type_conformance* ]] && skip="$skip,content_type_conformance"; fi
        echo "== mock of $spec at $base, $pass data, $examples examples per operation, seed $seed (not checked: $skip)"
        if SCHEMATHESIS_HOOKS=Scripts/schemathesis_hooks.py "$venv/bin/schemathesis" --config-file "$work/config.toml" run "$tested" --url "$base" --mode "$pass" --checks all --exclude-checks "$skip" \
            --max-examples "$examples" --seed "$seed" --output-truncate false "${limit[@]}" "${extra[@]}" >"$work/out" 2>&1; then
            grep -E "generated|passed" "$work/out" | tail -1
        else
            status=1
            if grep -q FAILURES "$work/out"; then { sed -n '/FAILURES/,$p' "$work/out" | cut -c1-400 | head -120; } || true; else tail -20 "$work/out"; fi
        fi
    done
    grep -q "Fatal\|panicked\|Illegal instruction" "$work/mock.err" && { echo "mock of $spec crashed:"; tail -20 "$work/mock.err"; status=1; }
    kill "$mock"; wait "$mock" 2>/dev/null || true; mock=""
done
exit $status
