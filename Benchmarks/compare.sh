#!/usr/bin/env bash
# Side-by-side throughput on one NDJSON corpus, one core (taskset -c 0), release build:
#   hookschema check --format json (whole process), the library validator, Foundation JSONDecoder on the generated
#   ExtendEvent/PlexteraEvent types, the one-pass typed decoder (value + drift report), and jsonschema-rs
#   (orjson parse + iter_errors over the exported tolerant schema, every error collected).
# Prints payloads/s, MB/s and the ratio to jsonschema-rs for each, the CLI's peak memory, and a flat-memory check
# (CLI peak RSS on the corpus vs on the corpus repeated REPEAT times).
#
# Usage: Benchmarks/compare.sh            (from anywhere in a clone; needs swift, python3 with venv, network for PyPI)
# Environment: COUNT (deliveries, default 20000), ROUNDS (default 3), REPEAT (default 8), CPU (default 0),
#   SCRATCH (the build folder, default .build-bench), BIN (a folder of already built release binaries: no build).
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-20000}
ROUNDS=${ROUNDS:-3}
REPEAT=${REPEAT:-8}
CPU=${CPU:-0}
SCRATCH=${SCRATCH:-.build-bench}
VENV=.venv-bench
OUT=Benchmarks/.out
mkdir -p "$OUT"
PIN=(taskset -c "$CPU")
command -v taskset >/dev/null || PIN=()

if [ -n "${BIN:-}" ]; then
    echo "== using the release binaries in $BIN"
else
    echo "== building (release, $SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" --product hookschema >"$OUT/build.log" 2>&1 \
        || { tail -40 "$OUT/build.log"; exit 2; }
    swift build -c release --scratch-path "$SCRATCH" --product hookschema-bench >>"$OUT/build.log" 2>&1 \
        || { tail -40 "$OUT/build.log"; exit 2; }
    BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
fi

echo "== corpus ($COUNT deliveries) and exported schemas"
CORPUS="$OUT/corpus.ndjson"
"$BIN/hookschema-bench" --count "$COUNT" --corpus "$CORPUS" --corpus-only yes
rm -rf "$OUT/jsonschema"
"$BIN/hookschema" export jsonschema --schemas Schemas --mode tolerant --output "$OUT/jsonschema" >/dev/null

echo "== jsonschema-rs and orjson ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check jsonschema-rs==0.60.3 orjson==3.13.0
"$VENV/bin/python" -c 'import jsonschema_rs, orjson; print("jsonschema-rs", jsonschema_rs.__version__ if hasattr(jsonschema_rs, "__version__") else "?", "orjson", orjson.__version__)'

RESULTS="$OUT/results.txt"
: >"$RESULTS"

# One CLI run: wall seconds to $1, peak RSS (KB) to stdout.
cli_run() {
    local input=$1 start end rss status
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$OUT/time.txt" "${PIN[@]}" "$BIN/hookschema" check --schemas Schemas --format json "$input" \
        >/dev/null
    status=$?
    set -e
    end=$(date +%s.%N)
    if [ "$status" -gt 1 ]; then
        echo "hookschema check exited $status" >&2
        exit 2
    fi
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time.txt")
    echo "$(echo "$end - $start" | bc -l) $rss"
}

echo "== hookschema check --format json (whole process, best of $ROUNDS)"
best=""
for _ in $(seq "$ROUNDS"); do
    read -r seconds rss < <(cli_run "$CORPUS")
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; fi
done
CLI_RSS=$rss
payloads=$(grep -c '' "$CORPUS")
bytes=$(stat -c %s "$CORPUS")
echo "result cli $payloads $bytes $best" | tee -a "$RESULTS"

echo "== library validator, JSONDecoder, one-pass typed decoder (best of $ROUNDS)"
"${PIN[@]}" "$BIN/hookschema-bench" --reuse yes --corpus "$CORPUS" --rounds "$ROUNDS" \
    --measure validator,jsondecoder,typed | tee "$OUT/bench.txt"
grep '^result ' "$OUT/bench.txt" >>"$RESULTS"

echo "== jsonschema-rs (best of $ROUNDS)"
"${PIN[@]}" "$VENV/bin/python" Benchmarks/jsonschema_rs_bench.py "$OUT/jsonschema" "$CORPUS" "$ROUNDS" \
    | tee "$OUT/rs.txt"
grep '^result ' "$OUT/rs.txt" >>"$RESULTS"

echo "== flat memory: the corpus repeated $REPEAT times"
BIG="$OUT/corpus-x$REPEAT.ndjson"
: >"$BIG"
for _ in $(seq "$REPEAT"); do cat "$CORPUS" >>"$BIG"; done
read -r big_seconds big_rss < <(cli_run "$BIG")
big_bytes=$(stat -c %s "$BIG")

echo
echo "== results ($(nproc) cores, pinned to CPU $CPU; load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk '
    $1 == "result" { name[NR] = $2; rate[$2] = $3 / $5; mbps[$2] = $4 / $5 / 1e6; order[++n] = $2 }
    END {
        base = rate["jsonschema-rs"]
        label["cli"] = "hookschema check --format json (process)"
        label["validator"] = "library validator (SchemaValidator)"
        label["jsondecoder"] = "Foundation JSONDecoder (value only)"
        label["typed"] = "one-pass typed decode + report"
        label["jsonschema-rs"] = "jsonschema-rs (orjson + iter_errors)"
        printf "%-42s %12s %9s %10s\n", "what", "payloads/s", "MB/s", "vs rs"
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "%-42s %12.0f %9.1f %9.2fx\n", label[k], rate[k], mbps[k], (base > 0 ? rate[k] / base : 0)
        }
        if (rate["jsondecoder"] > 0 && rate["typed"] > 0)
            printf "one-pass typed decode + report vs JSONDecoder: %.2fx\n", rate["typed"] / rate["jsondecoder"]
    }' "$RESULTS"
printf 'check peak RSS: %.1f MB on %.1f MB of NDJSON; %.1f MB on %.1f MB (x%s, %.1f MB/s)\n' \
    "$(echo "$CLI_RSS / 1024" | bc -l)" "$(echo "$bytes / 1000000" | bc -l)" \
    "$(echo "$big_rss / 1024" | bc -l)" "$(echo "$big_bytes / 1000000" | bc -l)" "$REPEAT" \
    "$(echo "$big_bytes / $big_seconds / 1000000" | bc -l)"
