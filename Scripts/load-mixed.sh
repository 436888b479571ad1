#!/usr/bin/env bash
# Load with hostile traffic mixed in: wrk against the airline sample server (release build) on 127.0.0.1 for a
# fixed time, one request in ten invalid (Scripts/wrk/mixed.lua). Fails on any 5xx, any other non-4xx error
# status, a crash, or memory that keeps growing (RSS before/after printed).
# Usage: Scripts/load-mixed.sh [seconds=60] [connections=32] [release|debug]   (CI: 10 s against the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-32}"
configuration="${3:-release}"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)"; exit 2; }
swift build -c "$configuration" --product airline-server >/dev/null
bin="$(swift build -c "$configuration" --show-bin-path)"
port=18590
"$bin/airline-server" --port "$port" --response-validation enforce >/tmp/load-mixed-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
source Scripts/wait-for.sh
wait_for "$server" curl -s -o /dev/null "http://127.0.0.1:$port/flights" || true
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status"; }
wrk -t1 -c"$connections" -d5s -s Scripts/wrk/mixed.lua "http://127.0.0.1:$port" >/dev/null # warm-up
before=$(rss)
out="$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -s Scripts/wrk/mixed.lua "http://127.0.0.1:$port")"
after=$(rss)
echo "$out" | grep -E "Requests/sec|99%|STATUS|requests in"
echo "RSS after warm-up: $before MB; after ${seconds} s: $after MB"
kill -0 "$server" || { echo "server died"; exit 1; }
status_line="$(echo "$out" | grep STATUS)"
[[ "$status_line" == *"5xx=0 other=0"* ]] || { echo "server errors under load"; exit 1; }
[ "$after" -le $((before + 64)) ] || { echo "memory grew by more than 64 MB"; exit 1; }
