#!/usr/bin/env bash
# The receiver walk-through as a user runs it (the README's own commands are run by Tests/README/run.sh): start the
# example server (SQLite, no set-up) for each bundled provider, replay its examples into it, export the captures as
# files and as NDJSON, and `hookschema check` both. Then two example servers on one PostgreSQL database: the same
# delivery posted to both at once is handled once.
#
#   BIN="$(swift build --traits Receiver --show-bin-path)" Tests/Receiver/readme_flow.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BIN:?set BIN to the folder of the built hookschema-receiver and hookschema}"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

url=""
start_server() { # provider database-url name → sets $url
    "$BIN/hookschema-receiver" --provider "$1" --database-url "$2" --port 0 --verbose >"$work/$3.out" 2>"$work/$3.err" &
    pids+=($!)
    for _ in $(seq 1 100); do grep -q '^listening on' "$work/$3.out" 2>/dev/null && break; sleep 0.1; done
    url="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$work/$3.out")"
    [ -n "$url" ] || { cat "$work/$3.err" >&2; echo "FAIL: the example server did not start" >&2; exit 1; }
}

export EXTEND_SIGNING_SECRET=wss_readme_walkthrough_secret
export PLEXTERA_SIGNING_SECRET=readme-walkthrough-secret
start_server extend "$work/captures.sqlite" extend
extend="$url"
"$BIN/hookschema" replay Examples/payloads/extend --provider extend --secret-env EXTEND_SIGNING_SECRET \
    --to "$extend" --rate 50
start_server plextera "$work/captures.sqlite" plextera
plextera="$url"
"$BIN/hookschema" replay Examples/payloads/plextera/deliveries --provider plextera \
    --secret-env PLEXTERA_SIGNING_SECRET --to "$plextera"

"$BIN/hookschema" captures export --database-url "$work/captures.sqlite" --output "$work/captures"
count="$(find "$work/captures" -name '*.delivery.json' | wc -l)"
expected="$(find Examples/payloads/extend Examples/payloads/plextera/deliveries -name '*.json' | wc -l)"
echo "exported $count delivery files from $expected example files (a delivery sharing an event id with another is a duplicate)"
[ "$count" -gt 0 ] || { echo "FAIL: nothing was captured" >&2; exit 1; }
"$BIN/hookschema" check "$work/captures"
"$BIN/hookschema" captures export --database-url "$work/captures.sqlite" --format ndjson --output "$work/bodies.ndjson"
"$BIN/hookschema" check "$work/bodies.ndjson"

if [ -n "${HOOKSCHEMA_TEST_POSTGRES_URL:-}" ]; then
    start_server extend "$HOOKSCHEMA_TEST_POSTGRES_URL" pg1
    first="$url"
    start_server extend "$HOOKSCHEMA_TEST_POSTGRES_URL" pg2
    second="$url"
    id="evt_two_processes_$(date +%s%N)"
    sed "s/evt_9fK2mQ7pL3nR8vT4xY6wZ1/$id/" Examples/payloads/extend/extract_run.processed.json >"$work/one.json"
    # Signed once (as a provider's retry of one event would be), posted 20 times at once with curl: light
    # processes, so the machine's two cores go to the receivers.
    headers=()
    while IFS= read -r line; do headers+=(-H "$line"); done \
        < <("$BIN/hookschema" sign --provider extend --secret-env EXTEND_SIGNING_SECRET "$work/one.json")
    posts=()
    for _ in $(seq 1 10); do
        for target in "$first" "$second"; do
            curl -s -o /dev/null -w '%{http_code}\n' -X POST "$target" -H 'Content-Type: application/json' \
                "${headers[@]}" --data-binary @"$work/one.json" >>"$work/statuses.log" &
            posts+=($!)
        done
    done
    for pid in "${posts[@]}"; do wait "$pid" || true; done
    echo "statuses: $(sort "$work/statuses.log" | uniq -c | tr -s ' ' | tr '\n' ' ')"
    if grep -qvE '^(200|409)$' "$work/statuses.log"; then
        echo "FAIL: a status other than 200 (handled, duplicate) or 409 (in progress)" >&2
        exit 1
    fi
    runs="$(cat "$work/pg1.out" "$work/pg2.out" | grep -c "^handled extract_run.processed $id " || true)"
    echo "20 identical deliveries to two receiver processes on one PostgreSQL: the handler ran $runs time(s)"
    if [ "$runs" -ne 1 ]; then
        cat "$work/pg1.out" "$work/pg1.err" "$work/pg2.out" "$work/pg2.err" >&2
        echo "FAIL: expected exactly one handler run" >&2
        exit 1
    fi
fi
echo "receiver walk-through: ok"
