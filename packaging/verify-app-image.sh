#!/usr/bin/env bash
# Checks what BuildInstaller.java built, by running it as an operator would. Run by `mvn -Ppackage verify` (phase
# verify) from the repository root; by hand: packaging/verify-app-image.sh [target/jpackage] [VERSION].
#
#  1. the app image's launcher: --version, validate on a valid and an invalid sample, a sim-backend behind a gateway
#     (both on free ports) answering a real HTTP request and a SIGHUP reload, and the console's --smoke-test on
#     JavaFX's headless platform;
#  2. the .deb: its size, control fields, contents (launcher, desktop entry, icon, unit, sample config, runtime),
#     conffiles and maintainer scripts, then unpacked with dpkg-deb -x (no root needed) and started from there with no
#     JDK on PATH and no JAVA_HOME, and its launcher must accept the gateway's AOT cache. Installing it for real is test-deb-lifecycle.sh's job.
# Every process it starts is stopped on the way out, pass or fail.
set -euo pipefail

OUT="${1:-target/jpackage}"
VERSION="${2:-}"
IMAGE="$OUT/switchboard"
APP="$IMAGE/bin/switchboard"
WORK="$(mktemp -d)"
# shellcheck source=packaging/test-lib.sh
source "$(dirname "$0")/test-lib.sh"

cleanup() {
    stop_started
    rm -rf "$WORK"
}
trap cleanup EXIT

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

# A sim-backend behind a gateway on free ports, a real request through it, SIGHUP, SIGTERM (test-lib.sh).
gateway_round_trip "$APP" "$WORK"

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
    check "Recommends: xdg-utils" test "$(dpkg-deb -f "$deb" Recommends)" = xdg-utils
    check "Depends does not name xdg-utils: $(dpkg-deb -f "$deb" Depends)" bash -c '! grep -q xdg-utils <<<"$1"' _ "$(dpkg-deb -f "$deb" Depends)"
    contents="$(dpkg-deb -c "$deb")"
    for path in ./opt/switchboard/bin/switchboard ./opt/switchboard/lib/runtime/lib/libglassgtk3.so \
                ./opt/switchboard/lib/app/switchboard.jar ./usr/share/applications/switchboard.desktop \
                ./usr/share/icons/hicolor/256x256/apps/switchboard.png ./lib/systemd/system/switchboard-gateway@.service \
                ./etc/switchboard/example.json ./etc/logrotate.d/switchboard ./opt/switchboard/share/grafana/switchboard.json \
                ./opt/switchboard/share/prometheus/alerts.yml; do
        check "contains $path (root:root)" grep -q "root/root .* $path\$" <<<"$contents"
    done
    check "contains ./usr/bin/switchboard -> /opt/switchboard/bin/switchboard" \
        grep -q " ./usr/bin/switchboard -> /opt/switchboard/bin/switchboard\$" <<<"$contents"
    # The maintainer scripts and control file jpackage made from packaging/linux/ (its resource dir).
    dpkg-deb -e "$deb" "$WORK/DEBIAN"
    check "DEBIAN/conffiles: /etc/logrotate.d/switchboard and /etc/switchboard/example.json" \
        test "$(sort "$WORK/DEBIAN/conffiles" | tr '\n' ' ')" = "/etc/logrotate.d/switchboard /etc/switchboard/example.json "
    for script in preinst postinst prerm postrm; do
        check "DEBIAN/$script: valid sh, no xdg-* call, no placeholder left" bash -c \
            'sh -n "$1" && ! grep -v "^ *#" "$1" | grep -q "xdg-\|APPLICATION_\|DESKTOP_\|LAUNCHER_AS_SERVICE"' _ "$WORK/DEBIAN/$script"
    done
    check "postinst makes the system user switchboard" grep -q "useradd --system" "$WORK/DEBIAN/postinst"
    check "postinst never enables or starts a gateway" bash -c '! grep -q "systemctl \(enable\|start\)" "$1"' _ "$WORK/DEBIAN/postinst"
    dpkg-deb -x "$deb" "$WORK/root"
    check "menu icon is packaging/linux/switchboard.png" \
        cmp -s packaging/linux/switchboard.png "$WORK/root/usr/share/icons/hicolor/256x256/apps/switchboard.png"
    check "desktop entry starts /opt/switchboard/bin/switchboard" \
        grep -qx "Exec=/opt/switchboard/bin/switchboard" "$WORK/root/usr/share/applications/switchboard.desktop"
    if command -v desktop-file-validate >/dev/null; then
        check "desktop-file-validate accepts the menu entry" desktop-file-validate "$WORK/root/usr/share/applications/switchboard.desktop"
    fi
    check "the sample config is the repository's" \
        cmp -s packaging/deb-root/etc/switchboard/example.json "$WORK/root/etc/switchboard/example.json"
    # Unpacked (not installed), with neither JAVA_HOME nor any JDK on PATH: the bundled runtime must do.
    unpacked="$(env -i HOME="$WORK" PATH=/nonexistent "$WORK/root/opt/switchboard/bin/switchboard" --version)"
    check "unpacked .deb runs without a JDK: $unpacked" grep -q "^switchboard .* (Java 25" <<<"$unpacked"
    # The gateway's AOT cache (AotTraining.java) is valid only with the very jars and runtime it was trained with, and
    # the JVM ignores a stale one silently: the launcher moved to /opt must still map it.
    aot="$(env -i HOME="$WORK" PATH=/nonexistent JAVA_TOOL_OPTIONS=-Xlog:aot "$WORK/root/opt/switchboard/bin/switchboard" --version 2>&1)"
    check "the unpacked launcher maps its AOT cache lib/app/gateway.aot" grep -q "Opened AOT cache .*/opt/switchboard/lib/app/gateway.aot" <<<"$aot"
    check "... and accepts it (no class path mismatch, no error)" bash -c '! grep -q "mismatch\|\[error" <<<"$1"' _ "$aot"
fi

if [ "$FAILED" -ne 0 ]; then
    echo "packaged app: FAILED" >&2
    exit 1
fi
echo "packaged app: all checks passed"
