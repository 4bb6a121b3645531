#!/usr/bin/env bash
# Benchmark: each service's start (JVM start to /q/health/ready answering 200) and resident memory (VmRSS), against a
# running platform (./capflow up; run this script with the same CAPFLOW_* variables). Linux only (/proc).
#  1. the idle RSS of every service ./capflow up started (it has loaded the demo data);
#  2. for each service, ROUNDS copies started one after another with the running service's own command line and
#     environment (the JVM settings of k8s/base/jvm.env and its class archive included) on free ports, each timed
#     from launch to ready, with the "started in" figure Quarkus logs and the CPU time the copy had used when ready
#     (user + system, all its threads: the work of the start, which a loaded machine stretches far less than the
#     wall time; with the main thread's and the JIT compiler threads' shares, e.g. 7.4(main:2.6,jit:3.5)), then
#     stopped; alternating with them the same without the class archive (.capflow/cds/, see devstack) or, with
#     CANDIDATE="-XX:... ...", the same with those JVM options added (a setting to weigh before it goes into
#     k8s/base/jvm.env), and the JVM alone, `java -version` with the same options (the floor);
#  3. with LOAD=1 (default), bench/gateway-load.sh (wrk, DURATION each route), then the RSS of every service at once and
#     SETTLE seconds later (Serial gives heap back only at a full collection; freed native memory is trimmed every 5 s).
# Prints Markdown rows for BENCHMARKS.md, each figure against its aim (ready within 2 s; RSS at most 200 MB, i.e.
# 200,000,000 bytes = 190.7 MiB), the machine and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

OFFSET=${CAPFLOW_PORT_OFFSET:-0}
ROUNDS=${ROUNDS:-3}
LOAD=${LOAD:-1}
SETTLE=${SETTLE:-45}
CANDIDATE=${CANDIDATE:-}
SERVICES=(ingest-service basket-service exposure-service gateway)
declare -A HTTP=([ingest-service]=8081 [basket-service]=8082 [exposure-service]=8083 [gateway]=8080)
WORK=$(mktemp -d)

