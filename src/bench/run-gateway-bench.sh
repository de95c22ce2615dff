#!/usr/bin/env bash
# Gateway throughput beside HAProxy, nginx (and Caddy if installed): the packaged gateway with ONE event loop
# round-robins over the two nginx backends /work/shared/bench/peers.sh starts on 127.0.0.1:19001/19002, and
# peers.sh drives every proxy with wrk (DUR seconds, CONN connections) after a warm-up pass of WARM seconds per
# proxy, then ROUNDS rounds (default 5), their medians, and each proxy's ratios to the HAProxy of its own round.
# Needs nginx, haproxy and wrk (apt-get install -y nginx haproxy wrk). JAVA overrides the JDK 25;
# SWITCHBOARD_TRANSPORT (io_uring, epoll, nio) the gateways' transport.
# ACCESS_LOG=1 also starts a second gateway (same config plus a JSON access log to a file) and reports it as
# switchboard-log, to measure what the access log costs, and haproxy-log beside it: HAProxy as peers.sh runs it,
# writing its standard HTTP log (option httplog) to a file. EPOLL=1 also starts the gateway on the epoll transport
# (switchboard-epoll) beside the default one (io_uring where available), to compare the two in one run.
# The gateways run with the installed service's JVM options (the launcher's and the systemd unit's: Parallel GC)
# and, as the installed service does, with a JDK 25 AOT cache: trained for this jar first, the way the package build
# trains the shipped one (packaging/AotTraining.java, about 30 s). NO_AOT=1 also starts switchboard-noaot, the same
# gateway without the cache. G1=1 also starts one with the launcher's options alone (the JVM's default collector, G1)
# as switchboard-g1.
# FLOOR=1 also starts TransportFloorRelay (src/bench/java) as relay: a TCP relay on the gateway's transport with no
# HTTP, the floor under the gateway's cost per request. SAME_HEADERS=1 also starts haproxy-hdrs: HAProxy on the same
# backends adding what the gateway adds to every exchange (X-Forwarded-*, Via, Keep-Alive; bench-lib.sh), which
# peers.sh's HAProxy does not. WAKE_EACH=1 also starts switchboard-wake-each, the gateway with wake-up coalescing
# off (-Dswitchboard.ioUring.coalesce=false; docs/gateway.md), its loops waking on every event as Netty's do, and
# with ACCESS_LOG=1 switchboard-wake-each-log beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/bench-lib.sh
SERVICE_JVM=$(service_jvm_options)
LAUNCHER_JVM=$(launcher_jvm_options)
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PEERS="${PEERS:-/work/shared/bench/peers.sh}"
mvn -B -q -DskipTests package
D=$(mktemp -d)
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$D"' EXIT
cat > "$D/gateway.json" <<'JSON'
{ "gateway": { "id": "bench", "listen": "127.0.0.1:18084", "eventLoops": 1 },
  "backends": { "a": { "url": "http://127.0.0.1:19001" }, "b": { "url": "http://127.0.0.1:19002" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON
TARGETS=()
# The java command line of a gateway from the jar with JVM options $1, as words.
gateway_java() {
    echo "$JAVA --sun-misc-unsafe-memory-access=allow $1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar target/switchboard.jar"
}
# gateway NAME PORT JVM_OPTIONS [ENV=VALUE ...]: starts the jar on PORT with gateway.json (plus $D/NAME.extra, a JSON
# fragment for the gateway section), waits until it accepts, and adds it to the targets.
gateway() {
    local name=$1 port=$2 jvm=$3
    shift 3
    sed -e "s/18084\"/$port\"/" -e "s|\"eventLoops\": 1|\"eventLoops\": 1$(cat "$D/$name.extra" 2>/dev/null)|" \
        "$D/gateway.json" > "$D/$name.json"
    # shellcheck disable=SC2046 # the command line is words
    env "$@" $(gateway_java "$jvm") gateway --config "$D/$name.json" > "$D/$name.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do
        (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
        sleep 0.1
    done
    TARGETS+=("$name=http://127.0.0.1:$port/")
}
# shellcheck disable=SC2046 # the command line is words
"$JAVA" packaging/AotTraining.java "$D/gateway.aot" $(gateway_java "$SERVICE_JVM")
AOT="-XX:AOTCache=$D/gateway.aot"
gateway switchboard 18084 "$SERVICE_JVM $AOT"
if [ "${ACCESS_LOG:-0}" = 1 ]; then
    echo ", \"accessLog\": { \"path\": \"$D/access.jsonl\" }" > "$D/switchboard-log.extra"
    gateway switchboard-log 18085 "$SERVICE_JVM $AOT"
    start_haproxy 1 18091 19001 19002 log "" "$D/haproxy.access.log"
    PIDS+=("$(cat "$D/haproxy-log.pid")")
    TARGETS+=("haproxy-log=http://127.0.0.1:18091/")
fi
if [ "${WAKE_EACH:-0}" = 1 ]; then
    gateway switchboard-wake-each 18092 "$SERVICE_JVM $AOT -Dswitchboard.ioUring.coalesce=false"
    if [ "${ACCESS_LOG:-0}" = 1 ]; then
        echo ", \"accessLog\": { \"path\": \"$D/access-wake-each.jsonl\" }" > "$D/switchboard-wake-each-log.extra"
        gateway switchboard-wake-each-log 18093 "$SERVICE_JVM $AOT -Dswitchboard.ioUring.coalesce=false"
    fi
fi
if [ "${EPOLL:-0}" = 1 ]; then
    gateway switchboard-epoll 18086 "$SERVICE_JVM $AOT" SWITCHBOARD_TRANSPORT=epoll
fi
if [ "${G1:-0}" = 1 ]; then
    gateway switchboard-g1 18087 "$LAUNCHER_JVM $AOT"
fi
if [ "${NO_AOT:-0}" = 1 ]; then
    gateway switchboard-noaot 18090 "$SERVICE_JVM"
fi
if [ "${FLOOR:-0}" = 1 ]; then
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED $SERVICE_JVM \
        -cp "target/classes:target/test-classes:target/lib/*" dev.switchboard.bench.TransportFloorRelay 18088 19001 19002 \
        > "$D/relay.log" 2>&1 &
    PIDS+=($!)
    TARGETS+=("relay=http://127.0.0.1:18088/")
fi
if [ "${SAME_HEADERS:-0}" = 1 ]; then
    start_haproxy 1 18089 19001 19002 hdrs "$HAPROXY_GATEWAY_HEADERS"
    PIDS+=("$(cat "$D/haproxy-hdrs.pid")")
    TARGETS+=("haproxy-hdrs=http://127.0.0.1:18089/")
fi
# A first pass (not reported) warms the gateway's JIT; it needs load to compile the hot path, and on shared cores
# 3 s of it left the gateway half-compiled. peers.sh starts the backends, so the warm-up goes through it too.
DUR="${WARM:-15}" "$PEERS" "${TARGETS[@]}" > /dev/null
# One run of 8 s per proxy swings by a fifth on a 2-core machine, where wrk, the nginx backends and the proxy share
# the cores; ROUNDS runs (default 5, each proxy in turn per round) and the medians are what to quote.
for round in $(seq "${ROUNDS:-5}"); do
    "$PEERS" "${TARGETS[@]}" | sed "s/^/round $round  /"
done | tee "$D/rounds.txt"
# Each proxy's medians over the rounds of $D/rounds.txt ("round N  NAME rps=R p50=L p99=P"). paired=0: its median rps
# and p99, and their ratios to HAProxy's medians. paired=1: the median of its ratios to the HAProxy of its own round,
# their range and how many reach 1.0; the host's speed drifts between rounds (HAProxy alone has read 26k-50k rps),
# and pairing cancels that drift.
summarise() {
    awk -v paired="$1" '
     { sub(/rps=/, "", $4); sub(/p99=/, "", $6); p99 = $6 + 0; if ($6 ~ /us$/) p99 /= 1000; else if ($6 ~ /[^m]s$/) p99 *= 1000
       rps[$2, $3] = $4; lat[$2, $3] = p99; names[$3] = 1; rounds[$2] = 1 }
     function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
     END { for (name in names) { r = ""; p = ""; lo[name] = 1e9; hi[name] = 0
         for (k in rounds) { if (!((k, name) in rps) || (paired && !((k, "haproxy") in rps))) continue
           x = paired ? rps[k, name] / rps[k, "haproxy"] : rps[k, name]; y = paired ? lat[k, name] / lat[k, "haproxy"] : lat[k, name]
           r = r " " x; p = p " " y; n[name]++; if (x < lo[name]) lo[name] = x; if (x > hi[name]) hi[name] = x; if (x >= 1) at[name]++ }
         mr[name] = median(r); mp[name] = median(p) }
       for (name in names)
         if (!paired) printf "%-16s rps=%-9.0f p99=%.2fms  rps/haproxy=%.2f  p99/haproxy=%.2f\n", name, mr[name], mp[name], mr[name] / mr["haproxy"], mp[name] / mp["haproxy"]
         else if (name != "haproxy" && n[name]) printf "%-16s rps/haproxy=%.2f (%.2f-%.2f, %d of %d at >= 1.0)  p99/haproxy=%.2f\n", name, mr[name], lo[name], hi[name], at[name], n[name], mp[name] }' \
        "$D/rounds.txt" | sort
}
echo "medians over ${ROUNDS:-5} rounds (ratios against haproxy's medians):"
summarise 0
echo "paired with each round's haproxy (median, range, rounds at or above 1.0):"
summarise 1
if [ "${ACCESS_LOG:-0}" = 1 ]; then
    echo "access log: $(wc -l < "$D/access.jsonl") lines written (lines dropped on a full queue are not written)"
    echo "haproxy-log: $(wc -l < "$D/haproxy.access.log") lines written"
fi
