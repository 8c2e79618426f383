#!/usr/bin/env bash
# Idempotent set-up for a Debian machine with the .NET SDK: the PostgreSQL and Redis packages the
# local infrastructure mode runs, the repository's .NET tools, and the NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v setpriv >/dev/null || missing+=(util-linux)
# The web project's front-end build (npm ci) and the browser tests' Chromium.
command -v npm >/dev/null || missing+=(npm)
[ -x "${PLAYWRIGHT_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The platform runs its own PostgreSQL and Redis on ports of their own (15432, 16379), so any
# server Debian started on 5432/6379 is left alone.
dotnet tool restore
dotnet restore ComplaintsPlatform.sln
(cd web && npm ci --no-audit --no-fund --loglevel=error)
# The offline validator of the Kubernetes manifests (tests/Deploy.Tests).
(cd deploy/validate && npm ci --no-audit --no-fund --loglevel=error)
