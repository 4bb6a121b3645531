#!/usr/bin/env bash
# Benchmark: money-loop enumeration (elementary cycles of up to 8 arcs) on one seeded random directed graph, 300 entities
# and 2,100 arcs, in the Java exposure engine under JMH (LoopFinderBenchmark: count = enumeration only, find = Loop
# objects built and sorted too) against networkx.simple_cycles(length_bound=8) on the same edge list, in one run; plus
# both stress models on a seeded 2,000-entity graph (ExposureStressBenchmark, no baseline). Prints Markdown rows for
# BENCHMARKS.md.
# Needs Java 17+ and a Python with networkx >= 3.1 (PYTHON, default python3; Debian 12's python3-networkx 2.8 lacks
# length_bound). MODULES: what to build; proto, test-support and basket-engine can be left out when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

MODULES=${MODULES:-proto,test-support,basket-engine,exposure-engine,benchmarks}
PYTHON=${PYTHON:-python3}
REPETITIONS=${REPETITIONS:-3}
OUT=benchmarks/target/exposure-bench
CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"

./mvnw -B -ntp -q install -DskipTests -pl "$MODULES"
mkdir -p "$OUT"
java -cp "$CP" dev.capflow.bench.ExposureBenchData "$OUT"
LOOPS=$(cat "$OUT/java-count.txt")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

java -cp "$CP" org.openjdk.jmh.Main 'LoopFinderBenchmark|ExposureStressBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s \
  -jvmArgs -Xmx3g -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log"
JMH=$("$PYTHON" -c '
import json, sys
for run in json.load(open(sys.argv[1])):
    metric = run["primaryMetric"]
    print("%s %.3f %.3f" % (run["benchmark"].rsplit(".", 1)[1], metric["score"], metric["scoreError"]))' "$OUT/jmh.json")

"$PYTHON" bench/exposure_networkx.py "$OUT" "$REPETITIONS" >"$OUT/networkx.log"
read -r NX_BEST NX_MEDIAN _ RUNS < <(tail -1 "$OUT/networkx.log")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1);" \
  "Python $("$PYTHON" -c 'import platform; print(platform.python_version())'), $(head -1 "$OUT/networkx.log");" \
  "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| workload | Java (JMH avg, 1 fork, 3+5 x 2 s) | networkx (best / median of $RUNS) | Java / networkx (cycles/s) |"
echo "| --- | --- | --- | --- |"
"$PYTHON" -c '
import sys
loops = int(sys.argv[1]); best, median = float(sys.argv[2]), float(sys.argv[3])
rows = dict((line.split()[0], tuple(map(float, line.split()[1:]))) for line in sys.argv[4].splitlines())
nx_best, nx_median = loops / best, loops / median
for name, label in (("count", "enumerate only"), ("find", "build, sort and keep every Loop")):
    ms, error = rows[name]
    rate = loops / (ms / 1000)
    print(f"| {loops:,} loops of <= 8 arcs, {label} | {ms:,.0f} ms +- {error:,.0f} = {rate:,.0f} cycles/s "
          f"| {best:.2f} / {median:.2f} s = {nx_best:,.0f} / {nx_median:,.0f} cycles/s "
          f"| {rate / nx_best:.1f}x best, {rate / nx_median:.1f}x median |")
print()
print("| stress, 2,000 entities, ten largest lose half | Java (JMH avg) |")
print("| --- | --- |")
for name in ("crossHoldingsCascade", "debtRankLinear", "debtRankOriginal"):
    ms, error = rows[name]
    print(f"| {name} | {ms:,.1f} ms +- {error:,.1f} |")' "$LOOPS" "$NX_BEST" "$NX_MEDIAN" "$JMH"
