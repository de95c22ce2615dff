# Sourced by the benchmarks that need a real X display: starts Xvfb on a display number nobody uses (so parallel
# runs and a desktop session are left alone), exports DISPLAY, and stops it when the script exits.
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 2; }
for n in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { XVFB_DISPLAY=":$n"; break; }
done
Xvfb "$XVFB_DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${XVFB_DISPLAY#:}" ] && break; sleep 0.1; done
export DISPLAY="$XVFB_DISPLAY"
