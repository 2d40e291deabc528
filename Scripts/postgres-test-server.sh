#!/usr/bin/env bash
# A throwaway PostgreSQL server for the receiver's tests, on 127.0.0.1 only.
#
#   eval "$(Scripts/postgres-test-server.sh start)"   # installs Debian's postgresql if missing, starts a server,
#                                                     # prints `export HOOKSCHEMA_TEST_POSTGRES_URL=…`
#   Scripts/postgres-test-server.sh stop | restart    # the fault tests stop it mid-run and start it again
#
# The cluster lives in $HOOKSCHEMA_PG_DIR (default /tmp/hookschema-pg), is owned by the `postgres` user (the server
# refuses to run as root; CI runs as root), listens on $HOOKSCHEMA_PG_PORT (default 54329) and trusts loopback
# connections: it is for tests, never for data.
set -euo pipefail

dir="${HOOKSCHEMA_PG_DIR:-/tmp/hookschema-pg}"
port="${HOOKSCHEMA_PG_PORT:-54329}"
url="postgres://postgres@127.0.0.1:${port}/hookschema_test"

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$found" ]; then
        echo "postgresql is not installed" >&2
        return 1
    fi
    echo "$found"
}

install() {
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        echo "installing Debian's postgresql" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    fi
}

start() {
    install
    local bin
    bin="$(bindir)"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        chown postgres: "$dir" 2>/dev/null || true
        as_postgres "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2
    fi
    if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'hookschema_test'" | grep -q 1; then
        as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres hookschema_test
    fi
    echo "export HOOKSCHEMA_TEST_POSTGRES_URL=$url"
}

stop() {
    local bin
    bin="$(bindir)"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
