#!/usr/bin/env bash
# Checks the bundled Extend schemas against Extend's official Python SDK (extend-ai, pinned in
# Scripts/requirements-sdk.txt): prints every member the schemas require that the SDK's pydantic models make
# Optional, and every enum value the SDK knows that the schemas do not; exits 1 when it printed any (see
# Scripts/extend_sdk_faithfulness.py). Creates the virtual environment .venv-sdk (git-ignored) on first use and
# reinstalls into it whenever the requirements file changes. Arguments are passed to the script (--verbose, ...).
# PYTHON=python3.12 picks the interpreter that creates the venv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-sdk"
requirements="$root/Scripts/requirements-sdk.txt"
stamp="$venv/.requirements-sdk.txt"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv" >&2
fi
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    cp "$requirements" "$stamp"
fi
exec "$venv/bin/python" "$root/Scripts/extend_sdk_faithfulness.py" "$@"
