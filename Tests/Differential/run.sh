#!/usr/bin/env bash
# Differential test of hookschema against python-jsonschema and jsonschema-rs (see README.md in this folder).
# Installs the pinned validators into .venv-diff (git-ignored), then runs differential.py with the given arguments
# (default: 20,000 deliveries, fixed seed). HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-diff
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/Differential/requirements.txt
binary="${HOOKSCHEMA:-$(swift build --show-bin-path)/hookschema}"
if [ ! -x "$binary" ]; then
    echo "error: $binary not found; run \`swift build\` first" >&2
    exit 2
fi
exec "$venv/bin/python" Tests/Differential/differential.py --hookschema "$binary" "$@"
