#!/usr/bin/env bash
# Installs the .deb for real, as an operator would, and checks every step of its life: install without and with
# Recommends, the installed launcher (--version, validate on the sample config, a request through a gateway), the
# systemd unit (live where systemd runs units, statically where it does not), upgrade to a higher version with an
# edited conffile, reinstall, remove and purge, and that purge leaves nothing behind. Run by .ci/run after the
# package build, from the repository root, as root: packaging/test-deb-lifecycle.sh [target/jpackage].
#
# It changes the machine it runs on (that is its point): apt-get installs the package's dependencies and, in the
# second round, its Recommends (xdg-utils), which stay. It refuses to run where switchboard is already installed,
# and purges it on the way out, pass or fail.
set -euo pipefail

OUT="${1:-target/jpackage}"
WORK="$(mktemp -d)"
# shellcheck source=packaging/test-lib.sh
source "$(dirname "$0")/test-lib.sh"
APT=(apt-get -y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
export DEBIAN_FRONTEND=noninteractive
UNIT=/lib/systemd/system/switchboard-gateway@.service
LEFTOVERS=(/opt/switchboard /usr/bin/switchboard /usr/share/applications/switchboard.desktop
    /usr/share/icons/hicolor/256x256/apps/switchboard.png "$UNIT" /etc/switchboard /etc/logrotate.d/switchboard
    /var/lib/switchboard /var/log/switchboard)
LIVE_CONFIG=/etc/switchboard/lifecycle-test.json

status() { dpkg-query -W -f='${db:Status-Abbrev}' switchboard 2>/dev/null | tr -d ' ' || true; }
# dpkg has the package in some state (installed, config files left, half-installed...).
on_machine() { case "$(status)" in "" | un | pn) return 1 ;; *) return 0 ;; esac; }

cleanup() {
    stop_started
    rm -f "$LIVE_CONFIG"
    if on_machine; then
        echo "cleaning up: purging switchboard" >&2
        "${APT[@]}" purge switchboard >/dev/null 2>&1 || dpkg --purge switchboard >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}

[ "$(id -u)" -eq 0 ] || { echo "test-deb-lifecycle.sh installs a package: run it as root" >&2; exit 1; }
deb="$(readlink -f "$(ls "$OUT"/switchboard_*.deb | head -1)")"
if on_machine; then
    echo "switchboard is already on this machine (dpkg status $(status)); purge it first" >&2
    exit 1
fi
trap cleanup EXIT

apt_step() { # apt_step DESCRIPTION APT-ARGS...: one apt-get run, its output in the log, a check on its exit code
    local what="$1"; shift
    echo "== $what: apt-get $*"
    if "${APT[@]}" "$@" </dev/null >"$WORK/apt.log" 2>&1; then
        pass "apt-get $* exits 0"
        grep -iE "warning|error|xdg" "$WORK/apt.log" | sed 's/^/       /' || true
    else
        fail "apt-get $* failed:"; cat "$WORK/apt.log" >&2
        exit 1
    fi
}

# What an installed package must have, whichever way it was installed.
check_installed() {
    check "dpkg status is installed (ii): $(status)" test "$(status)" = ii
    check "/usr/bin/switchboard links to the launcher" test "$(readlink /usr/bin/switchboard)" = /opt/switchboard/bin/switchboard
    for path in /usr/share/applications/switchboard.desktop /usr/share/icons/hicolor/256x256/apps/switchboard.png \
                "$UNIT" /etc/switchboard/example.json; do
        check "installed $path" test -f "$path"
    done
    check "/etc/switchboard/example.json is a conffile" grep -q "/etc/switchboard/example.json" \
        <(dpkg-query -W -f='${Conffiles}' switchboard)
    local entry
    entry="$(getent passwd switchboard || true)"
    check "system user switchboard: $entry" bash -c \
        '[ -n "$1" ] && [ "$(cut -d: -f3 <<<"$1")" -lt 1000 ] && [ "$(cut -d: -f7 <<<"$1")" = /usr/sbin/nologin ]' _ "$entry"
    for dir in /var/lib/switchboard /var/log/switchboard; do
        check "$dir is switchboard's, 0750: $(stat -c '%U:%G %a' "$dir" 2>/dev/null)" \
            test "$(stat -c '%U:%G %a' "$dir" 2>/dev/null)" = "switchboard:switchboard 750"
    done
    check "no gateway instance enabled by the package" \
        bash -c '! ls /etc/systemd/system/*.wants/switchboard-gateway@* >/dev/null 2>&1'
    local version
    version="$(env -i PATH=/usr/bin:/bin switchboard --version)"
    check "switchboard --version (from PATH, no JDK): $version" grep -q "^switchboard .* (Java 25" <<<"$version"
    check "switchboard validate /etc/switchboard/example.json exits 0" switchboard validate /etc/switchboard/example.json
}

