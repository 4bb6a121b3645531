#!/usr/bin/env bash
# Benchmark: SYMBOLS x DAYS daily bars (default 500 x 2,520 = 1.26 M; SYMBOLS=5000 for 12.6 M) imported over the
# ImportBars gRPC stream of ingest-service, persisted and acknowledged, then as many rows (other symbols) as one
# multi-symbol CSV streamed through the gateway's POST /prices/bulk-csv, against PostgreSQL COPY of the same rows into a
# table with the same keys and constraints, in one run. REST=0 skips the gateway. Needs a local PostgreSQL (psql) and
# Redis; prints Markdown rows for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SYMBOLS=${SYMBOLS:-500}
DAYS=${DAYS:-2520}
CHUNK=${CHUNK:-10000}
IN_FLIGHT=${IN_FLIGHT:-6}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/12}
DB=capflow_bench_bulk
PORT=${PORT:-18095}
GRPC_PORT=${GRPC_PORT:-19095}
GATEWAY_PORT=${GATEWAY_PORT:-18096}
REST=${REST:-1}

# package (not install): the jars stay in this checkout's target folders
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests -pl ingest-service,gateway,benchmarks,devstack -am
fi

psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

LOG=$(mktemp -t capflow-bench-bulk.XXXXXX.log)
# a throwaway key pair: the service checks the benchmark's bearer token with its public half
KEYS=$(mktemp -d -t capflow-bench-keys.XXXXXX)
DEVSTACK=(java -cp "devstack/target/capflow-devstack.jar:devstack/target/lib/*" dev.capflow.devstack.DevStack)
"${DEVSTACK[@]}" keys "$KEYS" >/dev/null
TOKEN=$("${DEVSTACK[@]}" token ingest --keys "$KEYS" --audience capflow-internal)
QUARKUS_HTTP_PORT=$PORT QUARKUS_GRPC_SERVER_PORT=$GRPC_PORT \
QUARKUS_DATASOURCE_USERNAME=$PG_USER QUARKUS_DATASOURCE_PASSWORD= \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$DB" \
QUARKUS_REDIS_HOSTS="$REDIS_URL" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/public.pem" \
  java -Xmx1g -jar ingest-service/target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVICE=$!
GATEWAY=
trap 'kill $SERVICE $GATEWAY 2>/dev/null || true; wait $SERVICE $GATEWAY 2>/dev/null || true; rm -rf "$KEYS"' EXIT
"${DEVSTACK[@]}" wait-http "http://127.0.0.1:$PORT/q/health/ready" 120 --pid "$SERVICE"
REST_ARGS=()
if [ "$REST" = 1 ]; then
  # the gateway relays the caller's token to ingest-service; its body limit is raised for the one large upload
  QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_GRPC_CLIENTS_INGEST_PORT=$GRPC_PORT QUARKUS_REDIS_HOSTS="$REDIS_URL" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/public.pem" QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=4G \
  CAPFLOW_GRPC_AUTH_SERVICE_TOKEN="$("${DEVSTACK[@]}" token viewer --keys "$KEYS" --audience capflow-internal)" \
    java -Xmx512m -jar gateway/target/quarkus-app/quarkus-run.jar >"$LOG.gateway" 2>&1 &
  GATEWAY=$!
  "${DEVSTACK[@]}" wait-http "http://127.0.0.1:$GATEWAY_PORT/q/health/live" 120 --pid "$GATEWAY"
  REST_ARGS=(--rest "http://127.0.0.1:$GATEWAY_PORT" --rest-token "$("${DEVSTACK[@]}" token ingest --keys "$KEYS")")
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(psql -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'SHOW server_version')" "PostgreSQL; $(java -version 2>&1 | head -1);" \
  "load before the run:$(uptime | sed 's/.*load average://')"
java -Xmx1g -cp benchmarks/target/capflow-benchmarks.jar dev.capflow.bench.BulkImportBenchmark \
  --grpc "127.0.0.1:$GRPC_PORT" --jdbc "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --user "$PG_USER" \
  --symbols "$SYMBOLS" --days "$DAYS" --chunk "$CHUNK" --in-flight "$IN_FLIGHT" --token "$TOKEN" "${REST_ARGS[@]}"
echo "load after the run:$(uptime | sed 's/.*load average://')"

kill "$SERVICE" $GATEWAY; wait "$SERVICE" $GATEWAY 2>/dev/null || true
trap - EXIT
rm -rf "$KEYS"
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
