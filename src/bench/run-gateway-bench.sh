#!/usr/bin/env bash
# Gateway throughput beside HAProxy, nginx (and Caddy if installed): the packaged gateway with ONE event loop
# round-robins over the two nginx backends /work/shared/bench/peers.sh starts on 127.0.0.1:19001/19002, and
# peers.sh drives every proxy with wrk (DUR seconds, CONN connections) after a warm-up pass of WARM seconds per
# proxy. Needs nginx, haproxy and wrk (apt-get install -y nginx haproxy wrk). JAVA overrides the JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PEERS="${PEERS:-/work/shared/bench/peers.sh}"
mvn -B -q -DskipTests package
D=$(mktemp -d)
GW=
trap '[ -n "$GW" ] && kill "$GW" 2>/dev/null; rm -rf "$D"' EXIT
cat > "$D/gateway.json" <<'JSON'
{ "gateway": { "id": "bench", "listen": "127.0.0.1:18084", "eventLoops": 1 },
  "backends": { "a": { "url": "http://127.0.0.1:19001" }, "b": { "url": "http://127.0.0.1:19002" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON
"$JAVA" --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -jar target/switchboard.jar gateway --config "$D/gateway.json" > "$D/gateway.log" 2>&1 &
GW=$!
for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/18084) 2>/dev/null && break
    sleep 0.1
done
# A first pass (not reported) warms the gateway's JIT; it needs load to compile the hot path, and on shared cores
# 3 s of it left the gateway half-compiled. peers.sh starts the backends, so the warm-up goes through it too.
DUR="${WARM:-15}" "$PEERS" switchboard=http://127.0.0.1:18084/ > /dev/null
"$PEERS" switchboard=http://127.0.0.1:18084/