check_nothing_left() {
    local path
    for path in "${LEFTOVERS[@]}"; do
        check "gone: $path" test ! -e "$path" -a ! -L "$path"
    done
    check "user switchboard gone" not getent passwd switchboard
    check "group switchboard gone" not getent group switchboard
    check "dpkg has no trace of switchboard (status '$(status)')" not on_machine
}

# The unit as installed: systemd-analyze verify where the tool exists, and the settings the service relies on.
check_unit_statically() {
    if command -v systemd-analyze >/dev/null; then
        check "systemd-analyze verify switchboard-gateway@example.service" \
            bash -c 'out="$(systemd-analyze verify switchboard-gateway@example.service 2>&1)"; [ -z "$out" ] || { echo "$out" >&2; false; }'
    else
        echo "  --   systemd-analyze is not installed here: the unit is checked by its settings only"
    fi
    for setting in "User=switchboard" "AmbientCapabilities=CAP_NET_BIND_SERVICE" "NoNewPrivileges=yes" "ProtectSystem=strict" "ProtectHome=yes" "PrivateTmp=yes" \
                   "ReadWritePaths=/var/lib/switchboard /var/log/switchboard" \
                   "Environment=\"JAVA_TOOL_OPTIONS=-XX:+UseParallelGC -XX:NewSize=60m -XX:MaxNewSize=256m\"" \
                   "ExecStart=/opt/switchboard/bin/switchboard gateway --config /etc/switchboard/%i.json --state-dir /var/lib/switchboard/%i" \
                   "ExecReload=/opt/switchboard/bin/switchboard validate /etc/switchboard/%i.json" \
                   "ExecReload=/bin/sh -c 'kill -HUP \$MAINPID'" \
                   "Restart=on-failure" "RestartForceExitStatus=SIGHUP" "StandardOutput=journal" "WantedBy=multi-user.target"; do
        check "unit: $setting" grep -qxF "$setting" "$UNIT"
    done
    check "unit: no other ReadWritePaths" test "$(grep -c '^ReadWritePaths=' "$UNIT")" -eq 1
    if systemd-analyze security --help 2>/dev/null | grep -q -- --offline; then
        echo "  --   systemd-analyze security --offline=true: $(systemd-analyze security --offline=true "$UNIT" 2>/dev/null | tail -1)"
    fi
}

