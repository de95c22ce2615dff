#!/usr/bin/env bash
# Scale with cores (issue 15, goal 4): the gateway at 1 and 2 event loops (--event-loops) beside HAProxy at nbthread 1
# and 2, all round-robin over the same two nginx backends, each driven by wrk -t1 -c64 for DUR seconds (default 5) in
# one run; each gateway first gets WARM seconds (default 8) of the same load, unreported, to compile its hot path.
# Prints one line per proxy and the ratios. wrk itself keeps a core busy: on a 2-core machine a proxy's second
# thread competes with wrk and the backends rather than getting a core of its own.
# The gateways run with the installed service's JVM options (bench-lib.sh). JAVA overrides the JDK 25; BUILD=0 skips
# the build. Needs nginx, haproxy and wrk. About 50 s with the defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
DUR="${DUR:-5}" WARM="${WARM:-8}"
[ "${BUILD:-1}" = 1 ] && mvn -B -q -o -DskipTests package
D=$(mktemp -d)
GATEWAYS=()
stop_all() {
    for pid in "${GATEWAYS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for f in "$D"/haproxy-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
    stop_backends
    rm -rf "$D"
}
trap stop_all EXIT
BACKEND_A=$(free_port) BACKEND_B=$(free_port)
start_backends "$BACKEND_A" "$BACKEND_B"

# The gateway's listen address and event-loop count come from the command line (--listen, --event-loops).
cat > "$D/gateway.json" <<JSON
{ "gateway": { "id": "cores" },
  "backends": { "a": { "url": "http://127.0.0.1:$BACKEND_A" }, "b": { "url": "http://127.0.0.1:$BACKEND_B" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON

# The gateway with $1 event loops on port $2, with the installed service's JVM options.
start_gateway() {
    # shellcheck disable=SC2046 # the options are words
    "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow $(service_jvm_options) -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -jar target/switchboard.jar gateway --config "$D/gateway.json" --listen "127.0.0.1:$2" --event-loops "$1" \
        > "$D/gateway-$1.log" 2>&1 &
    GATEWAYS+=($!)
}

declare -A PORT RPS
for proxy in switchboard-1 switchboard-2 haproxy-1 haproxy-2; do
    PORT[$proxy]=$(free_port)
done
start_gateway 1 "${PORT[switchboard-1]}"
start_gateway 2 "${PORT[switchboard-2]}"
start_haproxy 1 "${PORT[haproxy-1]}" "$BACKEND_A" "$BACKEND_B"
start_haproxy 2 "${PORT[haproxy-2]}" "$BACKEND_A" "$BACKEND_B"
for proxy in "${!PORT[@]}"; do
    wait_port "${PORT[$proxy]}"
done
for proxy in switchboard-1 switchboard-2; do
    wrk_line "$WARM" "http://127.0.0.1:${PORT[$proxy]}/" > /dev/null
done
for proxy in haproxy-1 switchboard-1 haproxy-2 switchboard-2; do
    line=$(wrk_line "$DUR" "http://127.0.0.1:${PORT[$proxy]}/")
    RPS[$proxy]=$(sed -E 's/^rps=([0-9.]+).*/\1/' <<< "$line")
    printf '%-14s %s  load=%s\n' "$proxy" "$line" "$(load_avg)"
done
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
echo "2 vs 1 thread: switchboard $(ratio "${RPS[switchboard-2]}" "${RPS[switchboard-1]}")x," \
    "haproxy $(ratio "${RPS[haproxy-2]}" "${RPS[haproxy-1]}")x;" \
    "switchboard/haproxy: $(ratio "${RPS[switchboard-1]}" "${RPS[haproxy-1]}")x at 1, $(ratio "${RPS[switchboard-2]}" "${RPS[haproxy-2]}")x at 2" \
    "($(nproc) cores)"
