#!/usr/bin/env bash
# Faithfulness of `hookschema import` against the source schemas (see README.md in this folder). Installs the
# pinned validator and generator into .venv-import (git-ignored), then runs faithfulness.py with the given arguments
# (default: 300 generated instances per catalog, 3 mutations of each, fixed seed; the full run is --count 10000).
# HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build). The catalogs are read from ../shared/corpora.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-import
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/Import/requirements.txt
binary="${HOOKSCHEMA:-$(swift build --show-bin-path)/hookschema}"
if [ ! -x "$binary" ]; then
    echo "error: $binary not found; run \`swift build\` first" >&2
    exit 2
fi
exec "$venv/bin/python" Tests/Import/faithfulness.py --hookschema "$binary" "$@"
