# Shared by the wrk benchmarks (serve_peers.sh, serve_mock.sh): start a server on $port and wait for $probe,
# stop it, its RSS, one wrk measurement, medians and ratios. The caller sets port, probe, seconds, connections, work.
start() { # start <command...>: runs a server on $port and waits until it answers
    "$@" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port$probe" && return 0
        sleep 0.1
    done
    echo "server did not start: $*"; cat "$work/server.log"; exit 2
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status"; }

run_wrk() { # run_wrk <label> <script-or-empty> <path>: prints "rps p99"
    local script=() out
    [ -n "$2" ] && script=(-s "$2")
    wrk -t1 -c"$connections" -d2s "${script[@]}" "http://127.0.0.1:$port$3" >/dev/null # warm-up
    out="$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "${script[@]}" "http://127.0.0.1:$port$3")"
    if grep -q "Non-2xx" <<<"$out"; then echo "$1: non-2xx responses"; echo "$out"; exit 1; fi
    local rps p99
    rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    echo "$rps $p99"
}

median() { # median <"rps p99;rps p99;..."> → "rps p99" (each column's median)
    python3 -c "
import statistics, sys
rows = [r.split() for r in sys.argv[1].split(';') if r.strip()]
ms = lambda v: float(v[:-2]) if v.endswith('ms') else float(v[:-2]) / 1000 if v.endswith('us') else float(v[:-1]) * 1000
print(f'{statistics.median(float(r[0]) for r in rows):.0f} {statistics.median(ms(r[1]) for r in rows):.2f}ms')" "$1"
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}×')"; }
overhead() { python3 -c "print(f'{(1 - $1 / $2) * 100:.1f}%')"; }
