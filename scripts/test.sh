#!/usr/bin/env bash
# Every test: first all projects but EndToEnd and Replicas (in parallel), then EndToEnd alone, since
# starting the whole AppHost beside other suites on 2 cores makes both slow, then Replicas (the
# platform at two replicas, one of each killed under load), bounded. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

phases=()
started=$SECONDS
phase() { phases+=("$(printf '%-28s %4d s' "$1" $((SECONDS - started)))"); started=$SECONDS; }

bash scripts/setup.sh || exit 1
phase "set-up"
dotnet build ComplaintsPlatform.sln --no-restore -v quiet -nologo || exit 1
phase "build"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ComplaintsPlatform.sln --no-build --filter "FullyQualifiedName!~ComplaintsPlatform.EndToEnd&FullyQualifiedName!~ComplaintsPlatform.Replicas" 2>&1 | tee -a "$log"
(( PIPESTATUS[0] == 0 )) || status=1
phase "service and unit tests"
dotnet test tests/EndToEnd.Tests/EndToEnd.Tests.csproj --no-build 2>&1 | tee -a "$log"
(( PIPESTATUS[0] == 0 )) || status=1
phase "end-to-end and browser tests"
timeout --signal=INT --kill-after=60 15m dotnet test tests/Replicas.Tests/Replicas.Tests.csproj --no-build 2>&1 | tee -a "$log"
(( PIPESTATUS[0] == 0 )) || status=1
phase "replicas, one killed each"

# A test host killed before its exit handlers ran can leave its throw-away cluster behind.
pkill -INT -f "postgres -D ${TMPDIR:-/tmp}/cp-test-pg-" 2>/dev/null || true

# Lines such as "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")
if (( status == 0 && passed == 0 )); then status=1; fi
echo
printf '%s\n' "${phases[@]}"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
