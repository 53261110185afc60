#!/usr/bin/env bash
# A private PostgreSQL cluster for the storage contract tests, separate from any system cluster.
#
# Usage: scripts/test-database.sh start|stop|url
#   start  starts the cluster (initialising it the first time) on a free port, unless it runs,
#          writes its address to $XDG_CACHE_HOME/csec-trainer/test-database-url (where the tests
#          read it when CSEC_TRAINER_TEST_DATABASE is not set) and prints it
#   stop   stops the cluster and forgets the address
#   url    prints the address of the running cluster
#
# The cluster lives in ${TMPDIR:-/tmp}/csec-trainer-postgres-$UID (data, socket and log), trusts
# local connections only, and listens on 127.0.0.1. As root it runs as the postgres user
# (initdb refuses root). Needs Debian's postgresql package (scripts/setup.sh --tests installs it).
set -euo pipefail

directory="${TMPDIR:-/tmp}/csec-trainer-postgres-$(id -u)"
url_file="${XDG_CACHE_HOME:-$HOME/.cache}/csec-trainer/test-database-url"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

as_owner=()
if [[ $(id -u) -eq 0 ]]; then as_owner=(runuser -u postgres --); fi

running() {
    [[ -n "$bin" && -f "$directory/db/postmaster.pid" ]] && "${as_owner[@]}" "$bin/pg_ctl" -D "$directory/db" status >/dev/null 2>&1
}

case "${1:-}" in
start)
    if [[ -z "$bin" ]]; then
        echo "test-database: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
        exit 1
    fi
    if ! running; then
        mkdir -p "$directory"
        chmod 0700 "$directory"
        if [[ $(id -u) -eq 0 ]]; then chown postgres: "$directory"; fi
        if [[ ! -f "$directory/db/PG_VERSION" ]]; then
            "${as_owner[@]}" "$bin/initdb" -D "$directory/db" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
                >"$directory/initdb.log"
        fi
        port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        "${as_owner[@]}" "$bin/pg_ctl" -D "$directory/db" -o "-p $port -k $directory -c listen_addresses=127.0.0.1" \
            -l "$directory/log" -w start >/dev/null
        mkdir -p "$(dirname "$url_file")"
        echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable" >"$url_file"
    fi
    cat "$url_file"
    ;;
stop)
    if running; then "${as_owner[@]}" "$bin/pg_ctl" -D "$directory/db" -m fast -w stop >/dev/null; fi
    rm -f "$url_file"
    ;;
url)
    running && cat "$url_file"
    ;;
*)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 64
    ;;
esac
