#!/usr/bin/env bash
# How close `hookschema infer` gets to GitHub's official webhook schemas from GitHub's 273 examples alone, against
# GenSON on the same samples (issue 16; the rules are in github_agreement.py's docstring). Installs the pinned
# packages into .venv-infer (git-ignored), then runs github_agreement.py with the given arguments (--json FILE writes
# the figures, --keep DIR keeps the deliveries and the inferred schemas, --corpora DIR reads another corpora folder).
# HOOKSCHEMA=path picks the binary (default: SwiftPM's debug build). The corpus is read from ../shared/corpora.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-infer
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/Infer/requirements.txt
binary="${HOOKSCHEMA:-$(swift build --show-bin-path)/hookschema}"
if [ ! -x "$binary" ]; then
    echo "error: $binary not found; run \`swift build\` first" >&2
    exit 2
fi
exec "$venv/bin/python" Tests/Infer/github_agreement.py --hookschema "$binary" "$@"
