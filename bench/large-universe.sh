#!/usr/bin/env bash
# Benchmark: the large universe, against a running platform (./capflow up), each figure next to its baseline in the
# same run:
#  1. INSTRUMENTS synthetic instruments (test-support's SyntheticPrices, default 5,000) registered and YEARS (10) of
#     their daily bars imported through ingest-service's ImportBars (about 12.8 M rows), against COPY of the same rows
#     into a scratch table of the same database (LargeUniverseBenchmark);
#  2. a BASKET_MEMBERS (500) member basket over those YEARS years created through the gateway, its first (cold) and
#     WARM warm performance answers timed (also printed in order, with the gateway's collections and the answers
#     basket-service was asked for meanwhile), against `psql \copy` of the same closes out of PostgreSQL plus pandas
#     computing the same metrics (large_universe_pandas.py), which must equal capflow's answer within 1e-9 relative;
#     then the same for a WIDE_MEMBERS (2,000) member basket over the last year;
#  3. TICKS (1,000,000) ticks at RATE (10,000) per second over the instruments through IngestTicks while WATCHED (100)
#     baskets' live levels are read from basket-service's WatchBasket: tick-to-level p50/p99/max and the proof that
#     nothing was lost (WatchedTickRun; TICK_IN_FLIGHT batches of RATE/100 ticks unacknowledged at most, default 32).
#     Before it, a warm-up run of WARMUP_TICKS (200,000: 20 s at the rate) with the same checks, printed as its own
#     row and not the figure: the first ticks after the services start run code the JIT has not compiled yet (the
#     tick path, the live levels), and a latency aim is a steady-state figure (BENCHMARKS.md shows both).
# Quick run: INSTRUMENTS=500 YEARS=2 BASKET_MEMBERS=100 WIDE_MEMBERS=200 TICKS=20000 RATE=2000 WATCHED=10.
# RESUME=1 skips part 1 (the bars are already there); PARTS="import baskets ticks" chooses parts; a basket size of 0
# skips that basket. Large cold answers need longer gateway deadlines than the defaults on a loaded machine:
# start the platform with CAPFLOW_GATEWAY_BASKET_READ_DEADLINE=120s CAPFLOW_GATEWAY_BASKET_WRITE_DEADLINE=120s.
# The platform: GATEWAY, INGEST_GRPC, BASKET_GRPC (default ./capflow up's, moved by CAPFLOW_PORT_OFFSET), PostgreSQL
# from PG_HOST/PG_PORT/PG_DB/PG_USER (default: what `./capflow up` recorded in .capflow/run/stack.env), tokens from
# `./capflow token` unless INGEST_TOKEN / ANALYST_TOKEN are set; Redis (REDIS_HOST/REDIS_PORT, default what `./capflow up`
# recorded) for the tick run's first stage (tick made to price stream entry, bench/tick_stages.py). Prints Markdown
# rows for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

