#!/usr/bin/env python3
"""Server CPU time per request: the steadier twin of serve_peers.sh's requests/s.

wrk's throughput on these shared 2-core machines moves by ±15% between runs of one build (wrk and the server
compete for the two cores, and the host's load comes and goes), more than the validation overhead being
measured. Here the same wrk load runs (-t1 -c32, fixed duration), and what is reported is the CPU time the
server's threads spent (/proc/<pid>/task/*/schedstat, nanoseconds) divided by the requests wrk completed:
the cost of a request under load, which does not depend on how the two cores were shared. Configurations run
interleaved in rotated orders, `rounds` times; each figure is the median of its rounds. (callgrind would count instructions
exactly, but valgrind 3.19 dies on these multi-threaded NIO servers; sequential requests measure thread
wake-ups more than request handling.)

With `--pin`, the server runs on CPU 0 and wrk on CPU 1 (`taskset`): left to the scheduler, the two share both
cores, and what a request costs the server moves with how the host interleaves them (the hand-written GET spanned
48.8–59.3 µs over one run's rounds). Pinned, each round of a
configuration lands within a few percent of the others. Both are reported by run.sh: pinned is the steadier
figure, unpinned the way a developer's laptop runs the two.

Usage: Benchmarks/peers/serve_cpu.py [--pin] [seconds=5] [rounds=5]   (builds nothing: serve_peers.sh builds both)
"""
import http.client
import os
import re
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))
charter = os.path.join(root, ".build", "release", "airline-server")
peer = os.path.join(root, "Benchmarks", ".build", "release", "peer-airline-server")
handwritten = os.path.join(root, "Benchmarks", ".build", "release", "handwritten-airline-server")
port = 18490
pin = "--pin" in sys.argv[1:]
arguments = [a for a in sys.argv[1:] if a != "--pin"]
seconds = int(arguments[0]) if len(arguments) > 0 else 5
rounds = int(arguments[1]) if len(arguments) > 1 else 5
# taskset execs the command, so the pid we read /proc of is the server's (and wrk's count comes from wrk itself).
if pin and (os.cpu_count() or 1) < 2:
    raise SystemExit("--pin needs two CPUs (one for the server, one for wrk)")
server_cpu, wrk_cpu = (["taskset", "-c", "0"], ["taskset", "-c", "1"]) if pin else ([], [])

booking = re.search(r"wrk\.body = \[\[\n(.*?)\]\]", open(os.path.join(here, "wrk", "booking.lua")).read(), re.S).group(1).encode()
post_headers = {"Content-Type": "application/json", "Authorization": "Bearer t0k3n",
                "Idempotency-Key": "6f1c2a7e-8d4b-4b1e-9a53-2f0c1d9e7b10", "X-Request-ID": "bench-1"}
get_path = "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&passengers=2&cabin=economy&sort=price&limit=10&offset=0"


def send(count, kind):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        if kind == "post":
            conn.request("POST", "/bookings", body=booking, headers=post_headers)
        else:
            conn.request("GET", get_path)
        response = conn.getresponse()
        response.read()
        if response.status // 100 != 2:
            raise SystemExit(f"{kind}: HTTP {response.status}")
    conn.close()


def wrk(duration, kind):
    """Runs wrk against the server; returns the number of requests completed (all must be 2xx)."""
    script = ["-s", os.path.join(here, "wrk", "booking.lua")] if kind == "post" else []
    path = "/bookings" if kind == "post" else get_path
    out = subprocess.run([*wrk_cpu, "wrk", "-t1", "-c32", f"-d{duration}s", *script, f"http://127.0.0.1:{port}{path}"],
                         capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{kind}: non-2xx responses\n{out}")
    return int(re.search(r"(\d+) requests in", out).group(1))


def cpu_ns(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            total += int(open(f"/proc/{pid}/task/{task}/schedstat").read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended between the listing and the read
    return total


def measure(command):
    process = subprocess.Popen([*server_cpu, *(str(port) if a == "PORT" else a for a in command)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                send(1, "get")
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"server did not start: {command}")
        result = {}
        for kind in ("post", "get"):
            wrk(2, kind)  # warm-up: caches, pools, the idempotent record
            before = cpu_ns(process.pid)
            requests = wrk(seconds, kind)
            result[kind] = (cpu_ns(process.pid) - before) / requests / 1000  # µs per request
        return result
    finally:
        process.terminate()
        process.wait()


configs = [
    ("Charter, validation off", [charter, "--port", "PORT", "--request-validation", "off", "--response-validation", "off"]),
    ("Charter, requests validated", [charter, "--port", "PORT", "--response-validation", "off"]),
    ("Charter, requests + responses validated", [charter, "--port", "PORT", "--response-validation", "enforce"]),
    ("swift-openapi-generator 1.14.3", [peer, "PORT"]),
    ("hand-written (Hummingbird, Codable, no validation)", [handwritten, "PORT"]),
]
# A server not built is left out (the peer takes a generator plugin build); its columns then read "—".
missing = [name for name, command in configs if not os.path.exists(command[0])]
if configs[0][0] in missing or configs[4][0] in missing:
    raise SystemExit("build airline-server and handwritten-airline-server first (serve_peers.sh builds all)")
configs = [c for c in configs if c[0] not in missing]
samples = {name: {"post": [], "get": []} for name, _ in configs}
for round_ in range(rounds):
    # Rotated orders: the shared host slows down under sustained load, and a fixed order hands that to the last.
    for name, command in configs[round_ % len(configs):] + configs[:round_ % len(configs)]:
        r = measure(command)
        for kind in ("post", "get"):
            samples[name][kind].append(r[kind])
med = {name: {k: statistics.median(v) for k, v in s.items()} for name, s in samples.items()}
off, hand = med["Charter, validation off"], med["hand-written (Hummingbird, Codable, no validation)"]
peer_row = med.get("swift-openapi-generator 1.14.3")
vs_peer = lambda m, k: f"{m[k] / peer_row[k]:.2f}×" if peer_row else "—"
placement = "server on CPU 0, wrk on CPU 1" if pin else "server and wrk on both CPUs"
print(f"| server CPU per request (wrk -t1 -c32, {seconds} s, median of {rounds} interleaved rounds; {placement}) | POST /bookings | vs validation off | vs peer | vs hand-written | GET /flights | vs validation off | vs peer | vs hand-written |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, _ in configs:
    m = med[name]
    spread = lambda k: f"{min(samples[name][k]):.1f}–{max(samples[name][k]):.1f}"
    print(f"| {name} | {m['post']:.1f} µs ({spread('post')}) | {m['post'] / off['post']:.3f}× | {vs_peer(m, 'post')} | {m['post'] / hand['post']:.2f}× "
          f"| {m['get']:.1f} µs ({spread('get')}) | {m['get'] / off['get']:.3f}× | {vs_peer(m, 'get')} | {m['get'] / hand['get']:.2f}× |")
