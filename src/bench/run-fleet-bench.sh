#!/usr/bin/env bash
# A fleet of in-process gateways on a real etcd (/usr/bin/etcd, Debian's etcd-server) on loopback: push -> applied by
# every gateway (p50, p99), then requests failed while etcd is stopped and restarted under a steady rate.
# Arguments: gateways (default 10), pushes (default 30), requests/s (default 500).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -o -DskipTests test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" > /dev/null
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" dev.switchboard.bench.FleetBench "${1:-10}" "${2:-30}" "${3:-500}"
