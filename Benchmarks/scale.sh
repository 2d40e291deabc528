#!/usr/bin/env bash
# Scale benchmark (issue 8): 1,000 synthetic ExtractRun-sized events through the generator and the compiler.
#
#   Benchmarks/scale.sh [--events N] [--keep]
#   Benchmarks/scale.sh --github [--keep]      # issue 14: GitHub's real catalog (224 events), imported first
#
# With --github the schemas are GitHub's (../shared/corpora/github-webhooks), imported by a release
# `hookschema import jsonschema` (timed: target < 1 s), and the same steps follow (targets: type-check < 30 s,
# debug build < 90 s and < 2 GB).
#
# Writes a provider with N events (default 1,000) into a temporary folder: each event's payload is an inline object
# of about 25 members, ExtractRun-sized, that references shared named types declared once in provider.yaml (a file
# summary, usage with its breakdown, open enums, a union), so shared types are referenced, not copied. Then measures:
#   1. codegen: a release `hookschema generate` (wall time, peak memory);
#   2. lines of generated Swift;
#   3. `swiftc -typecheck -wmo` of the generated code against the release HookSchemaRuntime (time, peak memory);
#   4. a debug `swift build` of a temporary package holding HookSchemaModel, HookSchemaRuntime and the generated
#      target (time, peak memory).
# Targets on the 2-core reference machine: codegen < 1 s, type-check < 30 s, debug build < 120 s and < 2 GB.
# Needs /usr/bin/time (GNU time, for peak memory). Runs from a fresh clone: it builds what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

events=1000
keep=false
github=false
while [ $# -gt 0 ]; do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --keep) keep=true; shift ;;
        --github) github=true; shift ;;
        *) echo "usage: Benchmarks/scale.sh [--events N | --github] [--keep]" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }

scratch="${SCALE_SCRATCH:-$root/.build-scale}"
work=$(mktemp -d "${TMPDIR:-/tmp}/hookschema-scale.XXXXXX")
if [ "$keep" = false ]; then trap 'rm -rf "$work"' EXIT; fi

# Wall seconds and peak resident MB of a command, from GNU time's verbose report.
measure() {
    local label="$1"; shift
    local report="$work/$label.time"
    if ! /usr/bin/time -v -o "$report" "$@" > "$work/$label.log" 2>&1; then
        echo "error: $label failed; last lines of its output:" >&2
        tail -20 "$work/$label.log" >&2
        exit 1
    fi
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$report")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$report")
    printf '%s %s\n' "$wall" "$rss"
}

echo "==> building hookschema (release) in $scratch"
swift build -c release --product hookschema --scratch-path "$scratch" > "$work/build-tool.log" 2>&1 \
    || { tail -30 "$work/build-tool.log" >&2; exit 1; }
swift build -c release --target HookSchemaRuntime --scratch-path "$scratch" > "$work/build-runtime.log" 2>&1 \
    || { tail -30 "$work/build-runtime.log" >&2; exit 1; }
bin="$scratch/release/hookschema"
modules="$scratch/release/Modules"
[ -d "$modules" ] || modules="$scratch/release"

module=SynthWebhooks
build_target=120
if [ "$github" = true ]; then
    corpus="$root/../shared/corpora/github-webhooks/payload-schemas/api.github.com"
    [ -d "$corpus" ] || { echo "error: $corpus not found" >&2; exit 2; }
    mkdir -p "$work/schemas/github"
    cp "$root/Examples/providers/github/provider.yaml" "$work/schemas/github/"
    echo "==> import (release hookschema import jsonschema, the cookbook's provider.yaml kept)"
    read -r import_time import_rss < <(measure import "$bin" import jsonschema "$corpus" --provider github \
        --output "$work/schemas")
    events=$(find "$work/schemas/github" -name '*.yaml' ! -name provider.yaml | wc -l | tr -d ' ')
    module=GithubWebhooks
    build_target=90
else
    echo "==> writing $events synthetic events into $work/schemas"
    python3 "$root/Benchmarks/scale_schemas.py" "$work/schemas" "$events"
fi

echo "==> codegen"
read -r gen_time gen_rss < <(measure generate "$bin" generate --schemas "$work/schemas" --output "$work/generated")
generated="$work/generated/$module"
files=$(find "$generated" -name '*.swift' | wc -l | tr -d ' ')
lines=$(cat "$generated"/*.swift | wc -l | tr -d ' ')

echo "==> swiftc -typecheck -wmo"
read -r tc_time tc_rss < <(measure typecheck swiftc -typecheck -wmo -swift-version 6 -module-name "$module" \
    -I "$modules" "$generated"/*.swift)

echo "==> debug swift build of a package holding the generated code"
package="$work/package"
mkdir -p "$package/Sources"
cp -R "$root/Sources/HookSchemaModel" "$root/Sources/HookSchemaRuntime" "$package/Sources/"
cp -R "$generated" "$package/Sources/$module"
cat > "$package/Package.swift" <<EOF
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Synth",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "HookSchemaModel"),
        .target(name: "HookSchemaRuntime", dependencies: ["HookSchemaModel"]),
        .target(name: "$module", dependencies: ["HookSchemaRuntime"]),
    ]
)
EOF
read -r build_time build_rss < <(measure build swift build --package-path "$package" --scratch-path "$package/.build")

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "ok" : "OVER" }'; }
echo
load=$(awk '{ print $1 }' /proc/loadavg 2>/dev/null || echo "?")
echo "Scale benchmark$([ "$github" = true ] && echo " (GitHub's catalog)"): $events events, $files generated files, $lines lines of Swift"
echo "($(uname -m), $(nproc) cores, load average $load at the end: figures grow with other work on the machine)"
printf '%-34s %9s %10s %8s\n' "step" "seconds" "peak MB" "target"
if [ "$github" = true ]; then
    printf '%-34s %9s %10s %8s\n' "import (release import jsonschema)" "$import_time" "$import_rss" \
        "<1 s $(verdict "$import_time" 1)"
fi
printf '%-34s %9s %10s %8s\n' "codegen (release generate)" "$gen_time" "$gen_rss" "<1 s $(verdict "$gen_time" 1)"
printf '%-34s %9s %10s %8s\n' "swiftc -typecheck -wmo" "$tc_time" "$tc_rss" "<30 s $(verdict "$tc_time" 30)"
printf '%-34s %9s %10s %8s\n' "debug swift build (package)" "$build_time" "$build_rss" \
    "<$build_target s $(verdict "$build_time" "$build_target"), <2 GB $(verdict "$build_rss" 2048)"
if [ "$keep" = true ]; then echo "kept: $work"; fi
