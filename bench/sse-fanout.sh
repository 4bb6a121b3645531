#!/usr/bin/env bash
# SSE fan-out load run from a second process on loopback, against a running gateway (./capflow up, or BASE): RATE
# ticks/s written straight into the Redis stream capflow:prices (as ingest-service writes them; ingest-service reads
# the stream and serves SubscribePrices to the gateway) and read by SUBSCRIBERS clients of
# /api/v1/stream/prices, all asking the same symbols (one upstream stream, fanned out in the gateway). Reports delivery
# latency (tick timestamp -> receipt) p50/p99/max, next to the trivial endpoint /q/health/live probed in the same run;
# then the same for the live level of the basket team-google (/api/v1/stream/baskets/team-google, FEEDS="prices basket":
# ticks of its members move basket-service's level, latency from the newest tick's timestamp); then the same trivial
# endpoint and the cached performance route under wrk (bench/gateway-load.sh's routes).
# The subscribers' reading thread reports its CPU per event, and ss the bytes left unread in their sockets: when these
# grow, the latency measured is the load tool's own backlog, not the gateway's.
# Needs Java 17, ss (iproute2) and wrk; SseFanout is built by the benchmarks module. Prints Markdown rows for BENCHMARKS.md. With anonymous reads off, set TOKEN (a viewer token).
set -euo pipefail
cd "$(dirname "$0")/.."

CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"
./mvnw -B -ntp -q package -DskipTests -pl benchmarks -am

export BASE=${BASE:-http://localhost:$((8080 + ${CAPFLOW_PORT_OFFSET:-0}))}
FEEDS=${FEEDS:-prices basket}
export SUBSCRIBERS=${SUBSCRIBERS:-100} RATE=${RATE:-1000} WARMUP=${WARMUP:-5} MEASURE=${MEASURE:-20}
if [[ -z ${REDIS_HOST:-} && -f .capflow/run/stack.env ]]; then
  redis_url=$(sed -n 's/^REDIS_URL=//p' .capflow/run/stack.env)
  hostport=${redis_url#redis://}; hostport=${hostport%%/*}
  export REDIS_HOST=${hostport%%:*} REDIS_PORT=${hostport##*:}
fi
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
auth=()
[[ -n ${TOKEN:-} ]] && auth=(-H "Authorization: Bearer $TOKEN")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measurement | rate | p50 | p99 | max |"
echo "| --- | --- | --- | --- | --- |"
# the gateway's CPU over the fan-out run (warm-up included), from /proc when ./capflow up started it here
gateway_pid=$(cat .capflow/run/gateway.pid 2>/dev/null || true)
cpu_ticks() { [[ -r /proc/$gateway_pid/stat ]] && awk '{ print $14 + $15 }' "/proc/$gateway_pid/stat" || echo 0; }
# the most bytes the gateway had sent that the subscribers had not read yet (their sockets' Recv-Q), sampled twice a
# second: a load tool that falls behind keeps seconds of events there, and measures its own delay as the gateway's
gateway_port=${BASE##*:}; gateway_port=${gateway_port%%/*}
unread_max() {
  local max=0 now
  while sleep 0.5; do
    now=$(ss -tnH state established "( dport = :$gateway_port )" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
    ((now > max)) && max=$now && echo "$max" >"$1"
  done
}
for feed in $FEEDS; do
  cpu_before=$(cpu_ticks) started=$(date +%s.%N)
  unread=$(mktemp) && echo 0 >"$unread"
  unread_max "$unread" &
  sampler=$!
  FEED=$feed java -cp "$CP" dev.capflow.bench.SseFanout | grep -E '^\||^subscribers'
  kill "$sampler"
  echo "most bytes left unread in the subscribers' sockets during the $feed run: $(($(cat "$unread") / 1024)) KiB"
  rm -f "$unread"
  if [[ -n $gateway_pid && -r /proc/$gateway_pid/stat ]]; then
    awk -v ticks=$(($(cpu_ticks) - cpu_before)) -v hz="$(getconf CLK_TCK)" -v start="$started" -v end="$(date +%s.%N)" \
      -v feed="$feed" 'BEGIN { printf "gateway CPU during the %s run: %.0f%% of one core\n", feed, 100 * ticks / hz / (end - start) }'
  fi
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for path in /q/health/live "/api/v1/baskets/team-google/performance?from=2025-10-29&to=2025-12-31"; do
  curl -fsS "${auth[@]}" "$BASE$path" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d5s "${auth[@]}" "$BASE$path" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${auth[@]}" "$BASE$path" | awk -v route="$path" '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { if (bad) rps = rps " (" bad " non-2xx)"; printf "| `%s` under wrk -c'"$CONNECTIONS"' | %s requests/s | %s | %s | |\n", route, rps, p50, p99 }'
done
