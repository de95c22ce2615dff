#!/usr/bin/env bash
# Runs RequestHeadBenchmark (decoding one request head: Netty's HttpServerCodec, the gateway's strict
# ClientHttpCodec, and the codec plus RequestValidator) with the GC profiler, so ns/op and bytes per head are
# reported. Arguments replace the default run options. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
if [ $# -eq 0 ]; then
    set -- -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
    org.openjdk.jmh.Main RequestHeadBenchmark -prof gc "$@"
