#!/usr/bin/env bash
# Proxy throughput with and without 10 telemetry consoles attached, and event-to-console latency under load:
# an in-process gateway (one event loop) over two SimBackends, driven by wrk (-t1 -c32). Arguments: seconds per
# run (default 10) and rounds (default 3; runs alternate without/with consoles, medians reported). Needs wrk.
exec "$(dirname "$0")/run-bench-main.sh" dev.switchboard.bench.TelemetryBench "${1:-10}" "${2:-3}"
