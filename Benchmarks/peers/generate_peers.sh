#!/usr/bin/env bash
# Generation side by side: Charter (every part) against swift-openapi-generator 1.14.3 (types, client, server),
# both release builds, on the same unmodified specs. Prints a markdown table: wall time and peak memory from
# /usr/bin/time, and the ratio. Usage: Benchmarks/peers/generate_peers.sh [corpus]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$here/.."
corpus="${1:-$root/../shared/corpus}"
swift build -c release --package-path "$root" --product generate >/dev/null 2>&1 || { echo "charter build failed"; exit 2; }
swift build -c release --package-path "$here" --product swift-openapi-generator >/dev/null 2>&1 || { echo "swift-openapi-generator build failed"; exit 2; }
charter="$root/.build/release/generate"
peer="$here/.build/release/swift-openapi-generator"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
measure() { # prints "seconds kilobytes exit system-seconds"
    /usr/bin/time -f "%e %M %S" -o "$work/time" "$@" >"$work/out" 2>&1
    local status=$?
    read -r t m sys < <(tail -1 "$work/time")
    echo "$t $m $status $sys"
}
echo "| spec | Charter | peak | swift-openapi-generator | peak | time ratio | memory ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# Median of 3 runs each (fresh output folders, so every run writes every file): one run of a small spec is a few
# hundredths of a second, at /usr/bin/time's 10 ms resolution. The peer runs once when its first run took > 10 s.
median3() { # "t m s sys" lines on stdin → the line with the median time
    sort -n | sed -n 2p
}
systems=""
for spec in stripe/spec3.v524.yaml openai/openapi.yaml box/openapi-v2025.0.json; do
    : > "$work/ct"; : > "$work/pt"
    # Each run into a new folder, the three removed together after. On a file system without a journal (ext4
    # here) creating a file soon after many deletions costs more: the kernel passes over each recently freed
    # inode. Right after the tree benchmark had deleted its 6,500 files, Stripe took 0.38-0.43 s (0.25 s of it in
    # the system) instead of 0.27-0.30 s; the runs should not add deletions of their own. Charter's system time
    # is printed below the table for that reason.
    for run in 1 2 3; do
        measure "$charter" "$corpus/$spec" --output "$work/c$run" >> "$work/ct"
    done
    rm -rf "$work"/c1 "$work"/c2 "$work"/c3
    read -r ct cm cs csys <<<"$(median3 < "$work/ct")"
    systems+="$spec ${csys} s; "
    for run in 1 2 3; do
        rm -rf "$work/p"; mkdir -p "$work/p"
        measure "$peer" generate --mode types --mode client --mode server --output-directory "$work/p" "$corpus/$spec" >> "$work/pt"
        read -r first _ status _ < "$work/pt"
        if [ "$status" != 0 ] || python3 -c "import sys; sys.exit(0 if $first > 10 else 1)"; then break; fi
    done
    if [ "$(wc -l < "$work/pt")" = 3 ]; then read -r pt pm ps _ <<<"$(median3 < "$work/pt")"; else read -r pt pm ps _ < "$work/pt"; fi
    if [ "$ps" != 0 ]; then
        reason="$(grep -m1 "^Error: " "$work/out" | sed 's/^Error: .*: error: //' | cut -c1-160)"
        echo "| $spec | ${ct} s | $((cm / 1024)) MB | failed (exit $ps): ${reason} | | | |"
    else
        echo "| $spec | ${ct} s | $((cm / 1024)) MB | ${pt} s | $((pm / 1024)) MB | $(python3 -c "print(f'{$pt/$ct:.1f}× faster')") | $(python3 -c "print(f'{$pm/$cm:.1f}× less')") |"
    fi
done
echo ""
echo "Charter: median of 3 runs, each writing every file into a new folder; the peer: median of 3, or its one run where that took over 10 s or failed."
echo "Charter's system time in its median run (mostly creating the files): ${systems% }"