INSTRUMENTS=${INSTRUMENTS:-5000}
YEARS=${YEARS:-10}
BASKET_MEMBERS=${BASKET_MEMBERS:-500}
WIDE_MEMBERS=${WIDE_MEMBERS:-2000}
WARM=${WARM:-20}
TICKS=${TICKS:-1000000}
WARMUP_TICKS=${WARMUP_TICKS:-200000}
RATE=${RATE:-10000}
WATCHED=${WATCHED:-100}
TICK_IN_FLIGHT=${TICK_IN_FLIGHT:-32}
PARTS=${PARTS:-import baskets ticks}
[[ ${RESUME:-} == 1 ]] && PARTS=${PARTS/import/}
END=2025-12-31
OFFSET=${CAPFLOW_PORT_OFFSET:-0}
GATEWAY=${GATEWAY:-http://localhost:$((8080 + OFFSET))}
BASKET_HTTP=${BASKET_HTTP:-http://localhost:$((8082 + OFFSET))}
INGEST_GRPC=${INGEST_GRPC:-127.0.0.1:$((9081 + OFFSET))}
BASKET_GRPC=${BASKET_GRPC:-127.0.0.1:$((9082 + OFFSET))}
if [[ -z ${PG_PORT:-} && -f .capflow/run/stack.env ]]; then
  # POSTGRES_URL=jdbc:postgresql://host:port/db and POSTGRES_USER, as ./capflow up recorded them
  pg_url=$(sed -n 's/^POSTGRES_URL=jdbc:postgresql:\/\///p' .capflow/run/stack.env)
  PG_USER=${PG_USER:-$(sed -n 's/^POSTGRES_USER=//p' .capflow/run/stack.env)}
  PG_HOST=${PG_HOST:-${pg_url%%:*}}
  pg_url=${pg_url#*:}
  PG_PORT=${pg_url%%/*}
  PG_DB=${PG_DB:-${pg_url#*/}}
  PG_DB=${PG_DB%%\?*}
fi
if [[ -z ${REDIS_PORT:-} && -f .capflow/run/stack.env ]]; then
  # REDIS_URL=redis://host:port, as ./capflow up recorded it (a single Redis; a cluster's nodes are not read back)
  redis_url=$(sed -n 's/^REDIS_URL=redis:\/\///p' .capflow/run/stack.env)
  [[ $redis_url == *,* || $redis_url == *@* ]] || { REDIS_HOST=${redis_url%%:*}; REDIS_PORT=${redis_url#*:}; REDIS_PORT=${REDIS_PORT%%/*}; }
fi
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_DB=${PG_DB:-capflow} PG_USER=${PG_USER:-postgres}
JDBC="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
PSQL=(psql -X -q -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB")
INGEST_TOKEN=${INGEST_TOKEN:-$(./capflow token ingest --ttl 4h)}
ANALYST_TOKEN=${ANALYST_TOKEN:-$(./capflow token analyst --ttl 4h)}
CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"
WORK=$(mktemp -d -t capflow-bench-universe.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# package (not install): the jars stay in this checkout's target folders
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -B -ntp -q package -DskipTests -pl benchmarks -am

# the first weekday on or after a date
weekday_from() { local d=$1; while [[ $(date -d "$d" +%u) -gt 5 ]]; do d=$(date -d "$d + 1 day" +%F); done; echo "$d"; }
BASE=$(weekday_from "$((${END:0:4} + 1 - YEARS))-01-02")
WIDE_BASE=$(weekday_from "${END:0:4}-01-02")
FROM=$(date -d "$BASE - 14 days" +%F) # capflow.basket.max-base-staleness: the closes a base date may carry forward
symbol() { printf 'L%04d' "$1"; }
seconds() { awk -v s="$1" 'BEGIN { printf "%.3f s", s }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$("${PSQL[@]}" -c 'SHOW server_version') PostgreSQL; $(java -version 2>&1 | head -1);" \
  "load before the run:$(uptime | sed 's/.*load average://')"

if [[ $PARTS == *import* ]]; then
  echo "| path | rows | import (persisted, acknowledged) | COPY of the same rows | ratio |"
  echo "| --- | --- | --- | --- | --- |"
  java -Xmx1g -cp "$CP" dev.capflow.bench.LargeUniverseBenchmark --grpc "$INGEST_GRPC" --token "$INGEST_TOKEN" \
    --jdbc "$JDBC" --user "$PG_USER" --instruments "$INSTRUMENTS" --from "$FROM" --to "$END"
  echo "load after the import:$(uptime | sed 's/.*load average://')"
fi

# POSTs basket $1 of symbols $2..$3 (inclusive) with base date $4; an id already taken (a rerun) is fine
create_basket() {
  local members
  members=$(for ((i = $2; i <= $3; i++)); do printf '{"symbol":"%s"},' "$(symbol "$i")"; done)
  local status
  status=$(curl -sS -o "$WORK/create.json" -w '%{http_code}' -X POST "$GATEWAY/api/v1/baskets" \
    -H "Authorization: Bearer $ANALYST_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"$1\",\"currency\":\"USD\",\"baseDate\":\"$4\",\"weighting\":\"EQUAL\",\"members\":[${members%,}]}")
  [[ $status == 201 || $status == 409 ]] || { echo "creating $1 answered $status: $(cat "$WORK/create.json")" >&2; exit 1; }
}

# times GET performance of basket $1 to $END into $2 (the body); prints the seconds, fails on anything but 200
performance() {
  local out
  out=$(curl -sS -o "$2" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $ANALYST_TOKEN" \
    "$GATEWAY/api/v1/baskets/$1/performance?to=$END")
  [[ ${out% *} == 200 ]] || { echo "performance of $1 answered ${out% *}: $(head -c 600 "$2")" >&2; exit 1; }
  echo "${out#* }"
}

# the gateway's collections so far (young: count and ms, full: count and ms) and the GetPerformance calls basket-service
# served, from their /q/metrics: what a slow warm answer met (a warm answer asks basket-service only on a cache miss)
warm_counters() {
  curl -sS "$GATEWAY/q/metrics" | awk '/^jvm_gc_pause_seconds_(count|sum)\{/ {
      k = (/end of minor GC/ ? "young" : "full") (/_count\{/ ? "n" : "s"); v[k] += $NF }
    END { printf "%d %.1f %d %.1f ", v["youngn"], 1000 * v["youngs"], v["fulln"], 1000 * v["fulls"] }'
  curl -sS "$BASKET_HTTP/q/metrics" | awk '/^grpc_server_requests_received_messages_total/ && /GetPerformance/ {
      n += $2 } END { printf "%d", n }'
}

# basket $1 of the first $2 symbols from base date $3: cold and warm answers, \copy + pandas, and the equality check
basket_row() {
  local id=$1 members=$2 base=$3 from cold warm copy_start copy_s pandas before after
  from=$(date -d "$base - 14 days" +%F)
  create_basket "$id" 0 $((members - 1)) "$base"
  cold=$(performance "$id" "$WORK/$id.json")
  read -r -a before <<<"$(warm_counters)"
  for ((i = 0; i < WARM; i++)); do performance "$id" "$WORK/warm.json"; done >"$WORK/warm.s"
  read -r -a after <<<"$(warm_counters)"
  warm=$(sort -g "$WORK/warm.s" | awk '{ a[NR] = $1 }
    END { printf "median %.1f ms, max %.1f ms", 1000 * a[int((NR + 1) / 2)], 1000 * a[NR] }')
  copy_start=$(date +%s.%N)
  "${PSQL[@]}" -c "\\copy (SELECT symbol, date, close FROM ingest.daily_bar WHERE symbol BETWEEN 'L0000' AND
    '$(symbol $((members - 1)))' AND date BETWEEN '$from' AND '$END' ORDER BY symbol, date) TO '$WORK/$id.csv' CSV"
  copy_s=$(awk -v a="$copy_start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  pandas=$(cd bench && /usr/bin/python3 large_universe_pandas.py "$WORK/$id.csv" "$base" "$END" "$WORK/$id.json") || {
    echo "$pandas" >&2; exit 1; }
  local pandas_s
  pandas_s=$(sed 's/^pandas \([0-9.]*\) s.*/\1/' <<<"$pandas")
  echo "| $members members, $base to $END ($(wc -l <"$WORK/$id.csv") closes) | cold $(seconds "$cold") | warm ($WARM answers) $warm |" \
    "\\copy $(seconds "$copy_s") + pandas $(seconds "$pandas_s") = $(seconds "$(awk -v a="$copy_s" -v b="$pandas_s" 'BEGIN { print a + b }')") |" \
    "baseline / cold = $(awk -v c="$cold" -v a="$copy_s" -v b="$pandas_s" 'BEGIN { printf "%.2f", (a + b) / c }') |" \
    "${pandas#*; }|"
  local order young_ms full_ms
  order=$(awk '{ printf "%s%.1f", (NR > 1 ? " " : ""), 1000 * $1 }' "$WORK/warm.s")
  young_ms=$(awk -v a="${before[1]}" -v b="${after[1]}" 'BEGIN { printf "%.1f", b - a }')
  full_ms=$(awk -v a="${before[3]}" -v b="${after[3]}" 'BEGIN { printf "%.1f", b - a }')
  echo "warm answers of $id in order: $order ms; meanwhile the gateway's collections:" \
    "$((after[0] - before[0])) young ($young_ms ms), $((after[2] - before[2])) full ($full_ms ms);" \
    "basket-service asked $((after[4] - before[4])) times"
}

if [[ $PARTS == *baskets* ]]; then
  echo "| basket | capflow through the gateway, cold (first answer) | warm | baseline: \\copy of the closes + pandas | above 1: cold capflow is faster | check |"
  echo "| --- | --- | --- | --- | --- | --- |"
  [[ $BASKET_MEMBERS == 0 ]] || basket_row "universe-$BASKET_MEMBERS" "$BASKET_MEMBERS" "$BASE"
  [[ $WIDE_MEMBERS == 0 ]] || basket_row "universe-wide-$WIDE_MEMBERS" "$WIDE_MEMBERS" "$WIDE_BASE"
  echo "load after the baskets:$(uptime | sed 's/.*load average://')"
fi

if [[ $PARTS == *ticks* ]]; then
  per_basket=$((INSTRUMENTS / WATCHED))
  for ((k = 0; k < WATCHED; k++)); do
    create_basket "$(printf 'watch-%03d' "$k")" $((k * per_basket)) $(((k + 1) * per_basket - 1)) "$WIDE_BASE"
  done
  echo "| tick run | levels | tick to level p50 | p99 | max | nothing lost |"
  echo "| --- | --- | --- | --- | --- | --- |"
  tick_run() { # TICKS LABEL
    java -Xmx1g -cp "$CP" dev.capflow.bench.WatchedTickRun --ingest "$INGEST_GRPC" --basket "$BASKET_GRPC" \
      --token "$INGEST_TOKEN" --jdbc "$JDBC" --user "$PG_USER" --instruments "$INSTRUMENTS" --baskets "$WATCHED" \
      --ticks "$1" --rate "$RATE" --in-flight "$TICK_IN_FLIGHT" --label "$2"
  }
  [[ $WARMUP_TICKS == 0 ]] || tick_run "$WARMUP_TICKS" "warm-up, not the figure: "
  tick_run "$TICKS" ""
  echo "load after the ticks:$(uptime | sed 's/.*load average://')"
  # the first stage of tick to level (ingest-service's), from the price stream's entry ids
  if [[ -n ${REDIS_PORT:-} ]] && command -v redis-cli >/dev/null; then
    /usr/bin/python3 bench/tick_stages.py "${REDIS_HOST:-127.0.0.1}" "$REDIS_PORT" capflow:prices 16 5000 L
  fi
fi
