#!/usr/bin/env bash
# Runs every ```sh block of README.md, in order, and then the `run:` steps of its workflow snippet, as one bash
# script with `set -e`, the way a newcomer runs them on a fresh clone: in a clone of this repository (so `origin/main`
# exists for `diff --base`), with ../shared beside it, as here. A command that fails, was renamed or lost an option
# fails this test. Only what cannot run here is replaced:
#
#   swift run [--traits Receiver] NAME ARGS   runs the already built $BIN/NAME ARGS (CI built them once; building
#                                             the package again in the copy would only repeat that build)
#   swift test …                              skipped: CI runs the README's test command as its own step
#   git clone …/octokit/webhooks.git DIR      copies ../shared/corpora/github-webhooks (octokit/webhooks at a pinned
#                                             commit: the same files, and this machine has no network)
#
# `hookschema replay` first waits (up to 60 s) for the port of its --to URL, since the README starts the example
# server in the background just before; background jobs are stopped at the end.
#
#   BIN="$(swift build --traits Receiver --show-bin-path)" Tests/README/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BIN:?set BIN to the folder of the built hookschema and hookschema-receiver}"
BIN="$(cd "$BIN" && pwd)"
python3 Tests/README/links.py   # first: every relative link of every Markdown file resolves
shared="$(cd ../shared && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet . "$work/repo"
ln -s "$shared" "$work/shared"

script="$work/readme.sh"
{
    cat <<PRELUDE
set -euo pipefail
BIN='$BIN'
SHARED='$shared'
PRELUDE
    cat <<'PRELUDE'
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
swift() {
    case "$1" in
    run)
        shift
        while [[ "$1" == --* ]]; do
            case "$1" in --traits) shift 2 ;; *) shift ;; esac
        done
        local name="$1"
        shift
        if [ "$name" = hookschema ] && [ "${1:-}" = replay ]; then wait_for_target "$@"; fi
        echo "+ $name $*" >&2
        if [ "$BASHPID" != "$$" ]; then exec "$BIN/$name" "$@"; else "$BIN/$name" "$@"; fi
        ;;
    test) echo "+ swift $* (skipped: CI runs it as its own step)" >&2 ;;
    *) echo "README test: no stand-in for \`swift $*\`" >&2; return 2 ;;
    esac
}
git() {
    if [ "$1" = clone ] && [[ "$*" == *github.com/octokit/webhooks* ]]; then
        local destination="${@: -1}"
        echo "+ git $* (a copy of ../shared/corpora/github-webhooks)" >&2
        cp -R "$SHARED/corpora/github-webhooks" "$destination"
    else
        command git "$@"
    fi
}
wait_for_target() {
    local url="" previous=""
    for argument in "$@"; do
        if [ "$previous" = --to ]; then url="$argument"; fi
        previous="$argument"
    done
    local hostport="${url#*://}"
    hostport="${hostport%%/*}"
    for _ in $(seq 1 600); do
        if (exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "README test: nothing listens on $hostport after 60 s" >&2
    return 1
}
PRELUDE
    awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0 } inside' README.md
    echo '# the workflow snippet'"'"'s steps'
    awk '/^```yaml$/ { inside = 1; next } /^```/ { inside = 0 } inside && /^ *- run: / { sub(/^ *- run: /, ""); print }' \
        README.md
} >"$script"

blocks="$(grep -c '^```sh$' README.md)"
steps="$(awk '/^```yaml$/{i=1;next} /^```/{i=0} i && /^ *- run: /' README.md | wc -l)"
echo "running the $blocks sh blocks of README.md and the $steps run: steps of its workflow, in a clone of the repository"
(cd "$work/repo" && bash "$script")
echo "README.md: every command ran"
