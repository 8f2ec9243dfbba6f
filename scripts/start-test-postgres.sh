#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the server tests and prints the line to export:
#   eval "$(scripts/start-test-postgres.sh)" && npx vitest run --project unit tests/server
# Installs PostgreSQL with apt-get when it is missing and we are root. The cluster lives in a temp folder, trusts
# local connections (it holds test data only) and is stopped with the command printed on stderr.
# Environment: TEST_PG_PORT (default 54329).
set -euo pipefail

port="${TEST_PG_PORT:-54329}"
say() { echo "$@" >&2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed. As root: apt-get update && apt-get install -y postgresql"
    exit 1
  fi
  say "Installing PostgreSQL with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

dir="$(mktemp -d /tmp/kader-test-pg.XXXXXX)"
# initdb and postgres refuse to run as root: as root, run them as the postgres user Debian's package creates.
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi

as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kader_test

say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') is running in $dir on 127.0.0.1:$port."
if [ "$(id -u)" -eq 0 ]; then
  say "Stop it with: runuser -u postgres -- $bin/pg_ctl -D $dir/data stop && rm -rf $dir"
else
  say "Stop it with: $bin/pg_ctl -D $dir/data stop && rm -rf $dir"
fi
echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/kader_test"
