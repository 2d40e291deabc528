#!/usr/bin/env bash
# The wire verdicts of `hookschema diff`, proven by the validator (see wire_proof.py). Installs PyYAML into
# .venv-schemadiff (git-ignored), then runs wire_proof.py with the given arguments (default: the hand-made cases and
# 300 random one-change mutations, fixed seed). HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build).
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
exec "$venv/bin/python" Tests/Diff/wire_proof.py --hookschema "$binary" "$@"
