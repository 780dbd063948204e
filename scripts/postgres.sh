#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster for the integration tests and prints the
# environment variable that points the tests at it:
#
#   eval "$(scripts/postgres.sh start)"    # sets LODESTONE_TEST_POSTGRES
#   ./test.sh
#   scripts/postgres.sh stop
#
# initdb refuses to run as root, so as root the cluster runs as the `postgres` system user.
# The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port and trusts
# local connections: it is for tests only.
set -euo pipefail

dir="${LODESTONE_PG_DIR:-${TMPDIR:-/tmp}/lodestone-pg}"

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1 || true)
  if [[ -n "$candidate" ]]; then echo "$candidate"; return; fi
  echo "postgres.sh: $1 not found; install PostgreSQL (apt-get install -y postgresql)" >&2
  exit 1
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local initdb pg_ctl port
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  if [[ -f "$dir/port" ]] && as_owner "$pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    port=$(cat "$dir/port")
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
    as_owner "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A port can look free and still be held (a server shutting down, another cluster starting), so a
    # failed start moves on to the next port a few times before giving up.
    port=55432
    local tries=0
    while true; do
      while port_in_use "$port"; do port=$((port + 1)); done
      if as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2; then
        break
      fi
      tries=$((tries + 1))
      if ((tries >= 5)); then cat "$dir/server.log" >&2; exit 1; fi
      port=$((port + 1))
    done
    echo "$port" | as_owner tee "$dir/port" >/dev/null
  fi
  echo "export LODESTONE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

stop() {
  local pg_ctl
  pg_ctl=$(find_bin pg_ctl)
  if [[ -d "$dir/data" ]]; then
    as_owner "$pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
