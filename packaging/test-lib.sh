# Shared by verify-app-image.sh and test-deb-lifecycle.sh (sourced, bash): pass/fail bookkeeping, the processes a
# test started (stop_started stops them, for the caller's EXIT trap), and a real request through a gateway to a
# sim-backend, both started by the launcher under test.

PIDS=()
FAILED=0

pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*" >&2; FAILED=1; }
check() { # check DESCRIPTION COMMAND...: runs COMMAND, passes when it exits 0
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

not() { ! "$@"; }

# Stops every process in PIDS: SIGTERM, up to 5 s, then SIGKILL.
stop_started() {
    local pid
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
}

# Waits up to 60 s for "listening on http://HOST:PORT" in a log and prints HOST:PORT. With READY (a gateway's
# "started; SIGHUP reloads" line) it waits for that line too and takes the last address: the gateway's launch pre-warm
# logs its own throwaway gateway's "listening on" line first.
listening_address() {
    local log="$1" pid="$2" ready="${3:-}"
    for _ in $(seq 600); do
        local addr
        if [ -z "$ready" ] || grep -qF "$ready" "$log"; then
            addr="$(grep -o 'listening on http://[^ ]*' "$log" | tail -1 | sed 's#listening on http://##')" || true
            if [ -n "$addr" ]; then echo "$addr"; return 0; fi
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "no 'listening on' ${ready:+and '$ready' }in $log:" >&2; cat "$log" >&2
    return 1
}

# Waits up to 20 s for a fixed string in a file.
await_line() {
    local file="$1" text="$2"
    for _ in $(seq 200); do
        if grep -qF "$text" "$file"; then return 0; fi
        sleep 0.1
    done
    return 1
}

# HTTP/1.1 GET through bash's /dev/tcp (no curl needed); prints the whole response.
http_get() {
    local host="${1%:*}" port="${1##*:}" path="$2"
    exec 3<>"/dev/tcp/$host/$port"
    printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$1" >&3
    timeout 10 cat <&3
    exec 3<&-
}

# gateway_round_trip LAUNCHER WORKDIR: a sim-backend and a gateway on free loopback ports, started by LAUNCHER; one
# GET through the gateway answered by the sim-backend; SIGHUP reloads the config and the gateway keeps serving; both
# stop on SIGTERM, the gateway after draining, with exit 0.
gateway_round_trip() {
    local app="$1" work="$2"
    "$app" sim-backend --listen 127.0.0.1:0 --name packaged-sim >"$work/sim.log" 2>&1 &
    PIDS+=($!); local sim_pid=$!
    local sim
    sim="$(listening_address "$work/sim.log" "$sim_pid")" || { fail "sim-backend did not start"; return 1; }
    pass "sim-backend listening on $sim"
    cat >"$work/gateway.json" <<EOF
{
  "backends": { "sim": { "url": "http://$sim" } },
  "apis": [ { "name": "all", "path": "/", "backendId": "sim" } ]
}
EOF
    "$app" gateway --config "$work/gateway.json" --listen 127.0.0.1:0 --state-dir "$work/state" >"$work/gateway.log" 2>&1 &
    PIDS+=($!); local gateway_pid=$!
    local gateway
    gateway="$(listening_address "$work/gateway.log" "$gateway_pid" "started; SIGHUP reloads")" || { fail "gateway did not start"; return 1; }
    pass "gateway listening on $gateway: $(grep -o '([^)]*transport)' "$work/gateway.log" | head -1)"
    # io_uring where the kernel allows it, else epoll: either proves the image loads Netty's native libraries.
    check "the gateway uses a native Netty transport (io_uring or epoll)" grep -qE "(io_uring|epoll) transport" "$work/gateway.log"
    local response
    response="$(http_get "$gateway" /orders/42 | tr -d '\r')"
    check "GET http://$gateway/orders/42 -> 200: $(head -1 <<<"$response")" grep -q "^HTTP/1.1 200" <<<"$response"
    check "... answered by the sim-backend (X-Sim-Backend: packaged-sim)" grep -qi "^X-Sim-Backend: packaged-sim" <<<"$response"
    kill -HUP "$gateway_pid"
    check "SIGHUP reloads the config ('SIGHUP: reloading ...: unchanged')" \
        await_line "$work/gateway.log" "SIGHUP: reloading $work/gateway.json: unchanged"
    response="$(http_get "$gateway" /orders/43 | tr -d '\r')"
    check "... and the gateway still serves: $(head -1 <<<"$response")" grep -q "^HTTP/1.1 200" <<<"$response"
    kill -TERM "$gateway_pid" "$sim_pid"
    local gateway_exit sim_exit
    set +e
    wait "$gateway_pid"; gateway_exit=$?
    wait "$sim_pid"; sim_exit=$?
    set -e
    check "gateway and sim-backend stop on SIGTERM and exit 0 (exit $gateway_exit, $sim_exit)" test "$gateway_exit" -eq 0 -a "$sim_exit" -eq 0
    check "... the gateway after draining ('gateway stopped')" grep -q "gateway stopped" "$work/gateway.log"
}
