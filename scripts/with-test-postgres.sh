#!/usr/bin/env bash
# Runs a command (the test suite) with a throwaway PostgreSQL on loopback, so the server tests run on PostgreSQL as
# well as on the embedded PGlite. Without root and without PostgreSQL installed it runs the command without it and
# says so; under CI (CI=true) PostgreSQL is required.
#   scripts/with-test-postgres.sh npx vitest run
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
if exports="$(scripts/start-test-postgres.sh 2>"$log")"; then
  eval "$exports"
  stop="$(grep -o 'Stop it with: .*' "$log" | sed 's/^Stop it with: //')"
  trap 'sh -c "$stop" >/dev/null 2>&1 || true' EXIT
  echo "Server tests also run on PostgreSQL ($TEST_DATABASE_URL)."
else
  cat "$log" >&2
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is required under CI." >&2
    exit 1
  fi
  echo "PostgreSQL unavailable: the server tests run on the embedded PGlite only." >&2
fi
rm -f "$log"
"$@"
