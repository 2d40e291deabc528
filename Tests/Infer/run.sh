#!/usr/bin/env bash
# Issue 16's tests of `hookschema infer` (see Tests/Infer/README.md; the rules are in each script's docstring):
# 1. github_agreement.py: how close infer gets to GitHub's official webhook schemas from GitHub's 273 examples alone,
#    against GenSON on the same samples;
# 2. bundled_comparison.py: how the schemas infer writes from Examples/payloads/{extend,plextera} differ from the
#    bundled, hand-written Schemas/{extend,plextera}.
# Installs the pinned packages into .venv-infer (git-ignored), runs both (the GitHub one first), and ends with one
# `N passed, M failed` line over both; exit status 1 when either failed.
# Arguments: --json FILE writes both scripts' figures into FILE ({"github": …, "bundled": …}); --keep DIR keeps the
# GitHub deliveries and inferred schemas in DIR and the inferred Extend and Plextera schemas in DIR/bundled;
# --corpora DIR (GitHub only) reads another corpora folder. HOOKSCHEMA=path picks the binary (default: SwiftPM's
# debug build). The GitHub corpus is read from ../shared/corpora.
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

json="" keep=""
github_args=() bundled_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --json) json="${2:?--json needs a file}"; shift 2 ;;
        --json=*) json="${1#--json=}"; shift ;;
        --keep) keep="${2:?--keep needs a folder}"; shift 2 ;;
        --keep=*) keep="${1#--keep=}"; shift ;;
        --corpora) github_args+=("$1" "${2:?--corpora needs a folder}"); shift 2 ;;
        --corpora=*) github_args+=("$1"); shift ;;
        *) echo "error: unknown argument $1 (known: --json FILE, --keep DIR, --corpora DIR)" >&2; exit 2 ;;
    esac
done
if [ -n "$keep" ]; then
    github_args+=(--keep "$keep")
    bundled_args+=(--keep "$keep/bundled")
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
github_args+=(--json "$scratch/github.json")
bundled_args+=(--json "$scratch/bundled.json")

status=0
"$venv/bin/python" Tests/Infer/github_agreement.py --hookschema "$binary" "${github_args[@]}" \
    | tee "$scratch/github.txt" || status=1
echo
"$venv/bin/python" Tests/Infer/bundled_comparison.py --hookschema "$binary" "${bundled_args[@]}" \
    | tee "$scratch/bundled.txt" || status=1

# One line over both: each script's last line is `N passed, M failed`; a script that ended without it counts one
# failed criterion.
passed=0 failed=0
for part in github bundled; do
    last=$(tail -n 1 "$scratch/$part.txt")
    if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2]))
    else
        failed=$((failed + 1)) status=1
    fi
done
if [ -n "$json" ]; then
    "$venv/bin/python" - "$scratch" "$json" <<'EOF'
import json, os, sys
scratch, target = sys.argv[1:]
figures = {}
for part in ("github", "bundled"):
    path = os.path.join(scratch, part + ".json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            figures[part] = json.load(handle)
with open(target, "w", encoding="utf-8") as handle:
    json.dump(figures, handle, indent=2)
EOF
fi
echo
echo "$passed passed, $failed failed"
exit "$status"