copies=()
cleanup() {
  local pid
  for pid in "${copies[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

load() { sed 's/.*load average: //' /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average: //'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# PID's RSS in MiB and MB, against the 200 MB aim
rss_against_aim() {
  awk '/VmRSS/ {printf "%.0f MiB = %.0f MB, %s", $2 / 1024, $2 * 1.024 / 1000, ($2 * 1024 <= 200000000 ? "met" : "**over**")}' \
    "/proc/$1/status"
}
# the user + system CPU seconds PID's threads have used
cpu_s() { awk -v tck="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$1/stat"; }
# the same, split by thread, as one word: TOTAL(main:M,jit:J) where main is the java threads (the launcher's and the
# start's) and jit the C1 and C2 compiler threads; the rest (GC, Vert.x, pools) is TOTAL - M - J
cpu_by_thread() {
  local task total
  total=$(cpu_s "$1")
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr ' ' _ <"$task/comm")" "$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"
  done | awk -v tck="$(getconf CLK_TCK)" -v total="$total" '
    $1 == "java" {main += $2} $1 ~ /^C[12]_CompilerThre/ {jit += $2}
    END {printf "%s(main:%.1f,jit:%.1f)", total, main / tck, jit / tck}'
}
# the pid listening on 127.0.0.1 or every interface at PORT
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

declare -A PID
for service in "${SERVICES[@]}"; do
  port=$((HTTP[$service] + OFFSET))
  PID[$service]=$(pid_on "$port")
  [[ -n ${PID[$service]} ]] || { echo "$service is not listening on $port: run ./capflow up first" >&2; exit 1; }
done

# the Java the services run on: ./capflow starts them with its own (JAVA_HOME, else java on the PATH)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB; services on $("$(readlink "/proc/${PID[gateway]}/exe")" -version 2>&1 | head -1);" \
  "load average: $(load | cut -d' ' -f1-3)"

echo
echo "| service | idle RSS after ./capflow up (aim: at most 200 MB) |"
echo "| --- | --- |"
for service in "${SERVICES[@]}"; do echo "| $service | $(rss_against_aim "${PID[$service]}") |"; done

# SERVICE's running command line, never writing a class archive; with "plain", without the class archive either;
# with "candidate", with the CANDIDATE options after the service's own (before -jar: the last of two -Xmn or -XX
# options wins, so a candidate heap size replaces the service's)
copied_command() {
  local arg
  local -a all candidate=()
  mapfile -d '' all <"/proc/${PID[$1]}/cmdline"
  [[ $2 == candidate ]] && read -r -a candidate <<<"$CANDIDATE"
  printf '%s\0' "${all[0]}"
  for arg in "${all[@]:1}"; do
    [[ $arg == -jar && ${#candidate[@]} -gt 0 ]] && printf '%s\0' "${candidate[@]}"
    [[ $arg == -XX:ArchiveClassesAtExit=* || ($2 == plain && $arg == -XX:SharedArchiveFile=*) ]] || printf '%s\0' "$arg"
  done
}

# starts a copy of SERVICE's running JVM (VARIANT: as it runs, plain or candidate) on free ports; prints "ready_ms cpu started_s"
# (cpu as cpu_by_thread prints it)
start_copy() {
  local service=$1 source=${PID[$1]} http grpc log t0 pid
  local -a command environment
  http=$(free_port)
  grpc=$(free_port)
  mapfile -d '' command < <(copied_command "$service" "$2")
  mapfile -d '' environment <"/proc/$source/environ"
  log="$WORK/$service-$http.log"
  t0=$(now_ms)
  env -i "${environment[@]}" QUARKUS_HTTP_PORT="$http" QUARKUS_GRPC_SERVER_PORT="$grpc" "${command[@]}" >"$log" 2>&1 &
  pid=$!
  copies+=("$pid")
  until curl -fsS -o /dev/null "http://127.0.0.1:$http/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the copy of $service stopped:" >&2; tail -20 "$log" >&2; exit 1; }
    (($(now_ms) - t0 < 300000)) || { echo "the copy of $service was not ready in 300 s" >&2; exit 1; }
    sleep 0.02
  done
  local ready=$(($(now_ms) - t0)) cpu
  cpu=$(cpu_by_thread "$pid")
  for _ in $(seq 1 100); do grep -q 'started in' "$log" && break; sleep 0.02; done # the line follows readiness closely
  echo "$ready $cpu $(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# the JVM alone with SERVICE's options: java OPTIONS -version; prints ms
jvm_floor() {
  local source=${PID[$1]} t0
  local -a command options=() environment
  mapfile -d '' command < <(copied_command "$1" plain)
  mapfile -d '' environment <"/proc/$source/environ"
  for arg in "${command[@]:1}"; do [[ $arg == -jar ]] && break; options+=("$arg"); done
  t0=$(now_ms)
  env -i "${environment[@]}" "${command[0]}" "${options[@]}" -version >/dev/null 2>&1
  echo $(($(now_ms) - t0))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
within_2s() { (($1 <= 2000)) && echo met || echo "**over**"; }
other=plain other_title="the same without its class archive"
[[ -z $CANDIDATE ]] || other=candidate other_title="the same with \`$CANDIDATE\`"
echo
echo "| service | JVM start to ready, as ./capflow runs it (median of $ROUNDS; each) | aim 2 s | CPU used when ready, s (main thread, JIT; each) | Quarkus \"started in\" | $other_title (median; each) | CPU (each) | \"started in\" | baseline: \`java -version\`, same options (median) | load average before |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for service in "${SERVICES[@]}"; do
  before=$(load | cut -d' ' -f1)
  ready=() cpu=() started=() others=() other_cpu=() other_started=() floor=()
  for _ in $(seq 1 "$ROUNDS"); do # alternating, so both see the same machine
    start_copy "$service" running >"$WORK/copy"
    read -r ms s_cpu s <"$WORK/copy"
    ready+=("$ms") cpu+=("$s_cpu") started+=("${s:-?}")
    start_copy "$service" "$other" >"$WORK/copy"
    read -r ms s_cpu s <"$WORK/copy"
    others+=("$ms") other_cpu+=("$s_cpu") other_started+=("${s:-?}")
    floor+=("$(jvm_floor "$service")")
  done
  echo "| $service | $(median "${ready[@]}") ms (${ready[*]}) | $(within_2s "$(median "${ready[@]}")") | ${cpu[*]}" \
    "| ${started[*]} s | $(median "${others[@]}") ms (${others[*]}) | ${other_cpu[*]} | ${other_started[*]} s" \
    "| $(median "${floor[@]}") ms | $before |"
done

if [[ $LOAD == 1 ]]; then
  echo
  echo "load run: DURATION=${DURATION:=10s} bash bench/gateway-load.sh (load average before: $(load | cut -d' ' -f1-3))"
  DURATION=$DURATION ROUNDS=1 bash bench/gateway-load.sh
  declare -A AFTER
  for service in "${SERVICES[@]}"; do AFTER[$service]=$(rss_against_aim "${PID[$service]}"); done
  sleep "$SETTLE"
  echo
  echo "| service | RSS right after the load run (aim: at most 200 MB) | $SETTLE s later |"
  echo "| --- | --- | --- |"
  for service in "${SERVICES[@]}"; do
    echo "| $service | ${AFTER[$service]} | $(rss_against_aim "${PID[$service]}") |"
  done
fi
echo
echo "load average after: $(load | cut -d' ' -f1-3)"
