#!/usr/bin/env bash
# Checks what BuildInstaller.java built, by running it as an operator would. Run by `mvn -Ppackage verify` (phase
# verify) from the repository root; by hand: packaging/verify-app-image.sh [target/jpackage] [VERSION].
#
#  1. the app image's launcher: --version, validate on a valid and an invalid sample, a sim-backend behind a gateway
#     (both on free ports) answering a real HTTP request, and the console's --smoke-test on JavaFX's headless platform;
#  2. the .deb: its size, control fields and contents (launcher, desktop entry, icon, runtime), then unpacked with
#     dpkg-deb -x (no root needed) and started from there with no JDK on PATH and no JAVA_HOME.
# Every process it starts is stopped on the way out, pass or fail.
set -euo pipefail

OUT="${1:-target/jpackage}"
VERSION="${2:-}"
IMAGE="$OUT/switchboard"
APP="$IMAGE/bin/switchboard"
WORK="$(mktemp -d)"
PIDS=()
FAILED=0

cleanup() {
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*" >&2; FAILED=1; }
check() { # check DESCRIPTION COMMAND...: runs COMMAND, passes when it exits 0
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# Waits up to 60 s for "listening on http://HOST:PORT" in a log and prints HOST:PORT.
listening_address() {
    local log="$1" pid="$2"
    for _ in $(seq 600); do
        local addr
        addr="$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | sed 's#listening on http://##')" || true
        if [ -n "$addr" ]; then echo "$addr"; return 0; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "no 'listening on' in $log:" >&2; cat "$log" >&2
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

[ -x "$APP" ] || { echo "no launcher at $APP: run mvn -Ppackage package first" >&2; exit 1; }
echo "== app image $IMAGE ($(du -sh "$IMAGE" | cut -f1))"

version_out="$("$APP" --version)"
check "--version: $version_out" grep -q "^switchboard ${VERSION:-[0-9]}.* (Java 25" <<<"$version_out"

check "validate test-data/valid/weighted-70-30.json exits 0" "$APP" validate test-data/valid/weighted-70-30.json
set +e
invalid_err="$("$APP" validate test-data/invalid/all-weights-zero.json 2>&1 >/dev/null)"; invalid_exit=$?
set -e
# The sample's .expected says "PATH (line L, col C): MESSAGE"; validate prints "FILE:L:C: PATH: MESSAGE".
expected="$(sed -E 's#^(.*) \(line ([0-9]+), col ([0-9]+)\): #test-data/invalid/all-weights-zero.json:\2:\3: \1: #' \
    test-data/invalid/all-weights-zero.expected)"
check "validate test-data/invalid/all-weights-zero.json exits 1 (got $invalid_exit)" test "$invalid_exit" -eq 1
check "... and says: $expected" grep -qxF "$expected" <<<"$invalid_err"

# A sim-backend on a free port, a gateway config pointing at it, the gateway on a free port, one real request.
"$APP" sim-backend --listen 127.0.0.1:0 --name packaged-sim >"$WORK/sim.log" 2>&1 &
PIDS+=($!); sim_pid=$!
sim="$(listening_address "$WORK/sim.log" "$sim_pid")" || { fail "sim-backend did not start"; exit 1; }
pass "sim-backend listening on $sim"
cat >"$WORK/gateway.json" <<EOF
{
  "backends": { "sim": { "url": "http://$sim" } },
  "apis": [ { "name": "all", "path": "/", "backendId": "sim" } ]
}
EOF
"$APP" gateway --config "$WORK/gateway.json" --listen 127.0.0.1:0 >"$WORK/gateway.log" 2>&1 &
PIDS+=($!); gateway_pid=$!
gateway="$(listening_address "$WORK/gateway.log" "$gateway_pid")" || { fail "gateway did not start"; exit 1; }
pass "gateway listening on $gateway: $(grep -o '([^)]*transport)' "$WORK/gateway.log" | head -1)"
check "the gateway uses Netty's native epoll transport from the image" grep -q "epoll transport" "$WORK/gateway.log"
response="$(http_get "$gateway" /orders/42 | tr -d '\r')"
check "GET http://$gateway/orders/42 -> 200: $(head -1 <<<"$response")" grep -q "^HTTP/1.1 200" <<<"$response"
check "... answered by the sim-backend (X-Sim-Backend: packaged-sim)" grep -qi "^X-Sim-Backend: packaged-sim" <<<"$response"
kill -TERM "$gateway_pid" "$sim_pid"
set +e
wait "$gateway_pid"; gateway_exit=$?
wait "$sim_pid"; sim_exit=$?
set -e
check "gateway and sim-backend stop on SIGTERM and exit 0 (exit $gateway_exit, $sim_exit)" test "$gateway_exit" -eq 0 -a "$sim_exit" -eq 0
check "... the gateway after draining ('gateway stopped')" grep -q "gateway stopped" "$WORK/gateway.log"

# The console: starts on its embedded demo, draws every tab, exits 0 (JavaFX's headless platform, no display).
set +e
smoke="$(env -u DISPLAY -u WAYLAND_DISPLAY JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw" \
    timeout 120 "$APP" --smoke-test 2>"$WORK/smoke.err")"; smoke_exit=$?
set -e
check "switchboard --smoke-test exits 0 (got $smoke_exit): $smoke" test "$smoke_exit" -eq 0
check "... and the main window was shown" grep -q "^smoke test: main window shown: Switchboard" <<<"$smoke"
if grep -q "Unsupported JavaFX configuration\|WARNING" "$WORK/smoke.err"; then
    fail "the console warned while starting:"; grep "WARNING\|Unsupported" "$WORK/smoke.err" >&2
else
    pass "... without JavaFX or JDK warnings"
fi
[ "$smoke_exit" -eq 0 ] || cat "$WORK/smoke.err" >&2

# The .deb.
deb="$(ls "$OUT"/switchboard_*.deb 2>/dev/null | head -1)"
if [ -z "$deb" ]; then
    fail "no $OUT/switchboard_*.deb"
else
    size_mb="$(( $(stat -c %s "$deb") / 1000000 ))"
    echo "== $deb ($size_mb MB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB)"
    check ".deb is at most 90 MB ($size_mb MB)" test "$size_mb" -le 90
    check "Package: switchboard" test "$(dpkg-deb -f "$deb" Package)" = switchboard
    [ -z "$VERSION" ] || check "Version: $(dpkg-deb -f "$deb" Version)" grep -q "^${VERSION%%-*}" <<<"$(dpkg-deb -f "$deb" Version)"
    contents="$(dpkg-deb -c "$deb")"
    for path in ./opt/switchboard/bin/switchboard ./opt/switchboard/lib/switchboard-switchboard.desktop \
                ./opt/switchboard/lib/switchboard.png ./opt/switchboard/lib/runtime/lib/libglassgtk3.so \
                ./opt/switchboard/lib/app/switchboard.jar ./opt/switchboard/share/grafana/switchboard.json \
                ./opt/switchboard/share/prometheus/alerts.yml; do
        check "contains $path" grep -q " $path\$" <<<"$contents"
    done
    dpkg-deb -x "$deb" "$WORK/root"
    check "menu icon is packaging/linux/switchboard.png" cmp -s packaging/linux/switchboard.png "$WORK/root/opt/switchboard/lib/switchboard.png"
    check "desktop entry starts /opt/switchboard/bin/switchboard" \
        grep -qx "Exec=/opt/switchboard/bin/switchboard" "$WORK/root/opt/switchboard/lib/switchboard-switchboard.desktop"
    check "postinst links /usr/bin/switchboard" grep -q "ln -sf /opt/switchboard/bin/switchboard /usr/bin/switchboard" \
        <(dpkg-deb -I "$deb" postinst)
    # Unpacked (not installed), with neither JAVA_HOME nor any JDK on PATH: the bundled runtime must do.
    unpacked="$(env -i HOME="$WORK" PATH=/nonexistent "$WORK/root/opt/switchboard/bin/switchboard" --version)"
    check "unpacked .deb runs without a JDK: $unpacked" grep -q "^switchboard .* (Java 25" <<<"$unpacked"
fi

if [ "$FAILED" -ne 0 ]; then
    echo "packaged app: FAILED" >&2
    exit 1
fi
echo "packaged app: all checks passed"
