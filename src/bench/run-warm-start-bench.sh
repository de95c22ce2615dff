#!/usr/bin/env bash
# Warm start (issue 15, goal 3): the gateway (one event loop, two nginx backends) is put under wrk load (-t1 -c64) the
# moment its port accepts, and the first FIRST seconds (default 5) are reported: cold (a plain JVM) and warm (with the
# JDK 25 AOT cache, JEP 483/514/515), then the warm gateway's steady state (after STEADY_WARMUP s, STEADY s measured)
# as the reference. "accept" is the time from exec to the port accepting.
# The AOT cache is trained first, as the package build does (docs/gateway.md, "Warm start"): a gateway with
# -XX:AOTCacheOutput under TRAIN seconds of the same wrk load, stopped with SIGTERM (the JVM writes the cache on exit).
# AOT_CACHE=FILE reuses a cache instead (it must come from this JVM and this target/ jar: otherwise the JVM ignores it).
# IMAGE=target/jpackage/switchboard measures the app image's launcher instead (mvn -Ppackage): warm with the cache the
# build trained and shipped, cold with -XX:AOTMode=off.
# ROUNDS=N repeats the cold and warm starts N times (the steady state follows the last warm one).
# JVM_OPTS adds flags to every gateway (training included). JAVA overrides the JDK 25. BUILD=0 skips the build.
# Needs nginx and wrk. About 55 s with the defaults, 15 s more per extra round.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
FIRST="${FIRST:-5}" TRAIN="${TRAIN:-8}" STEADY_WARMUP="${STEADY_WARMUP:-10}" STEADY="${STEADY:-5}"
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

# Starts a gateway in mode $1 (cold, train or aot) and waits for its port; sets GW and ACCEPT_MS. The jar runs with
# the packaged launcher's flags; IMAGE runs the app image's launcher, whose options name its shipped cache.
start_gateway() {
    local start flags
    case "$1" in
        cold) flags="" ;;
        train) flags="-XX:AOTCacheOutput=$CACHE" ;;
        aot) flags="-XX:AOTCache=$CACHE" ;;
    esac
    start=$(date +%s%N)
    if [ -n "${IMAGE:-}" ]; then
        # -XX:AOTMode=off: the launcher without its cache (its jlink'd runtime has no default CDS archive either).
        JAVA_TOOL_OPTIONS="$([ "$1" = cold ] && echo -XX:AOTMode=off) ${JVM_OPTS:-}" \
            "$IMAGE/bin/switchboard" gateway --config "$D/gateway.json" >> "$D/gateway.log" 2>&1 &
    else
        # shellcheck disable=SC2086 # JVM_OPTS and flags are lists of flags
        "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JVM_OPTS:-} $flags \
            -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar target/switchboard.jar gateway --config "$D/gateway.json" \
            >> "$D/gateway.log" 2>&1 &
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

CACHE="${AOT_CACHE:-$D/gateway.aot}"
if [ -z "${AOT_CACHE:-}" ] && [ -z "${IMAGE:-}" ]; then
    start_gateway train
    wrk_line "$TRAIN" "$URL" > /dev/null
    stop_gateway
    [ -f "$CACHE" ] || { echo "no AOT cache written; the gateway's output:" >&2; cat "$D/gateway.log" >&2; exit 1; }
    echo "trained $CACHE ($(du -m "$CACHE" | cut -f1) MB) with ${TRAIN} s of wrk load"
fi
for round in $(seq "${ROUNDS:-1}"); do
    start_gateway cold
    echo "cold    first ${FIRST}s  accept=${ACCEPT_MS}ms  $(wrk_line "$FIRST" "$URL")  load=$(load_avg)"
    stop_gateway
    start_gateway aot
    echo "aot     first ${FIRST}s  accept=${ACCEPT_MS}ms  $(wrk_line "$FIRST" "$URL")  load=$(load_avg)"
    [ "$round" = "${ROUNDS:-1}" ] || stop_gateway
done
wrk_line "$STEADY_WARMUP" "$URL" > /dev/null
echo "steady  after $((FIRST + STEADY_WARMUP))s  $(wrk_line "$STEADY" "$URL")  load=$(load_avg)"
stop_gateway
