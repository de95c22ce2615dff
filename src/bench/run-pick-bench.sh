#!/usr/bin/env bash
# Runs PickBenchmark (one engine pick: round-robin, weighted, affinity; 10 and 1,000 backends) with the GC
# profiler, so ns/op and gc.alloc.rate.norm (bytes per pick) are reported. Arguments replace the default
# run options, e.g. "-f 1 -wi 2 -i 3 -w 1s -r 1s" for a quicker run. JAVA overrides the JDK 25 used.
exec "$(dirname "$0")/run-jmh.sh" PickBenchmark "$@"
