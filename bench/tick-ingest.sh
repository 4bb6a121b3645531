#!/usr/bin/env bash
# Benchmark: N ticks (default 1,000,000) streamed over gRPC into ingest-service, persisted and
# acknowledged, against PostgreSQL COPY of the same rows into the same server, in one run.
# Needs a local PostgreSQL (psql) and Redis; prints one Markdown row for BENCHMARKS.md.
# Before it, a warm-up run of WARMUP_TICKS (200,000) of its own ticks, measured the same way and printed as its own row,
# not the figure: the service is started just before, and a fresh JVM's first ticks run code the JIT has not compiled
# yet (a long-running service does not pay that per run). The measured ticks then go into a table holding the
# warm-up's, so their COPY goes into a table holding the same rows (copied untimed first).
set -euo pipefail
cd "$(dirname "$0")/.."

TICKS=${TICKS:-1000000}
WARMUP_TICKS=${WARMUP_TICKS:-200000}
BATCH=${BATCH:-5000}
IN_FLIGHT=${IN_FLIGHT:-4}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/13}
DB=${DB:-capflow_bench} # dropped and created afresh: name another one when runs may overlap
PORT=${PORT:-18091}
GRPC_PORT=${GRPC_PORT:-19091}
# extra JVM options for the service, after the ones it ships with (devstack jvm-settings), e.g.
# SERVICE_JAVA_OPTS=-XX:StartFlightRecording=filename=ingest.jfr to profile it
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
# with SETTLE=SECONDS, the service's RSS is printed again that long after the run (an idle service compacts its heap,
# capflow.idle-heap-compaction.*)
SETTLE=${SETTLE:-0}

# SKIP_BUILD=1 reuses the packaged jars (for repeated runs)
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests -pl ingest-service,benchmarks,devstack -am
fi

psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

LOG=$(mktemp -t capflow-bench-ingest.XXXXXX.log)
# a throwaway key pair: the service checks the benchmark's bearer token with its public half
KEYS=$(mktemp -d -t capflow-bench-keys.XXXXXX)
DEVSTACK=(java -cp "devstack/target/capflow-devstack.jar:devstack/target/lib/*" dev.capflow.devstack.DevStack)
"${DEVSTACK[@]}" keys "$KEYS" >/dev/null
TOKEN=$("${DEVSTACK[@]}" token ingest --keys "$KEYS")
# the JVM the platform ships (k8s/base/jvm.env and the service's own, as ./capflow and the pods start it)
JVM_ENV=() JVM_OPTS=()
while IFS= read -r line; do
  if [[ $line == -* ]]; then JVM_OPTS+=("$line"); else JVM_ENV+=("$line"); fi
done < <("${DEVSTACK[@]}" jvm-settings ingest-service)
[[ ${#JVM_OPTS[@]} -gt 0 ]] || { echo "devstack jvm-settings printed no java options" >&2; exit 1; }
env "${JVM_ENV[@]}" \
QUARKUS_HTTP_PORT=$PORT QUARKUS_GRPC_SERVER_PORT=$GRPC_PORT \
QUARKUS_DATASOURCE_USERNAME=$PG_USER QUARKUS_DATASOURCE_PASSWORD= \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$DB" \
QUARKUS_REDIS_HOSTS="$REDIS_URL" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/public.pem" \
  java "${JVM_OPTS[@]}" $SERVICE_JAVA_OPTS -jar ingest-service/target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -rf "$KEYS"' EXIT
"${DEVSTACK[@]}" wait-http "http://127.0.0.1:$PORT/q/health/ready" 120 --pid "$SERVICE"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(psql -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'SHOW server_version')" "PostgreSQL; $(java -version 2>&1 | head -1);" \
  "load before the run:$(uptime | sed 's/.*load average://')"
java -Xmx3g -jar benchmarks/target/capflow-benchmarks.jar \
  --grpc "127.0.0.1:$GRPC_PORT" --jdbc "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --user "$PG_USER" \
  --ticks "$TICKS" --warm-up-ticks "$WARMUP_TICKS" --batch "$BATCH" --in-flight "$IN_FLIGHT" --token "$TOKEN"
echo "load after the run:$(uptime | sed 's/.*load average://')"
# what the service holds after the run (its JVM settings bound it; the aim is 200 MB) and the most it held
service_mib() { awk -v field="$1:" '$1 == field {printf "%d MiB", $2 / 1024}' "/proc/$SERVICE/status"; }
echo "service RSS after the run: $(service_mib VmRSS), peak $(service_mib VmHWM)"
if ((SETTLE > 0)); then
  sleep "$SETTLE"
  echo "service RSS $SETTLE s after the run: $(service_mib VmRSS)"
fi

kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
trap - EXIT
rm -rf "$KEYS"
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
