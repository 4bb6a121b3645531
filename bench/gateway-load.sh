#!/usr/bin/env bash
# Load run from a second process (wrk) against the gateway started by ./capflow up: the cached basket
# performance route next to a trivial Quarkus endpoint (/q/health/live) in the same run.
# Needs wrk (Debian package wrk). Prints one Markdown row per route for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
PERFORMANCE="$BASE/api/v1/baskets/team-google/performance?from=2025-10-29&to=2025-12-31"
TRIVIAL="$BASE/q/health/live"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
curl -fsS "$PERFORMANCE" >/dev/null   # the first answer fills the cache

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t2 -c$CONNECTIONS -d$DURATION"
echo "| route | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"
for url in "$TRIVIAL" "$PERFORMANCE"; do
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" | awk -v url="${url#"$BASE"}" '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 }
    END { printf "| `%s` | %s | %s | %s |\n", url, rps, p50, p99 }'
done
