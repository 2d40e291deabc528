#!/usr/bin/env bash
# Diff benchmark (issue 15): `hookschema diff` of GitHub's two imported catalogs (../shared/corpora: the schemas
# before `repository.custom_properties` and now; 218 and 224 events, about 1.2 MB of YAML each). Target < 1 s.
#
#   Benchmarks/diff.sh [--runs N]
#
# Builds a release `hookschema` (into .build-scale, shared with scale.sh), imports both catalogs, then times N runs
# (default 5) of the whole command (loading both folders and their source maps, comparing, writing the text
# report) and prints each run's wall time and peak memory (GNU time), and the best and median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: Benchmarks/diff.sh [--runs N]" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }
corpora=../shared/corpora
scratch="${SCALE_SCRATCH:-$(pwd)/.build-scale}"
work=$(mktemp -d "${TMPDIR:-/tmp}/hookschema-diff-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "==> building hookschema (release) in $scratch"
swift build -c release --product hookschema --scratch-path "$scratch" > "$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; exit 1; }
binary="$scratch/release/hookschema"
"$binary" import jsonschema "$corpora/github-webhooks-before-custom-properties/payload-schemas/api.github.com" \
    --provider github --output "$work/before" 2> /dev/null
"$binary" import jsonschema "$corpora/github-webhooks/payload-schemas/api.github.com" \
    --provider github --output "$work/now" 2> /dev/null
echo "==> hookschema diff before now ($(cat "$work"/before/github/*.yaml | wc -c) and $(cat "$work"/now/github/*.yaml | wc -c) bytes of YAML)"
times=()
for run in $(seq "$runs"); do
    status=0
    /usr/bin/time -f '%e %M' -o "$work/time" "$binary" diff "$work/before" "$work/now" > "$work/out.txt" || status=$?
    [ "$status" -le 1 ] || { echo "error: diff exited $status" >&2; exit 1; }
    read -r wall rss < <(tail -1 "$work/time")  # GNU time first says "Command exited with non-zero status 1"
    printf 'run %d: %s s wall, %d MB peak\n' "$run" "$wall" $((rss / 1024))
    times+=("$wall")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
best=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
echo "$(tail -1 "$work/out.txt")"
printf 'best %s s, median %s s (target < 1 s: %s)\n' "$best" "$median" \
    "$(awk -v m="$median" 'BEGIN { print (m < 1.0) ? "met" : "missed" }')"