# Where systemd runs units: a gateway instance started by systemd, a request through it, reload, stop with drain.
check_unit_live() {
    local sim_log="$WORK/live-sim.log"
    /usr/bin/switchboard sim-backend --listen 127.0.0.1:0 --name live-sim >"$sim_log" 2>&1 &
    PIDS+=($!)
    local sim
    sim="$(listening_address "$sim_log" "$!")" || { fail "sim-backend did not start"; return; }
    printf '{ "gateway": { "listen": "127.0.0.1:0" }, "backends": { "sim": { "url": "http://%s" } },\n  "apis": [ { "name": "all", "path": "/", "backendId": "sim" } ] }\n' \
        "$sim" >"$LIVE_CONFIG"
    local unit=switchboard-gateway@lifecycle-test.service since
    since="$(date '+%Y-%m-%d %H:%M:%S')"
    check "systemctl start $unit" systemctl start "$unit"
    journalctl -u "$unit" --since "$since" -o cat -f >"$WORK/journal.log" 2>&1 &
    PIDS+=($!)
    local gateway
    gateway="$(listening_address "$WORK/journal.log" "$!" "started; SIGHUP reloads")" || { fail "$unit did not start"; systemctl stop "$unit"; return; }
    check "$unit runs as switchboard" test "$(stat -c %U "/proc/$(systemctl show -P MainPID "$unit")")" = switchboard
    local response
    response="$(http_get "$gateway" /orders/7 | tr -d '\r')"
    check "GET through $unit -> 200 from the sim-backend" grep -qi "^X-Sim-Backend: live-sim" <<<"$response"
    check "systemctl reload $unit" systemctl reload "$unit"
    check "... reloaded on SIGHUP" await_line "$WORK/journal.log" "SIGHUP: reloading $LIVE_CONFIG: unchanged"
    cp "$LIVE_CONFIG" "$WORK/good.json"
    echo '{ "backends": {} }' >"$LIVE_CONFIG"
    check "systemctl reload fails on a config with problems" bash -c "! systemctl reload $unit"
    check "... and the gateway keeps serving" grep -qi "^X-Sim-Backend: live-sim" <<<"$(http_get "$gateway" /orders/8 | tr -d '\r')"
    cp "$WORK/good.json" "$LIVE_CONFIG"
    check "systemctl stop $unit" systemctl stop "$unit"
    check "... drained ('gateway stopped')" await_line "$WORK/journal.log" "gateway stopped"
    # systemd's own line: any exit but 0 (or 143, SuccessExitStatus) would be "Failed with result 'exit-code'".
    check "... and exited with success ('Deactivated successfully.')" await_line "$WORK/journal.log" "Deactivated successfully."
    rm -f "$LIVE_CONFIG"
}

# The package's logrotate rule on a gateway's access log, as the service writes it (user switchboard, under
# /var/log/switchboard/NAME): logrotate renames the log and the gateway starts a new one by itself.
check_log_rotation() {
    local rule=/etc/logrotate.d/switchboard dir=/var/log/switchboard/lifecycle-test
    check "$rule is a conffile" grep -q "$rule" <(dpkg-query -W -f='${Conffiles}' switchboard)
    if ! command -v logrotate >/dev/null; then
        echo "  --   logrotate is not installed here: its rule was not run"
        return
    fi
    /usr/bin/switchboard sim-backend --listen 127.0.0.1:0 --name rotate-sim >"$WORK/rotate-sim.log" 2>&1 &
    PIDS+=($!)
    local sim
    sim="$(listening_address "$WORK/rotate-sim.log" "$!")" || { fail "sim-backend did not start"; return; }
    install -d -m 0755 "$WORK/rotate"
    install -d -o switchboard -g switchboard -m 0750 "$dir" "$WORK/rotate/state"
    printf '{ "backends": { "sim": { "url": "http://%s" } },\n  "apis": [ { "name": "all", "path": "/", "backendId": "sim" } ] }\n' \
        "$sim" >"$WORK/rotate/gateway.json"
    chmod 0755 "$WORK"
    setpriv --reuid=switchboard --regid=switchboard --init-groups /usr/bin/switchboard gateway \
        --config "$WORK/rotate/gateway.json" --listen 127.0.0.1:0 --state-dir "$WORK/rotate/state" \
        --access-log "$dir/access.jsonl" >"$WORK/rotate-gateway.log" 2>&1 &
    PIDS+=($!)
    local gateway_pid=$! gateway
    gateway="$(listening_address "$WORK/rotate-gateway.log" "$gateway_pid" "started; SIGHUP reloads")" || { fail "gateway did not start"; return; }
    http_get "$gateway" /rotate/1 >/dev/null
    check "the gateway (user switchboard) logs a request to $dir/access.jsonl" await_line "$dir/access.jsonl" '"/rotate/1"'
    check "logrotate -f $rule" logrotate -f -s "$WORK/logrotate.state" "$rule"
    check "... renamed the log to access.jsonl.1" grep -qF '"/rotate/1"' "$dir/access.jsonl.1"
    local i
    for i in $(seq 50); do
        http_get "$gateway" "/rotate/after-$i" >/dev/null
        if grep -qF '"/rotate/after-' "$dir/access.jsonl"; then break; fi
        sleep 0.1
    done
    check "... and the gateway writes the next requests to a new access.jsonl" grep -qF '"/rotate/after-' "$dir/access.jsonl"
    check "... owned by switchboard: $(stat -c '%U:%G %a' "$dir/access.jsonl")" \
        test "$(stat -c '%U' "$dir/access.jsonl")" = switchboard
    kill -TERM "$gateway_pid"
    wait "$gateway_pid" || true
    rm -rf "$dir"
}

