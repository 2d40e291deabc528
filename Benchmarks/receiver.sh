#!/usr/bin/env bash
# The receiver under load on this machine, release build: the example server (Extend) on a fresh SQLite file, then
# on PostgreSQL when HOOKSCHEMA_TEST_POSTGRES_URL is set (Scripts/postgres-test-server.sh start), each driven by
# hookschema-receiver-load over loopback (every delivery signed, before the clock starts, with a unique event id, so
# each one is claimed, captured and handled; one thread, non-blocking sockets, so it takes little of the two cores
# it shares with the server): first as fast as answered (sustained deliveries/s), then open-loop at 1,000/s
# (p50/p99, measured from each delivery's scheduled time). Each run also prints the server's CPU time per delivery.
#
#   Benchmarks/receiver.sh [SECONDS]        # default 10 s per run
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
scratch=.build-bench-receiver   # its own, so a debug build in .build does not wait for it
swift build -c release --traits Receiver --scratch-path "$scratch" --product hookschema-receiver >&2
swift build -c release --traits Receiver --scratch-path "$scratch" --product hookschema-receiver-load >&2
bin="$(swift build -c release --traits Receiver --scratch-path "$scratch" --show-bin-path)"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

cpu_seconds() { # pid: user + system CPU seconds so far
    awk -v tick="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tick }' "/proc/$1/stat"
}

run() { # label database-url
    "$bin/hookschema-receiver" --provider extend --database-url "$2" --port 0 >"$work/server.out" 2>"$work/server.err" &
    server=$!
    for _ in $(seq 1 100); do grep -q '^listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
    local url
    url="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$work/server.out")"
    [ -n "$url" ] || { cat "$work/server.err" >&2; exit 1; }
    echo "== $1: as fast as answered (32 connections, ${seconds} s)"
    cpu_before="$(cpu_seconds "$server")"
    "$bin/hookschema-receiver-load" --url "$url" --seconds "$seconds" --connections 32
    echo "server: $(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server")" -v n="$seconds" \
        'BEGIN { printf "%.0f", (b - a) / (n * 4000) * 1e6 }') µs of CPU per delivery"
    cpu_before="$(cpu_seconds "$server")"
    echo "== $1: open loop at 1,000/s (${seconds} s)"
    "$bin/hookschema-receiver-load" --url "$url" --rate 1000 --seconds "$seconds" --connections 32
    echo "server: $(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server")" -v n="$seconds" \
        'BEGIN { printf "%.0f", (b - a) / (n * 1000) * 1e6 }') µs of CPU per delivery at 1,000/s"
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

echo "machine: $(nproc) cores, $(uname -sr); $(swift --version 2>/dev/null | head -n 1)"
run "SQLite (WAL, synchronous=NORMAL)" "$work/captures.sqlite"
if [ -n "${HOOKSCHEMA_TEST_POSTGRES_URL:-}" ]; then
    run "PostgreSQL (same machine, synchronous_commit=on)" "$HOOKSCHEMA_TEST_POSTGRES_URL"
fi
