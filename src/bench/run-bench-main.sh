#!/usr/bin/env bash
# Compiles the tests and runs one main class of src/bench/java with the test classpath: run-bench-main.sh CLASS ARGS...
# Used by the in-process benchmarks (run-telemetry-bench.sh, run-drill-bench.sh). JAVA overrides the JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" > /dev/null
MAIN="$1"
shift
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" "$MAIN" "$@"
