#!/usr/bin/env bash
# Runs one JMH benchmark class of src/bench/java with the GC profiler, so ns/op and gc.alloc.rate.norm (bytes per
# operation) are reported: run-jmh.sh NAME [JMH options]. Without options: -f 1 -wi 3 -i 5 -w 1s -r 1s.
# JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
NAME="$1"
shift
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
if [ $# -eq 0 ]; then
    set -- -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
    org.openjdk.jmh.Main "$NAME" -prof gc "$@"
