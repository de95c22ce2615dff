#!/usr/bin/env bash
# CPU time per request of the whole proxy process (utime + stime from /proc/PID/stat around each wrk run), HAProxy
# (nbthread 1) and one or more gateway variants (one event loop each) interleaved, all round-robin over the same two
# nginx backends. CPU per request moves far less than rps when other processes share the cores, so it is the measure
# to A/B a change with; the rps and p99 of each run are printed too, and where the rest of the machine went: the
# nginx backends' and wrk's CPU per request (be/req, wrk/req) and the share of both cores left idle. On a machine
# whose cores run all three, a proxy that costs its neighbours more per request serves fewer requests.
# SAME_HEADERS=1 also runs haproxy-hdrs, an HAProxy that adds what the gateway adds (bench-lib.sh).
#   run-gateway-cpu-bench.sh [NAME[@JAR]=JVM_OPTIONS ...]     default: one variant "gateway=" (target/switchboard.jar)
# e.g. run-gateway-cpu-bench.sh g1= parallel=-XX:+UseParallelGC main@target/main.jar= (a JAR beside target/lib: its
# manifest finds the libraries there)
# Each variant first gets WARM seconds (default 10) of wrk load to compile its hot path, then ROUNDS rounds (default 4)
# run every proxy for DUR seconds (default 4) in turn; the medians close the output. wrk -t1 -c$CONN (default 64).
# JAVA overrides the JDK 25; BUILD=0 skips the build. ACCESS_LOG=1 gives every gateway variant a JSON access log to
# a file of its own: its writer thread's CPU is in the process's, and also reported alone as log/req (nanosecond
# run time from /proc/PID/task/TID/schedstat), which moves far less than the whole process's. It also runs
# haproxy-log, HAProxy writing its standard HTTP log (option httplog) to a file. Needs nginx, haproxy and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
DUR="${DUR:-4}" WARM="${WARM:-10}" ROUNDS="${ROUNDS:-4}"
[ "${BUILD:-1}" = 1 ] && mvn -B -q -o -DskipTests package
[ $# -eq 0 ] && set -- gateway=
D=$(mktemp -d)
declare -A PID PORT
stop_all() {
    for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
    stop_backends
    rm -rf "$D"
}
trap stop_all EXIT
BACKEND_A=$(free_port) BACKEND_B=$(free_port)
start_backends "$BACKEND_A" "$BACKEND_B"

PORT[haproxy]=$(free_port)
start_haproxy 1 "${PORT[haproxy]}" "$BACKEND_A" "$BACKEND_B"
PID[haproxy]=$(cat "$D/haproxy-1.pid")
NAMES=(haproxy)
if [ "${SAME_HEADERS:-0}" = 1 ]; then
    PORT[haproxy-hdrs]=$(free_port)
    start_haproxy 1 "${PORT[haproxy-hdrs]}" "$BACKEND_A" "$BACKEND_B" hdrs "$HAPROXY_GATEWAY_HEADERS"
    PID[haproxy-hdrs]=$(cat "$D/haproxy-hdrs.pid")
    NAMES+=(haproxy-hdrs)
fi
if [ "${ACCESS_LOG:-0}" = 1 ]; then
    PORT[haproxy-log]=$(free_port)
    start_haproxy 1 "${PORT[haproxy-log]}" "$BACKEND_A" "$BACKEND_B" log "" "$D/haproxy.access.log"
    PID[haproxy-log]=$(cat "$D/haproxy-log.pid")
    NAMES+=(haproxy-log)
fi

cat > "$D/gateway.json" <<JSON
{ "gateway": { "id": "cpu", "eventLoops": 1 },
  "backends": { "a": { "url": "http://127.0.0.1:$BACKEND_A" }, "b": { "url": "http://127.0.0.1:$BACKEND_B" },
    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
  "apis": [ { "name": "bench", "path": "/", "backendId": "pool" } ] }
JSON
for variant in "$@"; do
    name="${variant%%=*}" options="${variant#*=}" jar=target/switchboard.jar
    [[ "$name" == *@* ]] && jar="${name#*@}" name="${name%%@*}"
    PORT[$name]=$(free_port) config="$D/gateway.json"
    if [ "${ACCESS_LOG:-0}" = 1 ]; then
        config="$D/$name-with-log.json"
        sed "s|\"eventLoops\": 1|\"eventLoops\": 1, \"accessLog\": { \"path\": \"$D/$name.access.jsonl\" }|" \
            "$D/gateway.json" > "$config"
    fi
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn $options -jar "$jar" gateway --config "$config" \
        --listen "127.0.0.1:${PORT[$name]}" > "$D/$name.log" 2>&1 &
    PID[$name]=$!
    NAMES+=("$name")
done
for name in "${NAMES[@]}"; do
    wait_port "${PORT[$name]}"
done
for name in "${NAMES[@]}"; do
    [[ "$name" == haproxy* ]] && continue
    wrk -t1 -c"${CONN:-64}" -d"$WARM"s "http://127.0.0.1:${PORT[$name]}/" > /dev/null
done

# Clock ticks of user + system time of processes $@ so far.
cpu_ticks() {
    local pid ticks=0
    for pid in "$@"; do
        ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$ticks"
}
# Idle and total clock ticks of the whole machine so far.
machine_ticks() {
    awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}
BACKEND_PIDS=$(pgrep -P "$(cat "$D/nginx-backends.pid")")
# Nanoseconds the access-log writer thread of process $1 ran so far; 0 without one.
log_ns() {
    local comm
    for comm in /proc/"$1"/task/*/comm; do
        [ "$(cat "$comm" 2>/dev/null)" = access-log ] && { cut -d' ' -f1 "${comm%comm}schedstat"; return; }
    done
    echo 0
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# The log thread's column, with ACCESS_LOG=1 only.
log_column() {
    [ "${ACCESS_LOG:-0}" = 1 ] && printf 'log/req=%5.2f us  ' "$1"
    return 0
}
# Microseconds per request of $1 clock ticks over $2 requests.
per_request() {
    awk -v t="$1" -v us="$TICK_US" -v n="$2" 'BEGIN { printf "%.2f", t * us / n }'
}
declare -A CPU RPS P99 LOG BE WRK IDLE
for round in $(seq "$ROUNDS"); do
    for name in "${NAMES[@]}"; do
        # shellcheck disable=SC2086 # the backend's pids are words
        before=$(cpu_ticks "${PID[$name]}") log_before=$(log_ns "${PID[$name]}") be_before=$(cpu_ticks $BACKEND_PIDS)
        read -r idle_before total_before < <(machine_ticks)
        out=$({ TIMEFORMAT='wrk-cpu %U %S'; time wrk -t1 -c"${CONN:-64}" -d"$DUR"s --latency "http://127.0.0.1:${PORT[$name]}/" 2>&1; } 2>&1)
        read -r idle_after total_after < <(machine_ticks)
        # shellcheck disable=SC2086
        ticks=$(($(cpu_ticks "${PID[$name]}") - before)) log=$(($(log_ns "${PID[$name]}") - log_before))
        # shellcheck disable=SC2086
        be_ticks=$(($(cpu_ticks $BACKEND_PIDS) - be_before))
        requests=$(awk '/requests in/ { print $1 }' <<< "$out")
        rps=$(awk '/Requests\/sec/ { print $2 }' <<< "$out")
        p99=$(awk '$1 == "99%" { print $2 }' <<< "$out")
        cpu=$(per_request "$ticks" "$requests") be=$(per_request "$be_ticks" "$requests")
        wrk_cpu=$(awk -v n="$requests" '/^wrk-cpu/ { printf "%.2f", ($2 + $3) * 1e6 / n }' <<< "$out")
        idle=$(awk -v i=$((idle_after - idle_before)) -v t=$((total_after - total_before)) 'BEGIN { printf "%.1f", 100 * i / t }')
        log=$(awk -v ns="$log" -v n="$requests" 'BEGIN { printf "%.2f", ns / 1000 / n }')
        CPU[$name]+="$cpu " RPS[$name]+="$rps " P99[$name]+="$p99 " LOG[$name]+="$log "
        BE[$name]+="$be " WRK[$name]+="$wrk_cpu " IDLE[$name]+="$idle "
        printf 'round %s %-12s cpu/req=%6s us  %sbe/req=%5s us  wrk/req=%5s us  idle=%4s%%  rps=%-9s p99=%-8s %s load=%s\n' \
            "$round" "$name" "$cpu" "$(log_column "$log")" "$be" "$wrk_cpu" "$idle" "$rps" "$p99" \
            "$(awk '/Non-2xx|Socket errors/' <<< "$out" | tr -s ' \n' ' ')" "$(load_avg)"
    done
done
median() {
    tr ' ' '\n' <<< "$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
base_cpu=$(median "${CPU[haproxy]}") base_rps=$(median "${RPS[haproxy]}")
for name in "${NAMES[@]}"; do
    cpu=$(median "${CPU[$name]}") rps=$(median "${RPS[$name]}") log=$(median "${LOG[$name]}")
    awk -v n="$name" -v c="$cpu" -v r="$rps" -v l="$(log_column "$log")" -v bc="$base_cpu" -v br="$base_rps" \
        -v be="$(median "${BE[$name]}")" -v w="$(median "${WRK[$name]}")" -v i="$(median "${IDLE[$name]}")" 'BEGIN {
        printf "median %-12s cpu/req=%6.1f us (%.2fx haproxy)  %sbe/req=%5.2f us  wrk/req=%5.2f us  idle=%4.1f%%  rps=%8.0f (%.2fx haproxy)\n",
            n, c, c / bc, l, be, w, i, r, r / br }'
done
if [ "${ACCESS_LOG:-0}" = 1 ]; then
    for name in "${NAMES[@]}"; do
        [[ "$name" == haproxy* ]] && continue
        echo "$name access log: $(wc -l < "$D/$name.access.jsonl") lines (lines dropped on a full queue are not written)"
    done
fi
echo "$(nproc) cores, load average $(load_avg) at the end"
