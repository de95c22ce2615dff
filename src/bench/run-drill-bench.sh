#!/usr/bin/env bash
# Issue 15's slow-primary drill: an in-process gateway (one event loop) over two SimBackends, an open-loop client at
# RATE requests/s (default 500) for SECONDS (default 12); after 2 s primary-b answers in 2 s. Client latency p50/p90/
# p99/max, errors and requests to the slow primary for requests sent from 5 s after the slowdown, with the weighted
# balancer and then peak-ewma. Arguments: RATE SECONDS. JAVA overrides the JDK 25.
exec "$(dirname "$0")/run-bench-main.sh" dev.switchboard.bench.SlowPrimaryDrill "${1:-500}" "${2:-12}"
