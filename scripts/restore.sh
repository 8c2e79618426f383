#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: scripts/restore.sh <file.dump>
# Replaces every service schema of the target database with the backup's (each schema is dropped
# and restored in one transaction: it all lands or nothing does). Stop the services first (locally:
# stop the platform; in Kubernetes: scale the deployments to 0). The connection: see scripts/pg-local.sh.
# Missing pieces of a fresh cluster are made first: the database, the pg_trgm extension and each
# service's login (without a password: the AppHost or the provisioning job sets it at the next start).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/pg-local.sh
. "$here/pg-local.sh"
file="${1:?usage: scripts/restore.sh <backup file>}"
[ -f "$file" ] || { echo "no such file: $file" >&2; exit 1; }
"$bindir/pg_restore" --list "$file" >/dev/null   # a readable archive before anything is dropped
ensure_running

psql() { "$bindir/psql" --no-psqlrc --quiet --set ON_ERROR_STOP=1 --no-password "$@"; }
database="$PGDATABASE"
if [ -z "$(psql --dbname=postgres --tuples-only --command="SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
  psql --dbname=postgres --command="CREATE DATABASE \"$database\""
fi
sql="CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;"
for schema in "${schemas[@]}"; do
  sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$schema') THEN CREATE ROLE \"$schema\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END \$\$;"
done
psql --command="$sql"

# Drop and restore in one transaction (psql --single-transaction, stopping at the first error).
drops=""
for schema in "${schemas[@]}"; do drops+="DROP SCHEMA IF EXISTS \"$schema\" CASCADE;"; done
{
  echo "$drops"
  "$bindir/pg_restore" --file=- "$file"
} | psql --single-transaction >/dev/null
echo "restored $file into $PGDATABASE on $PGHOST:$PGPORT"
