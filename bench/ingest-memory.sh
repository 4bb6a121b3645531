#!/usr/bin/env bash
# Benchmark: ingest-service's resident memory (VmRSS) idle, during an import of 1,000,000 CSV rows through the
# gateway's POST /api/v1/prices/csv (100 files of 10,000 rows), and for a minute afterwards. ingest-service and the
# gateway run as ./capflow up runs them (the JVM settings of k8s/base/jvm.env: -Xmx384m, the Serial collector), on a fresh
# database of the local PostgreSQL and a free Redis database. The baseline is the same process's idle RSS.
# Prints SAMPLE lines and one RESULT line for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); load: $(uptime | sed 's/.*load/load/')"
# packages the services (quarkus-app) and runs the measurement from the e2e module's test classes
./mvnw -B -ntp verify -pl e2e-tests -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=IngestMemoryBench | grep -E '^(SAMPLE|RESULT)|BUILD|ERROR'
echo "load after: $(uptime | sed 's/.*load/load/')"
