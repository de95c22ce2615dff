#!/usr/bin/env bash
# Thread CPU time per pick (PickCpuTime over PickBenchmark's pools), steadier than JMH's wall-clock times when other
# processes share the cores: run-pick-cpu-bench.sh [BACKENDS [POOL...]], default 1000 and every pool.
# JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
if [ $# -le 1 ]; then
    set -- "${1:-1000}" rr weighted least-request peak-ewma
fi
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.switchboard.bench.PickCpuTime "$@"
