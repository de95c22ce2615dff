#!/usr/bin/env bash
# The launch operators do: `switchboard console --smoke-test` with the embedded demo on a real X display (Xvfb),
# RUNS times (default 5). Each run prints when the window's first frame was painted (its "starting" state) and when
# the main window's was (the demo up), in ms since the JVM started (RuntimeMXBean), measured by an AnimationTimer two
# pulses after the change; this prints every run and the medians. AOT=1 first trains a JDK 25 AOT cache with one run
# and measures with it. JAVA overrides the JDK 25 used; NOBUILD=1 skips `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
RUNS="${RUNS:-5}"
[ "${NOBUILD:-0}" = 1 ] || mvn -B -q -o -DskipTests package
source src/bench/xvfb-lib.sh
PREFS="$(mktemp -d)/console.json"   # a first run each time: maximised, light theme
read -r -a APP_JVM_OPTIONS <<<"$(mvn -B -q help:evaluate -Dexpression=app.jvm.options -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
console() {
    rm -f "$PREFS"
    "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        "${APP_JVM_OPTIONS[@]}" -Dswitchboard.report-first-frame=true -Dswitchboard.preferences="$PREFS" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" -jar target/switchboard.jar console --smoke-test
}
AOT_FLAGS=()
if [ "${AOT:-0}" = 1 ]; then
    rm -f target/console-launch.aot
    console -XX:AOTCacheOutput=target/console-launch.aot >/dev/null || true
    AOT_FLAGS=(-XX:AOTCache=target/console-launch.aot)
fi
first=(); main=()
for i in $(seq "$RUNS"); do
    out="$(console "${AOT_FLAGS[@]}" || true)"
    f="$(sed -n 's/^console window (starting) painted \([0-9]*\) ms.*/\1/p' <<<"$out")"
    m="$(sed -n 's/^console main window painted \([0-9]*\) ms.*/\1/p' <<<"$out")"
    echo "run $i: first frame ${f:-?} ms, main window ${m:-?} ms"
    first+=("${f:-999999}"); main+=("${m:-999999}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median of $RUNS runs${AOT:+ (AOT=$AOT)}: first frame $(median "${first[@]}") ms, main window with the demo $(median "${main[@]}") ms after process start"
