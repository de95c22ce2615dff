#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/images/pools.png, charts.png, timeline.png, fleet-grid.png) from the real console on the
# embedded demo at 1280x720, on a private Xvfb display, with the app's own snapshot-to-PNG (console/common PngWriter).
# Takes about 40 s after the build. Argument: the output directory (default docs/images). NOBUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
OUT="${1:-docs/images}"
[ "${NOBUILD:-0}" = 1 ] || mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp
source src/bench/xvfb-lib.sh
timeout 300 "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/test-classes:target/switchboard.jar:$(cat target/bench.cp)" dev.switchboard.bench.ReadmeScreenshots "$OUT"
