#!/usr/bin/env bash
# PostgreSQL stopped in the middle of a run: the example server answers 503 while it is down (nothing is
# acknowledged), and after it is started again every delivery that got a 2xx is in the captures.
#
#   BIN="$(swift build --traits Receiver --show-bin-path)" Tests/Receiver/postgres_fault.sh
#
# Needs HOOKSCHEMA_TEST_POSTGRES_URL and Scripts/postgres-test-server.sh (which this stops and starts).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BIN:?set BIN to the folder of the built hookschema-receiver, hookschema and hookschema-receiver-load}"
: "${HOOKSCHEMA_TEST_POSTGRES_URL:?start PostgreSQL with Scripts/postgres-test-server.sh first}"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    Scripts/postgres-test-server.sh start >/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$BIN/hookschema-receiver" --provider extend --database-url "$HOOKSCHEMA_TEST_POSTGRES_URL" --port 0 \
    >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$work/server.out")"
[ -n "$url" ] || { cat "$work/server.err" >&2; echo "FAIL: the example server did not start" >&2; exit 1; }

# 12 s of deliveries at 100/s; PostgreSQL is down from 2 s to 8 s (longer than the 5 s operation timeout).
"$BIN/hookschema-receiver-load" --url "$url" --rate 100 --seconds 12 --connections 64 --log "$work/sent.log" \
    >"$work/load.out" &
load=$!
sleep 2
Scripts/postgres-test-server.sh stop
sleep 6
Scripts/postgres-test-server.sh start >/dev/null
wait "$load"
cat "$work/load.out"

ok="$(awk '$2 >= 200 && $2 < 300' "$work/sent.log" | wc -l)"
unavailable="$(awk '$2 == 503' "$work/sent.log" | wc -l)"
other="$(awk '!($2 >= 200 && $2 < 300) && $2 != 503' "$work/sent.log" | wc -l)"
echo "2xx: $ok, 503: $unavailable, other: $other"
[ "$unavailable" -gt 0 ] || { echo "FAIL: no 503 while PostgreSQL was down" >&2; exit 1; }
[ "$ok" -gt 0 ] || { echo "FAIL: no delivery succeeded" >&2; exit 1; }
[ "$other" -eq 0 ] || { echo "FAIL: answers other than 2xx and 503:" >&2; awk '!($2 >= 200 && $2 < 300) && $2 != 503' "$work/sent.log" | head >&2; exit 1; }

# Every acknowledged delivery is captured.
"$BIN/hookschema" captures export --database-url "$HOOKSCHEMA_TEST_POSTGRES_URL" --format ndjson \
    --output "$work/captures.ndjson"
# The event ids in the export, read once (the database may hold many other captures).
grep -oE '"evt_load_[a-z0-9]+_[0-9]+"' "$work/captures.ndjson" | tr -d '"' | sort -u >"$work/captured.txt"
awk 'NR == FNR { captured[$1] = 1; next }
     $2 >= 200 && $2 < 300 && !($1 in captured) { print "FAIL: " $1 " got " $2 " but is not in the captures"; missing++ }
     END { exit missing > 0 }' "$work/captured.txt" "$work/sent.log" >&2 || exit 1
echo "every one of the $ok acknowledged deliveries is in the captures after the restart"
