#!/usr/bin/env bash
# Benchmark: what each service of a running platform (./capflow up, CAPFLOW_PORT_OFFSET honoured) holds in memory while
# a load runs, against the ceilings its JVM settings set (k8s/base/jvm.env and each service's own jvm.env: -Xmx,
# MaxMetaspaceSize, ReservedCodeCacheSize, MaxDirectMemorySize) and its Kubernetes memory limit. It samples every
# SAMPLE seconds, while the command given as arguments runs (for example `bash bench/sse-fanout.sh`), each service's
# RSS and, when the platform was started with -XX:NativeMemoryTracking=summary (added to JAVA_TOOL_OPTIONS in
# k8s/base/jvm.env of the measured checkout), its committed native memory by category; "Other" holds direct buffers
# (Netty's included). The baseline is the same services' figures before the load. Needs jcmd (the JDK's).
# Prints one Markdown row per service for BENCHMARKS.md: idle, then the peak under load, in MiB.
set -euo pipefail
cd "$(dirname "$0")/.."

SAMPLE=${SAMPLE:-2}
SERVICES=(ingest-service basket-service exposure-service gateway)
[[ $# -gt 0 ]] || { echo "usage: bash bench/native-memory.sh LOAD-COMMAND [ARGS...]" >&2; exit 2; }

pid_of() {
  local file=".capflow/run/$1.pid"
  [[ -f $file ]] || { echo "no $file: is ./capflow up running in this checkout?" >&2; exit 1; }
  cat "$file"
}

# one line per service: rss heap class-metadata archive code other threads total (MiB, NMT committed; - without NMT)
sample() {
  local service pid rss nmt
  for service in "${SERVICES[@]}"; do
    pid=$(pid_of "$service")
    rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
    nmt=$(jcmd "$pid" VM.native_memory summary scale=KB 2>/dev/null | awk '
      function kb(line, key) { if (!match(line, key "=[0-9]+KB")) return 0; return substr(line, RSTART + length(key) + 1, RLENGTH - length(key) - 3) / 1024 }
      /^Total:/ { total = kb($0, "committed") }
      /^-  *Java Heap/ { heap = kb($0, "committed") }
      /^-  *Class \(/ || /^-  *Metaspace/ { meta += kb($0, "committed") }
      /^-  *Shared class space/ { shared = kb($0, "committed") }
      /^-  *Code/ { code = kb($0, "committed") }
      /^-  *Thread/ { thread = kb($0, "committed") }
      # direct buffers are malloc of category Other: its peak since the start, when the JVM reports one
      other_next { other = kb($0, "peak") ? kb($0, "peak") : kb($0, "malloc"); other_next = 0 }
      /^-  *Other/ { other = kb($0, "committed"); other_next = 1 }
      END { if (total) printf "%.1f %.1f %.1f %.1f %.1f %.1f %.1f", heap, meta, shared, code, other, thread, total; else print "- - - - - - -" }')
    echo "$service $rss $nmt"
  done
}

DEVSTACK=(java -cp "devstack/target/capflow-devstack.jar:devstack/target/lib/*" dev.capflow.devstack.DevStack)
ceiling() {
  local service=$1 option=$2
  "${DEVSTACK[@]}" jvm-settings "$service" | sed -n "s/^-XX:$option=\([0-9]*\)m$/\1/p; s/^-$option\([0-9]*\)m$/\1/p" | tail -n 1
}

limit() {
  sed -n '/limits:/,/memory:/ s/^ *memory: *//p' "k8s/base/$1/deployment.yaml" | head -n 1
}

idle=$(sample)
peaks=$(mktemp)
trap 'rm -f "$peaks"; kill "$sampler" 2>/dev/null || true' EXIT
printf '%s\n' "$idle" >"$peaks"
(
  while true; do
    sample >>"$peaks"
    sleep "$SAMPLE"
  done
) &
sampler=$!
"$@"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sample >>"$peaks"

echo
echo "| service | RSS idle / peak | heap | class metadata | class archive | code | Other (direct buffers), idle / peak | threads | NMT total, idle / peak | ceilings: Xmx + metaspace + code cache + direct | memory limit |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for service in "${SERVICES[@]}"; do
  read -r _ rss0 _ _ _ _ other0 _ total0 <<<"$(grep "^$service " <<<"$idle")"
  read -r rss heap meta shared code other thread total <<<"$(awk -v s="$service" '$1 == s {
      for (i = 2; i <= 9; i++) if ($i != "-" && $i + 0 > max[i]) max[i] = $i + 0
    } END { for (i = 2; i <= 9; i++) printf "%s ", (i in max) ? max[i] : "-" }' "$peaks")"
  xmx=$(ceiling "$service" "Xmx"); metaspace=$(ceiling "$service" "MaxMetaspaceSize")
  code_cache=$(ceiling "$service" "ReservedCodeCacheSize"); direct=$(ceiling "$service" "MaxDirectMemorySize")
  echo "| $service | $rss0 / $rss | $heap | $meta | $shared | $code | $other0 / $other | $thread | $total0 / $total | ${xmx:-?} + ${metaspace:-?} + ${code_cache:-?} + ${direct:-Xmx} | $(limit "$service") |"
done
