#!/usr/bin/env bash
# Thread CPU time of one request's deadline on an event loop (DeadlineCpuTime): a timer scheduled and cancelled per
# request against the connection's shared DeadlineAlarm. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.switchboard.gateway.DeadlineCpuTime
