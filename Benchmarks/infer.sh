#!/usr/bin/env bash
# Infer benchmark (issue 16): `hookschema infer` over 100 MB of NDJSON (Extend and Plextera deliveries, every one with
# its own event id; Benchmarks/infer_corpus.py). Target < 2 s on one core, memory flat: the same run over a quarter of
# the data shows the peak memory does not grow with the input.
#
#   Benchmarks/infer.sh [--runs N] [--megabytes M]
#
# Builds a release `hookschema` (into .build-scale, shared with scale.sh and diff.sh), pins it to one core
# (taskset -c 0), and prints each run's wall and CPU time and peak memory (GNU time), and the best and median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
megabytes=100
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --megabytes) megabytes="$2"; shift 2 ;;
        *) echo "usage: Benchmarks/infer.sh [--runs N] [--megabytes M]" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }
scratch="${SCALE_SCRATCH:-$(pwd)/.build-scale}"
work=$(mktemp -d "${TMPDIR:-/tmp}/hookschema-infer-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "==> building hookschema (release) in $scratch"
swift build -c release --product hookschema --scratch-path "$scratch" > "$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; exit 1; }
binary="$scratch/release/hookschema"
quarter=$(python3 -c "print($megabytes / 4)")
python3 Benchmarks/infer_corpus.py --megabytes "$megabytes" --output "$work/full.ndjson"
python3 Benchmarks/infer_corpus.py --megabytes "$quarter" --output "$work/quarter.ndjson"

measure() {
    local name=$1 input=$2
    local walls=()
    for run in $(seq "$runs"); do
        rm -rf "$work/schemas"
        taskset -c 0 /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
            "$binary" infer "$input" --provider bench --output "$work/schemas" > "$work/out.txt"
        read -r wall user system rss < <(tail -1 "$work/time")
        printf '%s run %d: %s s wall, %s s user + %s s system, %d MB peak\n' "$name" "$run" "$wall" "$user" "$system" \
            $((rss / 1024))
        walls+=("$wall")
    done
    printf '%s: best %s s, median %s s (%s)\n' "$name" \
        "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
        "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")" "$(cat "$work/out.txt")"
}
echo "==> hookschema infer, one core"
measure "${megabytes} MB" "$work/full.ndjson"
measure "${quarter} MB" "$work/quarter.ndjson"
