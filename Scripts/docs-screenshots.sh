#!/usr/bin/env bash
# A screenshot of each sample spec's reference page (`generate docs`), light and dark, desktop and phone width, for
# people to look at — not a test oracle. Needs Debian's chromium.
# Usage: Scripts/docs-screenshots.sh [output-folder] [spec ...]   (default: docs-screenshots/, every sample spec)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs-screenshots}"
shift $(( $# > 0 ? 1 : 0 ))
specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(Specs/*.yaml Specs/widgets/openapi.yaml)
command -v chromium >/dev/null || { echo "chromium not found (apt-get install chromium)" >&2; exit 1; }
swift build --product generate 2>&1 | tail -1
generate="$(swift build --show-bin-path)/generate"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shoot() {  # page, png, size, extra flags
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --virtual-time-budget=3000 --window-size="$3" ${4:-} --screenshot="$2" "$1" >/dev/null 2>&1
}
for spec in "${specs[@]}"; do
    name=$(basename "$spec" .yaml); [ "$name" = openapi ] && name=$(basename "$(dirname "$spec")")
    "$generate" docs "$spec" --output "$work/$name" >/dev/null
    shoot "file://$work/$name/index.html" "$out/$name.png" 1280,1600
    shoot "file://$work/$name/index.html" "$out/$name-dark.png" 1280,1600 "--force-dark-mode --blink-settings=preferredColorScheme=0"
    shoot "file://$work/$name/index.html" "$out/$name-phone.png" 390,1400
    echo "$out/$name.png, $name-dark.png, $name-phone.png"
done
