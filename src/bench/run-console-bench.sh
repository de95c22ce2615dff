#!/usr/bin/env bash
# Runs ConsoleBench: the console window fed by synthetic gateways (default 10 x 50 backends at 4 updates/s for
# 60 s), reporting time to first frame, FX frame gaps (AnimationTimer) and RSS. Arguments: duration (ISO-8601),
# gateways, backends, updates/s, e.g. "PT30M 10 50 4" for the full 30-minute run. Headless by default (glass
# Headless, software rendering); set DISPLAY_MODE=screen to open a real window. JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
# The launched app's memory options (pom: app.jvm.options), so RSS is what an operator's console uses.
read -r -a APP_JVM_OPTIONS <<<"$(mvn -B -q help:evaluate -Dexpression=app.jvm.options -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
HEADLESS=(-Dglass.platform=Headless -Dprism.order=sw)
if [ "${DISPLAY_MODE:-headless}" = screen ]; then
    HEADLESS=()
fi
exec "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "${APP_JVM_OPTIONS[@]}" "${HEADLESS[@]}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.switchboard.bench.ConsoleBench "$@"
