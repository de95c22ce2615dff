#!/usr/bin/env bash
# DNS responder throughput: the packaged gateway answers for three traffic profiles (priority, weighted, multivalue)
# on 127.0.0.1:15353 and dnsperf (apt-get install -y dnsperf) asks it over UDP on loopback for DUR seconds (default
# 15), after a WARM-second warm-up (default 5) for the JIT. The query file mixes answers, NODATA and NXDOMAIN.
# Prints dnsperf's report; "Queries per second" is the figure. JAVA overrides the JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PORT="${PORT:-15353}"
mvn -B -q -DskipTests package
D=$(mktemp -d)
GW=
trap '[ -n "$GW" ] && kill "$GW" 2>/dev/null; rm -rf "$D"' EXIT
cat > "$D/gateway.json" <<JSON
{ "gateway": { "id": "dns-bench", "listen": "127.0.0.1:0" },
  "backends": { "app": { "url": "http://127.0.0.1:19001" } },
  "trafficProfiles": [
    { "name": "api.bench.test", "endpoints": [ { "name": "east", "target": "192.0.2.1" }, { "name": "west", "target": "192.0.2.2" } ] },
    { "name": "shop.bench.test", "routing": "weighted", "endpoints": [
        { "name": "blue", "target": "192.0.2.11", "weight": 90 }, { "name": "green", "target": "192.0.2.12", "weight": 10 } ] },
    { "name": "all.bench.test", "routing": "multivalue", "endpoints": [
        { "name": "a", "target": "192.0.2.21" }, { "name": "b", "target": "192.0.2.22" }, { "name": "c", "target": "192.0.2.23" } ] } ],
  "dns": { "listen": "127.0.0.1:$PORT" } }
JSON
for _ in $(seq 8); do
    printf 'api.bench.test A\nshop.bench.test A\nall.bench.test A\n'
done > "$D/queries.txt"
printf 'api.bench.test AAAA\nmissing.bench.test A\n' >> "$D/queries.txt"
"$JAVA" --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -jar target/switchboard.jar gateway --config "$D/gateway.json" > "$D/gateway.log" 2>&1 &
GW=$!
for _ in $(seq 100); do
    dnsperf -s 127.0.0.1 -p "$PORT" -d "$D/queries.txt" -n 1 > /dev/null 2>&1 && break
    sleep 0.1
done
dnsperf -s 127.0.0.1 -p "$PORT" -d "$D/queries.txt" -l "${WARM:-5}" -c 4 -q 200 > /dev/null
echo "dnsperf -s 127.0.0.1 -p $PORT -d queries.txt -l ${DUR:-15} -c 4 -q 200 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
dnsperf -s 127.0.0.1 -p "$PORT" -d "$D/queries.txt" -l "${DUR:-15}" -c 4 -q 200
