#!/usr/bin/env bash
# Benchmark: money-loop enumeration in the Java exposure engine under JMH (LoopFinderBenchmark: count = enumeration
# only, find = Loop objects built and sorted too) against networkx.simple_cycles on the same edge lists, in one run:
#   1. every elementary cycle of a seeded 24-entity, 96-arc graph (725,465 loops), against Debian's python3-networkx
#      (DEBIAN_PYTHON, default /usr/bin/python3; `apt-get install python3-networkx`);
#   2. cycles of up to 8 arcs in a seeded 300-entity, 2,100-arc graph, against a networkx >= 3.1 (PYTHON, default
#      python3), which has length_bound; skipped when that Python has no such networkx.
# Plus both stress models on a seeded 2,000-entity graph (ExposureStressBenchmark, no baseline). Prints Markdown rows
# for BENCHMARKS.md, with the bytes each find allocates per loop (JMH's gc profiler). JMH_FILTER: which benchmarks
# (default both classes; LoopFinderBenchmark alone skips the stress table).
set -euo pipefail
cd "$(dirname "$0")/.."

JMH_FILTER=${JMH_FILTER:-LoopFinderBenchmark|ExposureStressBenchmark}
PYTHON=${PYTHON:-python3}
DEBIAN_PYTHON=${DEBIAN_PYTHON:-/usr/bin/python3}
REPETITIONS=${REPETITIONS:-3}
OUT=benchmarks/target/exposure-bench
CP="benchmarks/target/capflow-benchmarks.jar:benchmarks/target/lib/*"

./mvnw -B -ntp -q package -DskipTests -pl benchmarks -am
mkdir -p "$OUT"
java -cp "$CP" dev.capflow.bench.ExposureBenchData "$OUT"
LOOPS=$(cat "$OUT/java-count.txt")
LOOPS_UNBOUNDED=$(cat "$OUT/java-count-unbounded.txt")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

java -cp "$CP" org.openjdk.jmh.Main "$JMH_FILTER" -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
  -jvmArgs -Xmx3g -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log"
JMH=$("$DEBIAN_PYTHON" -c '
import json, sys
for run in json.load(open(sys.argv[1])):
    metric = run["primaryMetric"]
    allocated = run.get("secondaryMetrics", {}).get("\u00b7gc.alloc.rate.norm", {}).get("score", 0)
    print("%s %.3f %.3f %.0f" % (run["benchmark"].rsplit(".", 1)[1], metric["score"], metric["scoreError"], allocated))' "$OUT/jmh.json")

"$DEBIAN_PYTHON" bench/exposure_networkx.py "$OUT" "$REPETITIONS" -unbounded >"$OUT/networkx-debian.log"
read -r DEB_BEST DEB_MEDIAN _ RUNS < <(tail -1 "$OUT/networkx-debian.log")
NX_BEST=0 NX_MEDIAN=0
if "$PYTHON" bench/exposure_networkx.py "$OUT" "$REPETITIONS" >"$OUT/networkx.log" 2>&1; then
  read -r NX_BEST NX_MEDIAN _ _ < <(tail -1 "$OUT/networkx.log")
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1);" \
  "Debian $(head -1 "$OUT/networkx-debian.log"); other Python: $(head -1 "$OUT/networkx.log");" \
  "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| workload | Java (JMH avg, 1 fork, 3+5 x 2 s) | networkx (best / median of $RUNS) | Java / networkx (cycles/s) |"
echo "| --- | --- | --- | --- |"
"$DEBIAN_PYTHON" -c '
import sys
rows = dict((line.split()[0], tuple(map(float, line.split()[1:]))) for line in sys.argv[1].splitlines())
def row(loops, label, name, best, median):
    ms, error, allocated = rows[name]
    rate = loops / (ms / 1000)
    label += f" ({allocated / loops:,.0f} B allocated per loop)"
    if best == 0:
        print(f"| {loops:,} loops, {label} | {ms:,.0f} ms +- {error:,.0f} = {rate:,.0f} cycles/s | not run | - |")
        return
    nx_best, nx_median = loops / best, loops / median
    print(f"| {loops:,} loops, {label} | {ms:,.0f} ms +- {error:,.0f} = {rate:,.0f} cycles/s "
          f"| {best:.2f} / {median:.2f} s = {nx_best:,.0f} / {nx_median:,.0f} cycles/s "
          f"| {rate / nx_best:.1f}x best, {rate / nx_median:.1f}x median |")
unbounded, bounded = int(sys.argv[2]), int(sys.argv[3])
deb_best, deb_median, nx_best, nx_median = map(float, sys.argv[4:8])
row(unbounded, "any length, enumerate only (Debian networkx)", "countUnbounded", deb_best, deb_median)
row(unbounded, "any length, build, sort and keep every Loop (Debian networkx)", "findUnbounded", deb_best, deb_median)
row(bounded, "<= 8 arcs, enumerate only (networkx >= 3.1)", "count", nx_best, nx_median)
row(bounded, "<= 8 arcs, build, sort and keep every Loop (networkx >= 3.1)", "find", nx_best, nx_median)
if "debtRankLinear" in rows:
    print()
    print("| stress, 2,000 entities, ten largest lose half | Java (JMH avg) |")
    print("| --- | --- |")
    for name in ("crossHoldingsCascade", "debtRankLinear", "debtRankOriginal"):
        ms, error, _ = rows[name]
        print(f"| {name} | {ms:,.1f} ms +- {error:,.1f} |")' "$JMH" "$LOOPS_UNBOUNDED" "$LOOPS" "$DEB_BEST" "$DEB_MEDIAN" "$NX_BEST" "$NX_MEDIAN"
