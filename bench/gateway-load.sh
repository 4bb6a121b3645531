#!/usr/bin/env bash
# Load run from a second process (wrk) against the gateway started by ./capflow up: the cached basket routes next to
# a trivial Quarkus endpoint (/q/health/live) in the same run. With UNCACHED=1 it also starts a second gateway on
# UNCACHED_PORT with its response cache off, to measure the same route through basket-service's own answer cache,
# and stops it at the end. Needs wrk (Debian package wrk). Prints one Markdown row per route for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
UNCACHED=${UNCACHED:-0}
UNCACHED_PORT=${UNCACHED_PORT:-8090}
PERFORMANCE="/api/v1/baskets/team-google/performance?from=2025-10-29&to=2025-12-31"
COMPARE="/api/v1/compare?a=team-google&b=team-openai&from=2025-10-29&to=2025-12-31"
TRIVIAL="/q/health/live"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

uncached_pid=
stop_uncached() {
  if [[ -n $uncached_pid ]]; then
    kill "$uncached_pid" 2>/dev/null || true
    wait "$uncached_pid" 2>/dev/null || true
  fi
}
trap stop_uncached EXIT

targets=("$BASE $TRIVIAL" "$BASE $PERFORMANCE" "$BASE $COMPARE")
if [[ $UNCACHED == 1 ]]; then
  redis_url=$(sed -n 's/^REDIS_URL=//p' .capflow/run/stack.env)
  QUARKUS_HTTP_PORT=$UNCACHED_PORT QUARKUS_REDIS_HOSTS=$redis_url CAPFLOW_GATEWAY_ANSWER_CACHE_ENABLED=false \
    java -jar gateway/target/quarkus-app/quarkus-run.jar >/dev/null 2>&1 &
  uncached_pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "http://localhost:$UNCACHED_PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  targets+=("http://localhost:$UNCACHED_PORT $PERFORMANCE")
fi

for target in "${targets[@]}"; do
  read -r base path <<<"$target"
  curl -fsS "$base$path" >/dev/null                        # the first answer fills the caches
  wrk -t2 -c"$CONNECTIONS" -d5s "$base$path" >/dev/null    # warm-up (JIT), not reported
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t2 -c$CONNECTIONS -d$DURATION"
echo "| route | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"
for target in "${targets[@]}"; do
  read -r base path <<<"$target"
  label=$path
  [[ $base != "$BASE" ]] && label="$path (gateway cache off: basket-service's cache)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$base$path" | awk -v route="$label" '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { if (bad) rps = rps " (" bad " non-2xx)"; printf "| `%s` | %s | %s | %s |\n", route, rps, p50, p99 }'
done
