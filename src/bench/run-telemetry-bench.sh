#!/usr/bin/env bash
# Proxy throughput with and without 10 telemetry consoles attached, and event-to-console latency under load:
# an in-process gateway (one event loop) over two SimBackends, driven by wrk (-t1 -c32). Arguments: seconds per
# run (default 10) and rounds (default 3; runs alternate without/with consoles, medians reported). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" > /dev/null
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" dev.switchboard.bench.TelemetryBench "${1:-10}" "${2:-3}"
