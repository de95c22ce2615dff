#!/usr/bin/env bash
# Warm start (issue 15, goal 3): the gateway (one event loop, two nginx backends) is put under wrk load (-t1 -c64) the
# moment its port accepts, and the first FIRST seconds (default 5) are reported: cold (a plain JVM) and warm (with the
# JDK 25 AOT cache, JEP 483/514/515), then the warm gateway's steady state (after STEADY_WARMUP s, STEADY s measured)
# as the reference. "accept" is the time from exec to the port accepting.
# The AOT cache is trained first, by the package build's own training (packaging/AotTraining.java; docs/gateway.md,
# "Warm start"): a gateway with -XX:AOTCacheOutput under 20 s of load, stopped with SIGTERM (the JVM writes the cache
# on exit).
# AOT_CACHE=FILE reuses a cache instead (it must come from this JVM and this target/ jar: otherwise the JVM ignores it).
# IMAGE=target/jpackage/switchboard measures the app image's launcher instead (mvn -Ppackage): warm with the cache the
# build trained and shipped, cold with -XX:AOTMode=off.
# Each start runs with --warmup 0 except "warm-up" (a plain JVM) and "aot+warm-up" (with the cache), which run the
# gateway's in-process pre-warm (docs/gateway.md, "Warm start") of WARMUP requests (default 20000, at most 3 s): their
# accept time includes it. MODES picks the starts (default "cold aot warm-up aot+warm-up").
# ROUNDS=N repeats the starts N times (the steady state follows the last one).
# JVM_OPTS adds flags to every gateway (training included). JAVA overrides the JDK 25. BUILD=0 skips the build.
# Needs nginx and wrk. About 80 s with the defaults, 15 s more per extra round.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
MODES="${MODES:-cold aot warm-up aot+warm-up}" WARMUP="${WARMUP:-20000}"
FIRST="${FIRST:-5}" STEADY_WARMUP="${STEADY_WARMUP:-10}" STEADY="${STEADY:-5}"
[ "${BUILD:-1}" = 1 ] && mvn -B -q -o -DskipTests package
D=$(mktemp -d)
GW=
trap '[ -n "$GW" ] && kill "$GW" 2>/dev/null; stop_backends; rm -rf "$D"' EXIT
BACKEND_A=$(free_port) BACKEND_B=$(free_port) PORT=$(free_port)
start_backends "$BACKEND_A" "$BACKEND_B"
cat > "$D/gateway.json" <<JSON
{ "gateway": { "id": "warm", "listen": "127.0.0.1:$PORT", "eventLoops": 1 },
  "backends": { "a": { "url": "http://127.0.0.1:$BACKEND_A" }, "b": { "url": "http://127.0.0.1:$BACKEND_B" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON
URL="http://127.0.0.1:$PORT/"

# Starts a gateway in mode $1 (cold, aot, warm-up or aot+warm-up) and waits for its port; sets GW and ACCEPT_MS. The jar runs with
# the packaged launcher's flags; IMAGE runs the app image's launcher, whose options name its shipped cache.
start_gateway() {
    local start flags warmup=0
    case "$1" in
        cold) flags="" ;;
        aot) flags="-XX:AOTCache=$CACHE" ;;
        warm-up) flags="" warmup="$WARMUP" ;;
        aot+warm-up) flags="-XX:AOTCache=$CACHE" warmup="$WARMUP" ;;
    esac
    start=$(date +%s%N)
    if [ -n "${IMAGE:-}" ]; then
        # -XX:AOTMode=off: the launcher without its cache (its jlink'd runtime has no default CDS archive either).
        JAVA_TOOL_OPTIONS="$(case "$1" in cold|warm-up) echo -XX:AOTMode=off ;; esac) ${JVM_OPTS:-}" \
            "$IMAGE/bin/switchboard" gateway --config "$D/gateway.json" --warmup "$warmup" >> "$D/gateway.log" 2>&1 &
    else
        # shellcheck disable=SC2086 # JAR_JVM and flags are lists of flags
        "$JAVA" $JAR_JVM $flags -Dorg.slf4j.simpleLogger.log.dev.switchboard.warmup=info -jar target/switchboard.jar \
            gateway --config "$D/gateway.json" --warmup "$warmup" >> "$D/gateway.log" 2>&1 &
    fi
    GW=$!
    wait_port "$PORT"
    ACCEPT_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}

stop_gateway() {
    kill "$GW"
    wait "$GW" || { echo "gateway exited with $?; its output:" >&2; cat "$D/gateway.log" >&2; exit 1; }
    GW=
}

# The jar's JVM options, the training's and every start's alike.
JAR_JVM="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JVM_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
CACHE="${AOT_CACHE:-$D/gateway.aot}"
if [ -z "${AOT_CACHE:-}" ] && [ -z "${IMAGE:-}" ]; then
    # shellcheck disable=SC2086 # JAR_JVM is a list of flags
    "$JAVA" packaging/AotTraining.java "$CACHE" "$JAVA" $JAR_JVM -jar target/switchboard.jar
fi
LAST_MODE=${MODES##* }
for round in $(seq "${ROUNDS:-1}"); do
    for mode in $MODES; do
        start_gateway "$mode"
        printf '%-12s first %ss  accept=%sms  %s  load=%s\n' "$mode" "$FIRST" "$ACCEPT_MS" "$(wrk_line "$FIRST" "$URL")" "$(load_avg)"
        [ "$round" = "${ROUNDS:-1}" ] && [ "$mode" = "$LAST_MODE" ] || stop_gateway
    done
done
grep -h 'warm-up:' "$D/gateway.log" || true
wrk_line "$STEADY_WARMUP" "$URL" > /dev/null
echo "steady  after $((FIRST + STEADY_WARMUP))s  $(wrk_line "$STEADY" "$URL")  load=$(load_avg)"
stop_gateway
