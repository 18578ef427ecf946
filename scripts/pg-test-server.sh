#!/usr/bin/env bash
# A throwaway PostgreSQL server for the integration tests (Debian's postgresql packages).
#
#   eval "$(scripts/pg-test-server.sh start)"   # starts it; prints `export TEST_DATABASE_URL=postgres://...`
#   eval "$(scripts/pg-test-server.sh start-replica)"   # a streaming replica of it (pg_basebackup -R), on the next
#                                                      # free port; prints `export TEST_DATABASE_REPLICA_URL=...`
#   scripts/pg-test-server.sh url | status | stop | install     (stop stops both)
#
# PG_TEST_REPLICA=1 makes `start` start the replica too. The primary accepts replication connections from 127.0.0.1
# (wal_level=replica, max_wal_senders) and names any standby synchronous (synchronous_standby_names='*'): sessions
# commit without waiting for it (synchronous_commit=off, the test default) unless they ask for remote_apply, as the
# integration tests run through the replica do (tests/support/test-database.ts), so that what a test wrote is on the
# replica when it reads it back.
#
# The cluster lives in a fresh temporary directory (under $PG_TEST_TMP, default /tmp), listens on 127.0.0.1 only
# (port $PG_TEST_PORT, default 54329, or the next free one), trusts local connections and runs without fsync: test
# data only. As root, the server runs as the `postgres` user (initdb refuses root). If the server binaries are
# missing they are installed with apt-get (root only). State is kept in $PG_TEST_STATE so that `stop` finds it.
set -euo pipefail

STATE="${PG_TEST_STATE:-/tmp/vanbang-pg-test.state}"
BASE_PORT="${PG_TEST_PORT:-54329}"
TMP_BASE="${PG_TEST_TMP:-/tmp}"

log() { echo "[pg-test-server] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
}

has_extensions() {
  # pg_trgm and unaccent (migration 0000) ship with the server package since PostgreSQL 10.
  local bindir="$1" share
  share="$("$bindir/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$(basename "$(dirname "$bindir")")")"
  [[ -f "$share/extension/pg_trgm.control" && -f "$share/extension/unaccent.control" ]]
}

install_server() {
  local bindir
  bindir="$(find_bindir)"
  if [[ -n "$bindir" ]] && has_extensions "$bindir"; then return 0; fi
  if [[ "$(id -u)" != 0 ]]; then
    die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin). Install them: sudo apt-get install -y postgresql"
  fi
  log "installing PostgreSQL server (apt-get install postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql postgresql-contrib >&2 || apt-get install -y -qq postgresql >&2
  bindir="$(find_bindir)"
  [[ -n "$bindir" ]] || die "postgresql was installed but no /usr/lib/postgresql/*/bin/initdb was found"
  has_extensions "$bindir" || die "pg_trgm/unaccent extensions are missing from $bindir's installation"
}

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

read_state() {
  [[ -f "$STATE" ]] || return 1
  # shellcheck disable=SC1090
  source "$STATE"
  [[ -n "${PGT_DIR:-}" && -n "${PGT_PORT:-}" && -n "${PGT_BIN:-}" ]]
}

is_running() {
  read_state || return 1
  [[ -d "$PGT_DIR/data" ]] && as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" status >/dev/null 2>&1
}

url() { echo "postgres://postgres@127.0.0.1:${PGT_PORT}/postgres"; }

start() {
  if is_running; then
    log "already running on port $PGT_PORT ($PGT_DIR)"
    echo "export TEST_DATABASE_URL=$(url)"
    if [[ "${PG_TEST_REPLICA:-}" == 1 ]] || replica_running; then start_replica; fi
    return 0
  fi
  [[ -f "$STATE" ]] && stop_server
  install_server
  local bindir dir port
  bindir="$(find_bindir)"
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  port="$BASE_PORT"
  while port_in_use "$port"; do
    port=$((port + 1))
    [[ $port -lt $((BASE_PORT + 50)) ]] || die "no free port in $BASE_PORT..$port"
  done

  dir="$(mktemp -d "$TMP_BASE/vanbang-pg-test.XXXXXX")"
  chmod 755 "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
  if ! as_owner test -w "$dir"; then
    rm -rf "$dir"
    die "$dir is not writable by the postgres user (is $TMP_BASE traversable by others?); set PG_TEST_TMP"
  fi
  printf 'PGT_DIR=%q\nPGT_PORT=%q\nPGT_BIN=%q\n' "$dir" "$port" "$bindir" >"$STATE"
  PGT_DIR="$dir" PGT_PORT="$port" PGT_BIN="$bindir"

  log "initdb $dir/data ($bindir)"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  cat >>"$dir/data/postgresql.conf" <<EOF

# vanbang test server: disposable data, speed over durability
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
# a streaming replica may be started from it (start-replica)
wal_level = replica
max_wal_senders = 10
synchronous_standby_names = '*'
EOF
  grep -q '^host *replication *all *127.0.0.1/32' "$dir/data/pg_hba.conf" \
    || echo 'host replication all 127.0.0.1/32 trust' >>"$dir/data/pg_hba.conf"
  log "starting on 127.0.0.1:$port"
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    cat "$dir/server.log" >&2 || true
    die "pg_ctl start failed"
  fi
  local i
  for i in $(seq 1 60); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then break; fi
    [[ $i -lt 60 ]] || { cat "$dir/server.log" >&2; die "server not ready after 30 s"; }
    sleep 0.5
  done
  log "ready: $(url)"
  echo "export TEST_DATABASE_URL=$(url)"
  if [[ "${PG_TEST_REPLICA:-}" == 1 ]]; then start_replica; fi
}

