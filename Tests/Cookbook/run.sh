#!/usr/bin/env bash
# The provider cookbook's signature tests (see Examples/providers/README.md): each provider's own library signs and
# hookschema verifies, hookschema signs and the library verifies, and the example deliveries verify with
# `hookschema check`. Installs the pinned libraries into .venv-cookbook (git-ignored), then runs pytest with the
# given arguments. HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build). `--python-only` runs only the
# tests that need no binary (the libraries against themselves, the example deliveries, the key pairs).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1
venv=.venv-cookbook
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/Cookbook/requirements.txt
if [ "${1:-}" = "--python-only" ]; then
    shift
    unset HOOKSCHEMA
    exec "$venv/bin/python" -m pytest Tests/Cookbook -m "not hookschema" "$@"
fi
binary="${HOOKSCHEMA:-$(swift build --show-bin-path)/hookschema}"
if [ ! -x "$binary" ]; then
    echo "error: $binary not found; run \`swift build\` first" >&2
    exit 2
fi
export HOOKSCHEMA="$binary"
exec "$venv/bin/python" -m pytest Tests/Cookbook "$@"
