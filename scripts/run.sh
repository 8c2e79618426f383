#!/usr/bin/env bash
# Starts the whole platform: dashboard http://localhost:15000, gateway http://localhost:8080 (REST)
# and http://localhost:8081 (gRPC). Stop with Ctrl+C (or SIGTERM).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Release: the services start and answer faster and hold less than a Debug build (bench/PlatformBench).
exec dotnet run -c Release --project AppHost --launch-profile http "$@"
