#!/usr/bin/env bash
# The verdicts of `hookschema diff`, proven: the wire verdicts by the validator (wire_proof.py), the Swift verdicts
# by the compiler (swift_proof.py). Installs PyYAML into .venv-schemadiff (git-ignored), then runs both on the
# hand-made cases (cases.py) and random one-change mutations, fixed seed.
#
#   Tests/Diff/run.sh [--count N] [--swift-count M] [--seed S] [--deliveries D] [--keep DIR]
#
# --count: random pairs for the wire proof (default 300); --swift-count: for the Swift proof (default 60; each pair
# type-checks two generated packages). HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build), whose
# build folder's Modules (HookSchemaRuntime) the Swift proof compiles against.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-schemadiff
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/Diff/requirements.txt
binary="${HOOKSCHEMA:-$(swift build --show-bin-path)/hookschema}"
if [ ! -x "$binary" ]; then
    echo "error: $binary not found; run \`swift build\` first" >&2
    exit 2
fi
wire=()
swift=()
while [ $# -gt 0 ]; do
    case "$1" in
        --swift-count) swift+=(--count "$2"); shift 2 ;;
        --seed) wire+=("$1" "$2"); swift+=("$1" "$2"); shift 2 ;;
        *) wire+=("$1"); shift ;;
    esac
done
status=0
echo "==> wire verdicts, by the validator"
"$venv/bin/python" Tests/Diff/wire_proof.py --hookschema "$binary" "${wire[@]+"${wire[@]}"}" || status=1
echo "==> Swift verdicts, by the compiler"
"$venv/bin/python" Tests/Diff/swift_proof.py --hookschema "$binary" --modules "$(dirname "$binary")/Modules" \
    "${swift[@]+"${swift[@]}"}" || status=1
echo "==> SARIF output, against the SARIF 2.1.0 JSON Schema"
"$venv/bin/python" Tests/Diff/sarif_schema.py --hookschema "$binary" || status=1
exit $status
