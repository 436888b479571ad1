#!/usr/bin/env bash
# Generates Swift for every spec in ../shared/corpus (or those whose path matches the regex `filter`) and builds
# each output as its own target in a scratch package (depending on this repo's CharterRuntime); prints one line
# per spec and the count that compile; exits 1 when one does not. Not part of `swift test` (it takes minutes; CI
# compiles Stripe's and OpenAI's). Usage: Scripts/compile-corpus.sh [corpus] [filter] [release|debug] [plain]
#   debug: use the generator `swift build` already made (no release build of it first).
#   plain: a regex; specs whose path matches it are generated with `--equality none` (the setting a team with a
#   Stripe-sized spec picks), so that setting is compiled too; the others keep the default (Hashable).
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/corpus}"
filter="${2:-}"
config="${3:-release}"
plain="${4:-}"
work="${TMPDIR:-/tmp}/charter-corpus-build"
mkdir -p "$work/Sources"
swift build -c "$config" --package-path "$here" --product generate >/dev/null 2>&1 || { echo "generator build failed"; exit 2; }
generate="$here/.build/$config/generate"
targets=()
while read -r file; do
    [[ -n "$filter" && ! "$file" =~ $filter ]] && continue
    name="Corpus_$(echo "$file" | tr -c 'A-Za-z0-9\n' '_')"
    flags=()
    [[ -n "$plain" && "$file" =~ $plain ]] && flags=(--equality none)
    if "$generate" "$corpus/$file" --output "$work/Sources/$name" "${flags[@]}" >/dev/null 2>&1; then
        targets+=("$name:$file")
    else
        echo "generate-failed $file"
    fi
done < <(python3 -c "import json,sys; [print(json.loads(l)['file']) for l in open('$corpus/manifest.jsonl')]")
{
    echo '// swift-tools-version: 6.0'
    echo 'import PackageDescription'
    echo 'let package = Package(name: "CorpusBuild", dependencies: [.package(name: "Charter", path: "'"$here"'"), .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")], targets: ['
    for t in "${targets[@]}"; do
        echo "  .target(name: \"${t%%:*}\", dependencies: [.product(name: \"CharterRuntime\", package: \"Charter\"), .product(name: \"OpenAPIRuntime\", package: \"swift-openapi-runtime\")]),"
    done
    echo '])'
} > "$work/Package.swift"
ok=0
for t in "${targets[@]}"; do
    if swift build --package-path "$work" --target "${t%%:*}" > "$work/${t%%:*}.log" 2>&1; then
        ok=$((ok + 1)); echo "compiles ${t#*:}$([[ -n "$plain" && "${t#*:}" =~ $plain ]] && echo ' (--equality none)')"
    else
        echo "fails ${t#*:} ($(grep -c 'error:' "$work/${t%%:*}.log") errors; first: $(grep -m1 'error:' "$work/${t%%:*}.log" | sed 's/.*error: //'))"
    fi
done
echo "${ok}/${#targets[@]} generated outputs compile"
[ "$ok" = "${#targets[@]}" ]
