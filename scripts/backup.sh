#!/usr/bin/env bash
# Backs up every service's schema of the platform's database into one pg_dump file (custom format,
# one consistent snapshot of all schemas): scripts/backup.sh [output folder, default ./backups].
# Prints the file written. Works while the platform runs. The connection: see scripts/pg-local.sh.
# In Kubernetes the CloudNativePG cluster backs itself up continuously (deploy/base/postgres.yaml);
# this script is for the local platform and for an extra logical copy of a cluster.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/pg-local.sh
. "$here/pg-local.sh"
out_dir="${1:-backups}"
mkdir -p "$out_dir"
ensure_running

file="$out_dir/complaints-$(date -u +%Y%m%dT%H%M%SZ).dump"
args=()
for schema in "${schemas[@]}"; do args+=(--schema="$schema"); done
# Owners are kept (each schema's objects belong to its service's login); the logins themselves are
# cluster-wide and made by the provisioning (AppHost or the Kubernetes job), not restored from here.
"$bindir/pg_dump" --format=custom --compress=6 --no-password "${args[@]}" --file="$file.partial"
mv "$file.partial" "$file"
echo "$file"
