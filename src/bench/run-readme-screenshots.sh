#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/images/pools.png, charts.png, timeline.png) from the real console on the
# embedded demo at 1280x720, on a private Xvfb display, with the app's own snapshot-to-PNG (console/common PngWriter).
# Takes about 40 s after the build. Argument: the output directory (default docs/images). NOBUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
OUT="${1:-docs/images}"
[ "${NOBUILD:-0}" = 1 ] || mvn -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 2; }
for n in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { DISPLAY_NUMBER=$n; break; }
done
Xvfb ":$DISPLAY_NUMBER" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done
DISPLAY=":$DISPLAY_NUMBER" timeout 300 "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "target/test-classes:target/switchboard.jar:$(cat target/bench.cp)" dev.switchboard.bench.ReadmeScreenshots "$OUT"