replica_url() { echo "postgres://postgres@127.0.0.1:${PGT_REPLICA_PORT}/postgres"; }

replica_running() {
  read_state || return 1
  [[ -n "${PGT_REPLICA_PORT:-}" && -d "$PGT_DIR/replica" ]] \
    && as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/replica" status >/dev/null 2>&1
}

# A hot standby of the running primary: pg_basebackup -R (streaming, with a recovery configuration), own port.
start_replica() {
  is_running || die "the primary is not running: start it first"
  if replica_running; then
    log "replica already running on port $PGT_REPLICA_PORT"
    echo "export TEST_DATABASE_REPLICA_URL=$(replica_url)"
    return 0
  fi
  local port=$((PGT_PORT + 1))
  while port_in_use "$port"; do
    port=$((port + 1))
    [[ $port -lt $((PGT_PORT + 50)) ]] || die "no free port for the replica"
  done
  as_owner rm -rf "$PGT_DIR/replica"
  log "pg_basebackup -R from 127.0.0.1:$PGT_PORT into $PGT_DIR/replica"
  as_owner "$PGT_BIN/pg_basebackup" -h 127.0.0.1 -p "$PGT_PORT" -U postgres -D "$PGT_DIR/replica" -R -X stream \
    --no-sync >"$PGT_DIR/basebackup.log" 2>&1 || { cat "$PGT_DIR/basebackup.log" >&2; die "pg_basebackup failed"; }
  printf '\n# vanbang test replica\nport = %s\nhot_standby = on\n' "$port" \
    | as_owner tee -a "$PGT_DIR/replica/postgresql.conf" >/dev/null
  printf 'PGT_REPLICA_PORT=%q\n' "$port" >>"$STATE"
  PGT_REPLICA_PORT="$port"
  log "starting the replica on 127.0.0.1:$port"
  if ! as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/replica" -l "$PGT_DIR/replica.log" -w -t 60 start >/dev/null; then
    cat "$PGT_DIR/replica.log" >&2 || true
    die "pg_ctl start (replica) failed"
  fi
  local i
  for i in $(seq 1 60); do
    if "$PGT_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then break; fi
    [[ $i -lt 60 ]] || { cat "$PGT_DIR/replica.log" >&2; die "replica not ready after 30 s"; }
    sleep 0.5
  done
  log "replica ready: $(replica_url)"
  echo "export TEST_DATABASE_REPLICA_URL=$(replica_url)"
}

stop_server() {
  if ! read_state; then
    log "not running (no $STATE)"
    return 0
  fi
  if [[ -d "$PGT_DIR/replica" ]]; then
    as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/replica" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/replica" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -d "$PGT_DIR/data" ]]; then
    as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$PGT_BIN/pg_ctl" -D "$PGT_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$PGT_DIR" in
    "$TMP_BASE"/vanbang-pg-test.*|/tmp/vanbang-pg-test.*) rm -rf "$PGT_DIR" ;;
    *) log "not removing unexpected directory $PGT_DIR" ;;
  esac
  rm -f "$STATE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  start-replica) start_replica ;;
  stop) stop_server ;;
  install) install_server ;;
  url) is_running || die "not running"; url ;;
  status) if is_running; then log "running on port $PGT_PORT ($PGT_DIR)"; url; else log "not running"; exit 3; fi ;;
  *) echo "usage: $0 start|start-replica|stop|status|url|install" >&2; exit 2 ;;
esac
