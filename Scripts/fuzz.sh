#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with -sanitize=fuzzer,address) and runs each for SECONDS (default 60):
#   FuzzValidator         the JSON scanner + validator on arbitrary bytes
#   FuzzSchemaLoader      the YAML schema loader on arbitrary text
#   FuzzSignatureHeaders  signature-header (and secret) parsing of every declared header format
# Usage: Scripts/fuzz.sh [SECONDS] [TARGET ...]. The targets run side by side, each for the full time (FUZZ_JOBS=N
# runs N at a time). Seeds come from Examples/payloads and Schemas; the corpus each run grows is kept in
# .build-fuzz/work/corpus/<target> (git-ignored) for the next run. A crash, a hang (one input taking FUZZ_TIMEOUT
# seconds, default 60) or a sanitizer report fails the run; the input is saved as
# .build-fuzz/work/artifacts/<target>-crash-… and should become a regression test in the owning module's tests.
# FUZZ_CONFIGURATION=release builds optimized (~20x the executions per second; a much longer build).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(FuzzValidator FuzzSchemaLoader FuzzSignatureHeaders)
fi
configuration="${FUZZ_CONFIGURATION:-debug}"
# Seconds one input may take before it counts as a hang. Generous: a 64 KB schema takes ~3 s in a debug build with
# AddressSanitizer, many times that on a loaded CI machine.
timeout="${FUZZ_TIMEOUT:-60}"
scratch=.build-fuzz
work="$scratch/work"
mkdir -p "$work"

echo "building the fuzz targets ($configuration; log in $work/build.log)"
# SwiftPM does not notice files added to a path dependency (the main package) once it has planned a build; drop the
# plan so it is made afresh (this recompiles nothing that is up to date).
rm -f "$scratch/$configuration.yaml" "$scratch/$configuration/description.json"
if ! swift build --package-path Fuzz --scratch-path "$scratch" -c "$configuration" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/build.log" 2>&1; then
    grep -v "ld.gold: warning" "$work/build.log" | tail -40
    echo "error: the fuzz targets did not build" >&2
    exit 2
fi
binaries="$scratch/$configuration"

# Seed corpora, rebuilt every run from the repository's own inputs.
rm -rf "$work/seeds"
python3 Scripts/fuzz_seeds.py "$work/seeds"

# Swift's spare-bit enum payloads hide pointers from LeakSanitizer (false leak reports); leaks are not checked.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
# Swift's backtracer reads foreign memory after a fatal error, which AddressSanitizer reports as a second crash.
export SWIFT_BACKTRACE="enable=no"
run() {
    local target="$1"
    local corpus="$work/corpus/$target"
    mkdir -p "$corpus" "$work/artifacts"
    local status=0
    "$binaries/$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/$target-" "$corpus" "$work/seeds/$target" >"$work/$target.log" 2>&1 \
        || status=$?
    echo "$status" >"$work/$target.status"
}

# The targets run side by side (FUZZ_JOBS at a time, default all), each for the full time.
jobs="${FUZZ_JOBS:-${#targets[@]}}"
running=0
for target in "${targets[@]}"; do
    run "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

failed=()
for target in "${targets[@]}"; do
    log="$work/$target.log"
    status=$(cat "$work/$target.status")
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(find "$work/corpus/$target" -type f | wc -l | tr -d ' ')
    if [ "$status" -eq 0 ]; then
        echo "$target: ${executions:-?} executions in ${seconds}s (${rate:-?}/s), corpus $units inputs, 0 crashes"
    else
        echo "$target: FAILED (exit $status) after ${executions:-?} executions; see $log"
        grep -E "^==[0-9]+==ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -10
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "error: crashes in ${failed[*]}; inputs in $work/artifacts" >&2
    exit 1
fi
