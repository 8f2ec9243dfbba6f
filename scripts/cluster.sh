#!/usr/bin/env bash
# The model deployment on one machine (docs/scaling.md): a throwaway PostgreSQL, N stateless API processes and
# nginx (Debian's package) in front of them. For the load bench (npm run bench:server) and to try it out.
#   scripts/cluster.sh start [N]     prints the exports: KADER_URL (nginx), DATABASE_URL, CLUSTER_DIR
#   scripts/cluster.sh stop
#   scripts/cluster.sh cpu           CPU used so far by the API processes, by PostgreSQL and by nginx, in clock ticks
#                                    (the bench reports the difference: a cost per sync that hardly depends on the load)
# Environment: CLUSTER_DIR (default /tmp/kader-cluster), CLUSTER_PG_PORT (default 54340), CLUSTER_HTTP_PORT
# (nginx, default 8088), CLUSTER_API_PORT (the first API process, default 8100), CLUSTER_REF (a git ref: run that
# version's server instead of this tree's — the bench compares with the single-lock server this way),
# CLUSTER_NODE_ARGS (extra node flags for the API processes, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
# Installs nginx with apt-get when it is missing and we are root. The API processes run `tsx server/main.ts` with
# TRUST_PROXY=1: nginx passes each phone's address, so login limits count phones, not nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
dir="${CLUSTER_DIR:-/tmp/kader-cluster}"
say() { echo "$@" >&2; }

stop() {
  [ -d "$dir" ] || return 0
  for pidfile in "$dir"/api-*.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  [ -f "$dir/nginx.pid" ] && nginx -p "$dir" -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  [ -f "$dir/pg-stop" ] && sh -c "$(cat "$dir/pg-stop")" >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# utime + stime of a process, and of its children already reaped (PostgreSQL's ended backends), in clock ticks.
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

cpu() {
  local api=0 pg=0 nginx=0 hz pm nm
  hz="$(getconf CLK_TCK)"
  for pidfile in "$dir"/api-*.pid; do api=$((api + $(ticks "$(cat "$pidfile")"))); done
  pm="$(head -n 1 "$(grep -o -- '-D [^ ]*' "$dir/pg-stop" | cut -c4-)/postmaster.pid")"
  pg="$(ticks "$pm")"
  for child in $(pgrep -P "$pm"); do pg=$((pg + $(ticks "$child"))); done
  nm="$(cat "$dir/nginx.pid" 2>/dev/null || true)"
  if [ -n "$nm" ]; then
    nginx="$(ticks "$nm")"
    for child in $(pgrep -P "$nm"); do nginx=$((nginx + $(ticks "$child"))); done
  fi
  echo "{\"api\": $api, \"pg\": $pg, \"nginx\": $nginx, \"hz\": $hz}"
}

start() {
  local n="${1:-4}" http_port="${CLUSTER_HTTP_PORT:-8088}" api_port="${CLUSTER_API_PORT:-8100}"
  stop
  mkdir -p "$dir"
  if ! command -v nginx >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { say "nginx is not installed. As root: apt-get install -y nginx"; exit 1; }
    say "Installing nginx with apt-get…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >&2
  fi

  local server_dir="$root"
  if [ -n "${CLUSTER_REF:-}" ]; then
    server_dir="$dir/ref"
    mkdir -p "$server_dir"
    git archive "$CLUSTER_REF" server src package.json tsconfig.json | tar -x -C "$server_dir"
    ln -s "$root/node_modules" "$server_dir/node_modules"
  fi

  local log
  log="$(mktemp)"
  eval "$(TEST_PG_PORT="${CLUSTER_PG_PORT:-54340}" scripts/start-test-postgres.sh 2>"$log")"
  grep -o 'Stop it with: .*' "$log" | sed 's/^Stop it with: //' >"$dir/pg-stop"
  rm -f "$log"
  local db="$TEST_DATABASE_URL"

  # The first process migrates the empty database; the others then start at once.
  local upstream=""
  for i in $(seq 0 $((n - 1))); do
    local port=$((api_port + i))
    (cd "$server_dir" && DATABASE_URL="$db" PORT="$port" HOST=127.0.0.1 TRUST_PROXY=1 NODE_ENV=production \
      STATIC_DIR="$root/dist" exec node ${CLUSTER_NODE_ARGS:-} --import tsx server/main.ts --no-demo >"$dir/api-$i.log" 2>&1) &
    echo $! >"$dir/api-$i.pid"
    upstream+="    server 127.0.0.1:$port;"$'\n'
    if [ "$i" -eq 0 ] || [ "$i" -eq $((n - 1)) ]; then
      for _ in $(seq 1 120); do
        grep -q 'Kader ILP server' "$dir/api-$i.log" 2>/dev/null && break
        sleep 0.5
      done
      grep -q 'Kader ILP server' "$dir/api-$i.log" || { say "API process $i did not start:"; cat "$dir/api-$i.log" >&2; exit 1; }
    fi
  done
  for i in $(seq 1 $((n - 1))); do
    for _ in $(seq 1 120); do
      grep -q 'Kader ILP server' "$dir/api-$i.log" 2>/dev/null && break
      sleep 0.5
    done
  done

  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  # The API answers compressed itself; a push body is at most 1 MiB (docs/sync-protocol.md, "Limits").
  client_max_body_size 2m;
  upstream kader_api {
    least_conn;
$upstream    keepalive 64;
  }
  server {
    listen 127.0.0.1:$http_port;
    location / {
      proxy_pass http://kader_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # Replaced, never appended: the API trusts this header (TRUST_PROXY=1) as the phone's address.
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_read_timeout 60s;
      # A connection an API process resets before answering (a keep-alive race) goes to another process: safe for
      # every request here — pulls only read, and a push sent twice applies once (its change ids,
      # docs/sync-protocol.md "Atomicity and idempotency").
      proxy_next_upstream error non_idempotent;
    }
  }
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf"
  say "Cluster: PostgreSQL, $n API processes (${CLUSTER_REF:-this tree}), nginx on 127.0.0.1:$http_port. Logs in $dir."
  echo "export KADER_URL=http://127.0.0.1:$http_port DATABASE_URL=$db CLUSTER_DIR=$dir"
}

case "${1:-}" in
  start) start "${2:-4}" ;;
  stop) stop ;;
  cpu) cpu ;;
  *)
    say "Usage: scripts/cluster.sh start [N] | stop | cpu"
    exit 2
    ;;
esac
