#!/usr/bin/env bash
# Load run from a second process (wrk) against the gateway started by ./capflow up: the cached basket routes next to
# a trivial Quarkus endpoint (/q/health/live) in the same run. ROUNDS rounds (default 3) each measure every route once,
# the trivial endpoint first, so that every ratio is taken against the baseline of its own round: a machine's rate
# drifts within minutes (21,206 then 28,832 requests/s for the same trivial endpoint one minute apart), and a baseline
# measured once would carry its drift into every ratio. With UNCACHED=1 it also starts a second gateway on
# UNCACHED_PORT with its response cache off (./capflow run-service: the platform gateway's own settings otherwise), to
# measure the same routes through basket-service's own answer cache, and stops it at the end. BASE and UNCACHED_PORT
# follow CAPFLOW_PORT_OFFSET like ./capflow up. Needs wrk (Debian package wrk). Prints one Markdown row per route for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-http://localhost:$((8080 + ${CAPFLOW_PORT_OFFSET:-0}))}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
UNCACHED=${UNCACHED:-0}
# 18090, not 8090: 8090 + offset is the platform gateway of the offset 10 higher (8080 + offset), another checkout's
UNCACHED_PORT=${UNCACHED_PORT:-$((18090 + ${CAPFLOW_PORT_OFFSET:-0}))}
# the second gateway starts cold right here: its routes (and basket-service's uncached calls) are warmed this long each
UNCACHED_WARMUP=${UNCACHED_WARMUP:-20s}
# more settings of the second gateway, KEY=VALUE separated by spaces (a candidate measured against the platform's own)
read -r -a UNCACHED_SETTINGS <<<"${UNCACHED_SETTINGS:-}"
PERFORMANCE="/api/v1/baskets/team-google/performance?from=2025-10-29&to=2025-12-31"
COMPARE="/api/v1/compare?a=team-google&b=team-openai&from=2025-10-29&to=2025-12-31"
TRIVIAL="/q/health/live"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

uncached_pid=
# one line per measurement: round, target index, requests/s, p99, non-2xx answers
results=$(mktemp)
clean_up() {
  rm -f "$results"
  if [[ -n $uncached_pid ]]; then
    kill "$uncached_pid" 2>/dev/null || true
    wait "$uncached_pid" 2>/dev/null || true
  fi
}
trap clean_up EXIT

# each target: base URL, path, and a label suffix; REST_ACCEPT marks the same-run baseline of the old path: an Accept the
# cached-hit fast path leaves to the REST route (RESTEasy's dispatch and filters, then the same cache lookup)
REST_ACCEPT="application/json;q=0.9"
targets=("$BASE|$TRIVIAL|" "$BASE|$PERFORMANCE|" "$BASE|$PERFORMANCE|rest" "$BASE|$COMPARE|" "$BASE|$COMPARE|rest")
if [[ $UNCACHED == 1 ]]; then
  # a process already answering there would pass the readiness check below and be measured in the copy's place
  if curl -sS -o /dev/null "http://localhost:$UNCACHED_PORT/" 2>/dev/null; then
    echo "port $UNCACHED_PORT is in use: set UNCACHED_PORT to a free one" >&2
    exit 1
  fi
  # the platform's own gateway settings (datastores, token trust, gRPC clients) with the response cache off; run this
  # script with the CAPFLOW_* variables ./capflow up ran with
  ./capflow run-service gateway --port "$UNCACHED_PORT" CAPFLOW_GATEWAY_ANSWER_CACHE_ENABLED=false \
    "${UNCACHED_SETTINGS[@]}" >/dev/null 2>&1 &
  uncached_pid=$!
  for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$UNCACHED_PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$uncached_pid" 2>/dev/null || { echo "the second gateway did not start (.capflow/logs/gateway-$UNCACHED_PORT.log)" >&2; exit 1; }
    sleep 1
  done
  targets+=("http://localhost:$UNCACHED_PORT|$TRIVIAL|uncached" "http://localhost:$UNCACHED_PORT|$PERFORMANCE|uncached"
    "http://localhost:$UNCACHED_PORT|$COMPARE|uncached")
fi

run_wrk() { # base path kind extra-wrk-args...
  local base=$1 path=$2 kind=$3
  shift 3
  if [[ $kind == rest ]]; then
    wrk -t2 -c"$CONNECTIONS" -H "Accept: $REST_ACCEPT" "$@" "$base$path"
  else
    wrk -t2 -c"$CONNECTIONS" "$@" "$base$path"
  fi
}

# warm-up (JIT), not reported. The second gateway gets longer: after 5 s each, the uncached route measured first was
# still being compiled (C2 busy beside the load) and ran at half the rate of the one measured after it, in either order
for target in "${targets[@]}"; do
  IFS='|' read -r base path kind <<<"$target"
  curl -fsS "$base$path" >/dev/null # the first answer fills the caches
  warmup=5s
  [[ $kind == uncached ]] && warmup=$UNCACHED_WARMUP
  run_wrk "$base" "$path" "$kind" -d"$warmup" >/dev/null
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds"

for round in $(seq 1 "$ROUNDS"); do
  for index in "${!targets[@]}"; do
    IFS='|' read -r base path kind <<<"${targets[$index]}"
    run_wrk "$base" "$path" "$kind" -d"$DURATION" --latency | awk -v round="$round" -v index_="$index" '
      /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
      END { printf "%s %s %s %s %s\n", round, index_, rps + 0, p99 == "" ? "-" : p99, bad + 0 }' >>"$results"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# the median of the numbers given (the mean of the middle two for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# its arguments joined by ", "
listed() { local joined; printf -v joined '%s, ' "$@"; echo "${joined%, }"; }

# each route against the trivial endpoint of the same gateway in the same round; the median of the rounds
echo "| route | requests/s, each round | against the trivial endpoint, each round | median | p99, each round |"
echo "| --- | --- | --- | --- | --- |"
for index in "${!targets[@]}"; do
  IFS='|' read -r base path kind <<<"${targets[$index]}"
  # each gateway's trivial endpoint is listed before its routes: the baseline of the rows after it
  [[ $path == "$TRIVIAL" ]] && baseline=$index
  case "$kind|$path" in
    rest\|*) label="$path (through RESTEasy: Accept $REST_ACCEPT)" ;;
    "uncached|$TRIVIAL") label="$path (second gateway, its cache off)" ;;
    uncached\|*) label="$path (second gateway, its cache off: basket-service's cache)" ;;
    *) label=$path ;;
  esac
  rates=() ratios=() shown=() p99s=()
  # a round's baseline line comes before its routes' lines in $results
  while IFS=$'\t' read -r rate ratio p99; do
    printf -v ratio_shown '%.2fx' "$ratio"
    rates+=("$rate") ratios+=("$ratio") shown+=("$ratio_shown") p99s+=("$p99")
  done < <(awk -v index_="$index" -v baseline="$baseline" '
    $2 == baseline { trivial[$1] = $3 }
    $2 == index_ { printf "%.0f%s\t%.6f\t%s\n", $3, ($5 ? " (" $5 " non-2xx)" : ""), (trivial[$1] ? $3 / trivial[$1] : 0), $4 }' \
    "$results")
  printf '| `%s` | %s | %s | %.2fx | %s |\n' "$label" "$(listed "${rates[@]}")" "$(listed "${shown[@]}")" \
    "$(median "${ratios[@]}")" "$(listed "${p99s[@]}")"
done
