#!/usr/bin/env bash
# Thread CPU time of the access log's work per proxied request (AccessLogCpuTime): the event loop's record and the
# writer thread's line, JSON and text. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.switchboard.gateway.AccessLogCpuTime
