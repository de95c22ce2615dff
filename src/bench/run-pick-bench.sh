#!/usr/bin/env bash
# Runs PickBenchmark (one engine pick: round-robin, weighted, affinity; 10 and 1,000 backends) with the GC
# profiler, so ns/op and gc.alloc.rate.norm (bytes per pick) are reported. Arguments replace the default
# run options, e.g. "-f 1 -wi 2 -i 3 -w 1s -r 1s" for a quicker run. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
if [ $# -eq 0 ]; then
    set -- -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
    org.openjdk.jmh.Main PickBenchmark -prof gc "$@"
