#!/usr/bin/env bash
# Runs ConsoleBench: the console window fed by synthetic gateways (default 10 x 50 backends at 4 updates/s for
# 60 s), reporting time to first frame, FX frame gaps (AnimationTimer) and RSS. Arguments: duration (ISO-8601),
# gateways, backends, updates/s, e.g. "PT30M 10 50 4" for the full 30-minute run. Headless by default (glass
# Headless, software rendering); set DISPLAY_MODE=screen to open a real window. AOT=1 first trains a JDK 25 AOT
# cache with a 10-second run and measures with it, as the installed launcher starts. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp
# Jars, not class directories: an AOT cache only takes classes from jars.
"$(dirname "$JAVA")/jar" cf target/console-bench.jar -C target/test-classes dev/switchboard/bench
BENCH_CP="target/console-bench.jar:target/switchboard.jar:$(cat target/bench.cp)"
# The launched app's memory options (pom: app.jvm.options), so RSS is what an operator's console uses.
read -r -a APP_JVM_OPTIONS <<<"$(mvn -B -q help:evaluate -Dexpression=app.jvm.options -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
HEADLESS=(-Dglass.platform=Headless -Dprism.order=sw)
if [ "${DISPLAY_MODE:-headless}" = screen ]; then
    HEADLESS=()
fi
bench() {
    "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "${APP_JVM_OPTIONS[@]}" "${HEADLESS[@]}" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_CP" "$@"
}
if [ "${AOT:-0}" = 1 ]; then
    rm -f target/console-bench.aot
    bench -XX:AOTCacheOutput=target/console-bench.aot dev.switchboard.bench.ConsoleBench PT10S "${@:2}" >/dev/null
    bench -XX:AOTCache=target/console-bench.aot dev.switchboard.bench.ConsoleBench "$@"
else
    bench dev.switchboard.bench.ConsoleBench "$@"
fi