echo "== $deb (Version $(dpkg-deb -f "$deb" Version))"
had_xdg_utils=no
if dpkg-query -W -f='${Status}' xdg-utils 2>/dev/null | grep -q "ok installed"; then had_xdg_utils=yes; fi
echo "   xdg-utils installed before: $had_xdg_utils; desktop menu directory: $(ls -d /etc/xdg/menus 2>/dev/null || echo none)"

# Round 1: without Recommends, so without xdg-utils unless the machine had it.
apt_step "install without Recommends" install --no-install-recommends "$deb"
check_installed
if [ "$had_xdg_utils" = no ]; then
    check "xdg-utils was not installed" bash -c '! dpkg-query -W -f="\${Status}" xdg-utils 2>/dev/null | grep -q "ok installed"'
fi
echo "== the installed launcher: a gateway and a sim-backend"
gateway_round_trip /usr/bin/switchboard "$WORK"
echo "== the access log's rotation (logrotate)"
check_log_rotation
help="$(switchboard gateway --help)"
check "switchboard gateway --help explains the service" grep -q "sudo systemctl enable --now switchboard-gateway@NAME" <<<"$help"
echo "== the systemd unit"
check_unit_statically
if [ "$(systemctl is-system-running 2>/dev/null || true)" = offline ] || [ ! -d /run/systemd/system ]; then
    echo "  --   systemd does not run units here (systemctl is-system-running: $(systemctl is-system-running 2>&1 || true)):" \
        "the unit was verified statically only"
else
    check_unit_live
fi
apt_step "purge" purge switchboard
check_nothing_left

# Round 2: as an operator types it (Recommends too), then upgrade, reinstall, remove, purge.
apt_step "install" install "$deb"
check_installed
sed -i 's/"id": "example"/"id": "edited-by-the-operator"/' /etc/switchboard/example.json
version="$(dpkg-deb -f "$deb" Version)"
bumped="$version+lifecycle1"
dpkg-deb -R "$deb" "$WORK/next"
sed -i "s/^Version: .*/Version: $bumped/" "$WORK/next/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 -b "$WORK/next" "$WORK/switchboard_${bumped}_amd64.deb" >/dev/null
rm -rf "$WORK/next"
apt_step "upgrade to $bumped" install "$WORK/switchboard_${bumped}_amd64.deb"
check_installed
check "version is now $bumped" test "$(dpkg-query -W -f='${Version}' switchboard)" = "$bumped"
check "the edited conffile survived the upgrade" grep -q '"edited-by-the-operator"' /etc/switchboard/example.json
check "... without a .dpkg-dist/.dpkg-new copy" bash -c '! ls /etc/switchboard/*.dpkg-* >/dev/null 2>&1'
apt_step "reinstall" install --reinstall "$WORK/switchboard_${bumped}_amd64.deb"
check_installed
apt_step "remove" remove switchboard
check "dpkg status after remove is rc: $(status)" test "$(status)" = rc
for path in /opt/switchboard /usr/bin/switchboard /usr/share/applications/switchboard.desktop \
            /usr/share/icons/hicolor/256x256/apps/switchboard.png "$UNIT"; do
    check "removed: $path" test ! -e "$path" -a ! -L "$path"
done
check "remove keeps the edited conffile" grep -q '"edited-by-the-operator"' /etc/switchboard/example.json
check "remove keeps the user switchboard" bash -c 'getent passwd switchboard >/dev/null'
apt_step "purge" purge switchboard
check_nothing_left

if [ "$FAILED" -ne 0 ]; then
    echo "deb lifecycle: FAILED" >&2
    exit 1
fi
echo "deb lifecycle: all checks passed"
