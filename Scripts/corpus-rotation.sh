#!/usr/bin/env bash
# Prints a regex for Scripts/compile-corpus.sh: Stripe's and OpenAI's specs (always) plus `count` other corpus
# specs that rotate by the day of the year, so over a few weeks of CI runs every corpus spec's generated code is
# compiled without one run paying for all of them (the whole corpus takes ~45 minutes).
# Usage: Scripts/corpus-rotation.sh [corpus] [count] [day]
set -euo pipefail
corpus="${1:-../shared/corpus}"
count="${2:-8}"
day="${3:-$(date -u +%j)}"
python3 - "$corpus/manifest.jsonl" "$count" "$day" <<'PY'
import json, sys
manifest, count, day = sys.argv[1], int(sys.argv[2]), int(sys.argv[3].lstrip("0") or "0")
files = sorted(json.loads(line)["file"] for line in open(manifest) if line.strip())
always = [f for f in files if f.startswith("stripe/") or f == "openai/openapi.yaml"]
rest = [f for f in files if f not in always]
start = (day * count) % max(len(rest), 1)
chosen = [rest[(start + i) % len(rest)] for i in range(min(count, len(rest)))]
def escape(name):  # POSIX ERE, as bash's =~ reads it
    return "".join("\\" + c if c in ".[]()*+?{}|^$\\" else c for c in name)
print("^(" + "|".join(escape(f) for f in always + chosen) + ")$")
PY
