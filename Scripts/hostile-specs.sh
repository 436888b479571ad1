#!/usr/bin/env bash
# Hostile specs against `generate lint` (release build), each under a timeout and a 4 GB address-space cap:
# every one must end with exit 0 or 1 and, when it fails, a located diagnostic (file:line:col). Prints time and
# peak memory per case. The small cases also live in Tests/CharterSpecTests/Fixtures/malformed with their exact
# diagnostics; this script adds the big ones (50 MB, 80 MB, a 10,000-long $ref chain) that are too slow for
# debug-mode unit tests. Usage: Scripts/hostile-specs.sh [seconds-per-case=60]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
limit="${1:-60}"
swift build -c release --package-path "$here" --product generate >/dev/null 2>&1 || { echo "generator build failed"; exit 2; }
generate="$here/.build/release/generate"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/specs" "$work/outside"
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
head = "openapi: 3.1.0\ninfo: {title: hostile, version: '1'}\n"
def put(name, text, mode="w"):
    with open(os.path.join(w, "root/specs", name), mode) as f: f.write(text)
# Billion laughs: nine levels of ten aliases each.
lines = [head, "x-bomb:\n", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
for i in range(1, 10):
    lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]\n")
put("alias-bomb.yaml", "".join(lines) + "paths: {}\n")
put("deep-10k.yaml", head + "x-deep: " + "[" * 10000 + "]" * 10000 + "\npaths: {}\n")
put("deep-10k.json", '{"openapi": "3.1.0", "info": {"title": "h", "version": "1"}, "x": ' + "[" * 10000 + "]" * 10000 + ', "paths": {}}')
chain = "".join(f"    S{i}: {{$ref: '#/components/schemas/S{(i + 1) % 10000}'}}\n" for i in range(10000))
put("ref-chain-10k.yaml", head + "paths: {}\ncomponents:\n  schemas:\n" + chain)
put("self-ref.yaml", head + "paths: {}\ncomponents:\n  schemas:\n    Me: {$ref: '#/components/schemas/Me'}\n")
put("escaping-ref.yaml", head + "paths: {}\ncomponents:\n  schemas:\n    P: {$ref: '../../outside/secret.yaml#/x'}\n")
with open(os.path.join(w, "outside/secret.yaml"), "w") as f: f.write("x: {type: string}\n")
put("url-ref.yaml", head + "paths: {}\ncomponents:\n  schemas:\n    R: {$ref: 'https://example.com/schemas.yaml#/R'}\n")
put("invalid-utf8.yaml", (head + "paths: {}\nx-bad: \"").encode() + b"\xff\xfe\xc3\x28" + b"\"\n", "wb")
# 50 MB of real-looking schemas (loads: real specs reach tens of MB), then 80 MB (over the 64 MB limit).
schema = "    Thing{0}:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string, format: uuid}}\n        name: {{type: string, maxLength: 200, description: 'A name that is long enough to weigh something in the file'}}\n        tags: {{type: array, items: {{type: string}}}}\n"
def big(name, megabytes):
    with open(os.path.join(w, "root/specs", name), "w") as f:
        f.write(head + "paths: {}\ncomponents:\n  schemas:\n")
        i = 0
        while f.tell() < megabytes * 1000 * 1000:
            f.write(schema.format(i)); i += 1
big("big-50mb.yaml", 50)
big("big-80mb.yaml", 80)
PY
failures=0
echo "| hostile spec | size | exit | first diagnostic | time | peak MB |"
echo "| --- | ---: | ---: | --- | ---: | ---: |"
for spec in "$work"/root/specs/*; do
    name="$(basename "$spec")"
    size="$(du -h "$spec" | cut -f1)"
    /usr/bin/time -f "%e %M" -o "$work/t" timeout "$limit" bash -c 'ulimit -v 4194304; exec "$0" lint "$1"' "$generate" "$spec" >"$work/out" 2>&1
    status=$?
    read -r seconds kb < <(tail -1 "$work/t")
    first="$(grep -m1 -E ": (error|warning): " "$work/out" | sed "s|$work/root/specs/||" | cut -c1-110)"
    ok=yes
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then ok=no; fi
    if [ "$status" -eq 1 ] && ! grep -qE "$name:[0-9]+:[0-9]+: error: " "$work/out"; then ok=no; fi
    [ "$ok" = no ] && failures=$((failures + 1)) && first="⚠ $first"
    echo "| $name | $size | $status | ${first//|/\\|} | ${seconds} s | $((kb / 1024)) |"
done
echo ""
echo "Failures (crash, timeout, other exit status, or an error without file:line:col): $failures"
[ "$failures" -eq 0 ]
