#!/usr/bin/env bash
# Benchmark: one 500-member x 2,520-day buy-and-hold basket (union calendar with carry-forward, levels, every metric
# with beta, member contributions) in the Java basket engine under JMH, against the same computation in pandas on the
# same generated data (seeded, written to CSV), in one run. Prints one Markdown row for BENCHMARKS.md.
# Needs Java 17+ and Debian's pandas (apt-get install python3-pandas; PYTHON defaults to /usr/bin/python3).
# OPENBLAS_CORETYPE, when the environment sets it, is left as it is (it picks numpy's BLAS kernels); the row reports it.
# MODULES: what to build; proto and test-support can be left out when they are already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

MODULES=${MODULES:-proto,test-support,random-cases,basket-engine,benchmarks}
PYTHON=${PYTHON:-/usr/bin/python3}
REPETITIONS=${REPETITIONS:-30}
OUT=benchmarks/target/basket-bench
CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"

./mvnw -B -ntp -q install -DskipTests -pl "$MODULES"
mkdir -p "$OUT"
java -cp "$CP" dev.capflow.bench.BasketBenchData "$OUT"

java -cp "$CP" org.openjdk.jmh.Main BasketEngineBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgs -Xmx2g \
  -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log"
read -r JAVA_MS JAVA_ERROR < <("$PYTHON" -c '
import json, sys
metric = json.load(open(sys.argv[1]))[0]["primaryMetric"]
print("%.3f %.3f" % (metric["score"], metric["scoreError"]))' "$OUT/jmh.json")

read -r PANDAS_BEST PANDAS_MEDIAN RUNS < <("$PYTHON" bench/basket_engine_pandas.py "$OUT" "$REPETITIONS" | tail -1)
VERSIONS=$("$PYTHON" -c 'import numpy, pandas; print(f"pandas {pandas.__version__}, numpy {numpy.__version__}")')

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1);" \
  "$VERSIONS; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
echo "| workload | Java engine (JMH avg, 1 fork, 3+5 x 1 s) | pandas (best / median of $RUNS) | Java / pandas |"
echo "| --- | --- | --- | --- |"
"$PYTHON" -c '
import sys
java, error, best, median = map(float, sys.argv[1:5])
print(f"| basket: 500 members x 2,520 days, buy-and-hold, levels + all metrics + contributions "
      f"| {java:.2f} ms +- {error:.2f} | {best:.2f} / {median:.2f} ms "
      f"| {java / best:.2f} of best ({best / java:.1f}x faster), {java / median:.2f} of median |")' \
  "$JAVA_MS" "$JAVA_ERROR" "$PANDAS_BEST" "$PANDAS_MEDIAN"
