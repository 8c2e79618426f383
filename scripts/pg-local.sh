# Shared by backup.sh and restore.sh (sourced): which PostgreSQL, as whom, and the service schemas.
# By default the local platform's cluster (the AppHost's local mode): 127.0.0.1:15432, database
# complaints, the admin password from the data folder. Any of PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE set in the environment wins (e.g. a CloudNativePG cluster through kubectl port-forward,
# with the superuser secret's password).
data_dir="${COMPLAINTS_DATA_DIR:-/var/tmp/complaints-platform}"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-15432}"
export PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-complaints}"
if [ -z "${PGPASSWORD:-}" ] && [ -f "$data_dir/postgres-admin-password" ]; then
  PGPASSWORD="$(cat "$data_dir/postgres-admin-password")"
  export PGPASSWORD
fi

# One schema per service (libs/LocalInfrastructure/ServiceSchemas.cs), each owned by its login.
schemas=(intake caseworkflow ombudsman compliments reporting identity)

# The client binaries of the newest PostgreSQL installed (Debian keeps them off PATH).
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bindir/pg_dump" ] || { echo "pg_dump not found: install PostgreSQL or set PG_BINDIR" >&2; exit 1; }

# With the platform stopped, the local cluster is started for the duration of the command.
started_here=""
ensure_running() {
  if "$bindir/pg_isready" -q -t 2; then return; fi
  if [ "$PGHOST" != "127.0.0.1" ] || [ ! -f "$data_dir/postgres/PG_VERSION" ]; then
    echo "PostgreSQL at $PGHOST:$PGPORT is not accepting connections" >&2
    exit 1
  fi
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(setpriv --reuid=postgres --regid=postgres --init-groups)
  "${as[@]}" "$bindir/pg_ctl" -D "$data_dir/postgres" -w -t 60 -l "$data_dir/postgres-maintenance.log" \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
  started_here=1
  trap 'stop_if_started' EXIT
}
stop_if_started() {
  if [ -n "$started_here" ]; then
    local as=()
    [ "$(id -u)" -eq 0 ] && as=(setpriv --reuid=postgres --regid=postgres --init-groups)
    "${as[@]}" "$bindir/pg_ctl" -D "$data_dir/postgres" -w -m fast stop >/dev/null
  fi
}
