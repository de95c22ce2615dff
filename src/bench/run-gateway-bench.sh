#!/usr/bin/env bash
# Gateway throughput beside HAProxy, nginx (and Caddy if installed): the packaged gateway with ONE event loop
# round-robins over the two nginx backends /work/shared/bench/peers.sh starts on 127.0.0.1:19001/19002, and
# peers.sh drives every proxy with wrk (DUR seconds, CONN connections) after a warm-up pass of WARM seconds per
# proxy. Needs nginx, haproxy and wrk (apt-get install -y nginx haproxy wrk). JAVA overrides the JDK 25.
# ACCESS_LOG=1 also starts a second gateway (same config plus a JSON access log to a file) and reports it as
# switchboard-log, to measure what the access log costs.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PEERS="${PEERS:-/work/shared/bench/peers.sh}"
mvn -B -q -DskipTests package
D=$(mktemp -d)
GW=
GWLOG=
trap '[ -n "$GW" ] && kill "$GW" 2>/dev/null; [ -n "$GWLOG" ] && kill "$GWLOG" 2>/dev/null; rm -rf "$D"' EXIT
cat > "$D/gateway.json" <<'JSON'
{ "gateway": { "id": "bench", "listen": "127.0.0.1:18084", "eventLoops": 1 },
  "backends": { "a": { "url": "http://127.0.0.1:19001" }, "b": { "url": "http://127.0.0.1:19002" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON
"$JAVA" --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -jar target/switchboard.jar gateway --config "$D/gateway.json" > "$D/gateway.log" 2>&1 &
GW=$!
TARGETS=(switchboard=http://127.0.0.1:18084/)
if [ "${ACCESS_LOG:-0}" = 1 ]; then
    sed -e 's/18084"/18085"/' -e "s|\"eventLoops\": 1|\"eventLoops\": 1, \"accessLog\": { \"path\": \"$D/access.jsonl\" }|" \
        "$D/gateway.json" > "$D/gateway-log.json"
    "$JAVA" --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -jar target/switchboard.jar gateway --config "$D/gateway-log.json" > "$D/gateway-log.log" 2>&1 &
    GWLOG=$!
    TARGETS+=(switchboard-log=http://127.0.0.1:18085/)
fi
for port in 18084 $([ -n "$GWLOG" ] && echo 18085); do
    for _ in $(seq 100); do
        (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
        sleep 0.1
    done
done
# A first pass (not reported) warms the gateway's JIT; it needs load to compile the hot path, and on shared cores
# 3 s of it left the gateway half-compiled. peers.sh starts the backends, so the warm-up goes through it too.
DUR="${WARM:-15}" "$PEERS" "${TARGETS[@]}" > /dev/null
"$PEERS" "${TARGETS[@]}"
if [ -n "$GWLOG" ]; then
    echo "access log: $(wc -l < "$D/access.jsonl") lines written (lines dropped on a full queue are not written)"
fi
