#!/usr/bin/env bash
# The mock against the real thing: `generate mock Specs/airline.yaml` and the example airline-server (requests and
# responses validated, enforce) under the same wrk load — the valid POST /bookings and GET /flights with eight
# query parameters of serve_peers.sh. Both run the same contracts through the same OperationServer; the mock makes
# its answers from the spec (kept per seed) where the server runs handlers. Interleaved rounds, medians; markdown.
# Usage: Benchmarks/peers/serve_mock.sh [seconds=8] [connections=32] [rounds=4]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$here/.."
seconds="${1:-8}"
connections="${2:-32}"
rounds="${3:-4}"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)"; exit 2; }
swift build -c release --package-path "$root" --product airline-server >/dev/null 2>&1 || { echo "airline-server build failed"; exit 2; }
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || { echo "generate build failed"; exit 2; }
bin="$root/.build/release"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=18490
get_path="/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&passengers=2&cabin=economy&sort=price&limit=10&offset=0"
# shellcheck source=wrk_lib.sh
source "$here/peers/wrk_lib.sh"

declare -A result
measure() { # measure <name> <base path> <command...>
    local name="$1" base="$2"; shift 2
    probe="$base$get_path"
    start "$@"
    result["$name,post"]+="$(run_wrk "$name POST" "$here/peers/wrk/booking.lua" "$base/bookings");"
    result["$name,get"]+="$(run_wrk "$name GET" "" "$base$get_path");"
    result["$name,rss"]="$(rss)"
    stop
}
for round in $(seq 0 $((rounds - 1))); do
    if (( round % 2 == 0 )); then order=(server mock); else order=(mock server); fi
    for name in "${order[@]}"; do
        case "$name" in
        server) measure server "" "$bin/airline-server" --port "$port" --response-validation enforce ;;
        mock) measure mock /v2 "$bin/generate" mock "$root/Specs/airline.yaml" --port "$port" ;;
        esac
    done
done
for name in server mock; do
    result["$name,post"]="$(median "${result[$name,post]}")"
    result["$name,get"]="$(median "${result[$name,get]}")"
done
read -r sp _ <<<"${result[server,post]}"; read -r sg _ <<<"${result[server,get]}"
echo "| airline API (wrk -t1 -c$connections, median of $rounds × ${seconds} s) | POST /bookings req/s | p99 | GET /flights req/s | p99 | RSS after | POST vs server | GET vs server |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in server mock; do
    read -r prps pp99 <<<"${result[$name,post]}"
    read -r grps gp99 <<<"${result[$name,get]}"
    label="$(case $name in server) echo "generated server (airline-server), requests + responses validated";; mock) echo "generate mock Specs/airline.yaml";; esac)"
    echo "| $label | $prps | $pp99 | $grps | $gp99 | ${result[$name,rss]} MB | $(ratio "$prps" "$sp") | $(ratio "$grps" "$sg") |"
done
