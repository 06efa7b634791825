#!/usr/bin/env bash
# A throwaway PostgreSQL cluster from Debian's packages, for the store's tests and benchmarks.
#
#   scripts/pg-cluster.sh start DIR [PORT]   creates DIR/data, starts the server on 127.0.0.1:PORT
#                                            (default 54329) with its socket in DIR, and prints its URL
#   scripts/pg-cluster.sh stop DIR           stops it (DIR can then be removed)
#
# Needs the server binaries: `sudo apt-get install -y postgresql` (the cluster Debian creates is
# left alone). As root, the cluster runs as the unprivileged user `postgres`, which initdb requires.
# Extra server settings may come in PG_SETTINGS, e.g. PG_SETTINGS='-c fsync=off'.
set -euo pipefail

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "pg-cluster: no PostgreSQL server binaries under /usr/lib/postgresql: install them with 'sudo apt-get install -y postgresql'" >&2
    exit 3
  fi
  echo "$d"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
bin=$(bindir)
case "$cmd" in
  start)
    port=${3:-54329}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=50 ${PG_SETTINGS:-}" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
