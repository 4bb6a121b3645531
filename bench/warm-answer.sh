#!/usr/bin/env bash
# Benchmark: warm (cached) performance answers of a large basket through the gateway, against two baselines measured
# in the same run: the same cached entry read straight from Redis (`redis-benchmark` sending `GET` of it, the floor
# for fetching its bytes)
# and the gateway's trivial endpoint (/q/health/live, its HTTP floor). Each at CONCURRENCY parallel clients ("1 8"),
# N answers each; prints the answer and entry sizes, median / p99 / max, and how many answers basket-service was asked for
# meanwhile (a cache lookup that missed or timed out asks it; counted from basket-service's gRPC server metrics).
# Needs a running platform (./capflow up, CAPFLOW_PORT_OFFSET honoured) holding basket BASKET (default universe-500,
# made by `PARTS="import baskets" WIDE_MEMBERS=0 bash bench/large-universe.sh`), curl, redis-cli and redis-benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

BASKET=${BASKET:-universe-500}
END=${END:-2025-12-31}
N=${N:-200}
CONCURRENCY=${CONCURRENCY:-1 8}
OFFSET=${CAPFLOW_PORT_OFFSET:-0}
GATEWAY=${GATEWAY:-http://localhost:$((8080 + OFFSET))}
BASKET_HTTP=${BASKET_HTTP:-http://localhost:$((8082 + OFFSET))}
if [[ -z ${REDIS_URL:-} && -f .capflow/run/stack.env ]]; then
  REDIS_URL=$(sed -n 's/^REDIS_URL=//p' .capflow/run/stack.env)
fi
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
TOKEN=${TOKEN:-$(./capflow token viewer --ttl 2h)}
URL="$GATEWAY/api/v1/baskets/$BASKET/performance?to=$END"
WORK=$(mktemp -d -t capflow-bench-warm.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# median, p99 and max in ms of the seconds in file $1, one per line
stats() {
  sort -g "$1" | awk '{ a[NR] = $1 } END {
    p99 = int(NR * 0.99); if (p99 < 1) p99 = 1
    printf "median %.1f ms, p99 %.1f ms, max %.1f ms", 1000 * a[int((NR + 1) / 2)], 1000 * a[p99], 1000 * a[NR] }'
}

# N GETs of $1 (extra curl arguments after it) at concurrency $2, each one's seconds into file $3; fails on a non-200
timed_gets() {
  local url=$1 c=$2 out=$3
  shift 3
  seq "$N" | xargs -P "$c" -I{} curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$url" >"$out.raw"
  if grep -qv '^200 ' "$out.raw"; then
    echo "$url answered $(grep -v '^200 ' "$out.raw" | sort | uniq -c | head -3)" >&2
    exit 1
  fi
  cut -d' ' -f2 "$out.raw" >"$out"
}

# how many GetPerformance calls basket-service has served (its gRPC server metrics)
computed() {
  curl -sS "$BASKET_HTTP/q/metrics" | awk '/^grpc_server_requests_received_messages_total/ && /GetPerformance/ { n += $2 }
    END { printf "%d", n }'
}

redis() { redis-cli -u "$REDIS_URL" "$@"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "load before the run:$(uptime | sed 's/.*load average://')"
curl -sS -f -o "$WORK/answer.json" -H "Authorization: Bearer $TOKEN" "$URL"
curl -sS -f -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"
key=$(redis --scan --pattern 'capflow:gateway:answer:performance-*' | while read -r k; do
  echo "$(redis STRLEN "$k") $k"; done | sort -g | tail -1 | cut -d' ' -f2)
[[ -n $key ]] || { echo "no cached performance answer in Redis" >&2; exit 1; }
echo "answer of $BASKET: $(wc -c <"$WORK/answer.json") bytes of JSON; the cached entry $(redis STRLEN "$key") bytes"

echo "| concurrency | warm answer through the gateway ($N) | asked of basket-service meanwhile | baseline: Redis GET of the entry ($N) | baseline: /q/health/live ($N) |"
echo "| --- | --- | --- | --- | --- |"
for c in $CONCURRENCY; do
  before=$(computed)
  timed_gets "$URL" "$c" "$WORK/warm" -H "Authorization: Bearer $TOKEN"
  after=$(computed)
  # redis-benchmark's latency summary: avg min p50 p95 p99 max, in ms
  redis_stats=$(redis-benchmark -u "$REDIS_URL" -n "$N" -c "$c" GET "$key" 2>/dev/null | awk '/latency summary/ { getline; getline;
    printf "median %.2f ms, p99 %.2f ms, max %.2f ms", $3, $5, $6 }')
  timed_gets "$GATEWAY/q/health/live" "$c" "$WORK/trivial"
  echo "| $c | $(stats "$WORK/warm") | $((after - before)) of $N | $redis_stats | $(stats "$WORK/trivial") |"
done
echo "load after the run:$(uptime | sed 's/.*load average://')"
