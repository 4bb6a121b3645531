#!/usr/bin/env bash
# Benchmark: the CLEARING stress model (Eisenberg-Noe, exposure-engine's Clearing.run: Gauss-Seidel sweeps from pbar)
# against a plain fixed-point (Jacobi) iteration over the same sparse obligations, on the seeded 2,000-entity stress
# graph, baseline and shocked clearings per call (ClearingBenchmark, JMH). The benchmark refuses to run if the two
# disagree by more than 1e-9 of an entity's obligations. Prints the JMH table and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=benchmarks/target/clearing-bench
CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"

./mvnw -B -ntp -q package -DskipTests -pl benchmarks -am
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
java -cp "$CP" org.openjdk.jmh.Main 'ClearingBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s -jvmArgs -Xmx2g \
  -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.log" | grep -E '^clearing:|^Benchmark|ClearingBenchmark\.' | sort -u
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1);" \
  "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
