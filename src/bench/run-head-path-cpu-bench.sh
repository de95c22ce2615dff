#!/usr/bin/env bash
# Thread CPU time of one proxied exchange's heads (HeadPathCpuTime): Netty's stock codecs against the gateway's,
# steadier than wrk runs when other processes share the cores. Arguments: codec sets (netty, gateway; default both).
# JAVA overrides the JDK 25 used; REQUEST=browser sends a browser's ten-header API call instead of wrk's one-header GET.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec "$JAVA" -Dio.netty.leakDetection.level=disabled -Dheadpath.request="${REQUEST:-wrk}" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
    dev.switchboard.gateway.HeadPathCpuTime "$@"
