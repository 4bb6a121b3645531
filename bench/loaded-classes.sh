#!/usr/bin/env bash
# Measurement: what each running capflow service has loaded, grouped by library, with its resident memory. Run it
# against a platform started by ./capflow up (same checkout; it reads .capflow/run/<service>.pid), 60 s or more after
# the start. Linux and the JDK's jcmd only. For each service in SERVICES (default: all four): VmRSS, the number of
# classes loaded (jcmd VM.class_hierarchy) and the TOP (default 25) library prefixes by class count. A service's idle
# resident memory is mostly class metadata (its class-data archive and metaspace), so the count of classes a library
# brings is what dropping it can save (docs/decisions.md, "Service footprint, eleventh pass").
set -euo pipefail
cd "$(dirname "$0")/.."

TOP=${TOP:-25}
read -r -a SERVICES <<<"${SERVICES:-ingest-service basket-service exposure-service gateway}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for service in "${SERVICES[@]}"; do
  pid=$(cat ".capflow/run/$service.pid" 2>/dev/null) || { echo "$service: not running (./capflow up first)" >&2; continue; }
  rss_kib=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status")
  # one class per line of the hierarchy, without its tree drawing and loader
  jcmd "$pid" VM.class_hierarchy | sed -E 's/^[ |-]*//; s/\/[^ ]*//; s/ .*//' | grep -E '^[A-Za-z_$][^ ]*\.' |
    sort -u >"$WORK/$service.classes"
  printf '%s (pid %s): VmRSS %.1f MiB, %d classes\n' "$service" "$pid" "$(echo "$rss_kib / 1024" | bc -l)" \
    "$(wc -l <"$WORK/$service.classes")"
  /usr/bin/python3 - "$WORK/$service.classes" "$TOP" <<'PY'
import collections, sys

# the longest matching prefix names a class's library; others by their first three package names
LIBRARIES = sorted("""
io.quarkus.opentelemetry io.opentelemetry io.quarkus.hibernate io.quarkus.flyway org.hibernate.reactive org.hibernate
org.hibernate.grammars org.antlr org.flywaydb io.agroal org.postgresql io.quarkus.rest.client io.quarkus.restclient
org.jboss.resteasy.reactive io.quarkus.resteasy.reactive io.quarkus.micrometer io.micrometer io.prometheus
io.smallrye.faulttolerance io.smallrye.health com.fasterxml.jackson io.smallrye.openapi io.netty io.grpc
io.quarkus.grpc io.vertx.pgclient io.vertx.sqlclient io.vertx.redis io.vertx.core io.vertx io.quarkus.vertx
io.quarkus.redis io.quarkus.arc io.quarkus.runtime io.smallrye.jwt org.jose4j io.smallrye.mutiny io.smallrye.config
io.smallrye io.quarkus com.google.protobuf com.google org.jboss.logging org.jboss.logmanager org.jboss jakarta
net.bytebuddy com.github.benmanes.caffeine jdk java.util java.lang java sun dev.capflow""".split(), key=len, reverse=True)

def library(name):
    for prefix in LIBRARIES:
        if name == prefix or name.startswith(prefix + "."):
            return prefix
    return ".".join(name.split(".")[:3])

with open(sys.argv[1]) as classes:
    counts = collections.Counter(library(line.strip()) for line in classes if line.strip())
for prefix, count in counts.most_common(int(sys.argv[2])):
    print(f"  {count:6d}  {prefix}")
PY
done
