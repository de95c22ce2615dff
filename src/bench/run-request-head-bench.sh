#!/usr/bin/env bash
# Runs RequestHeadBenchmark (decoding one request head: Netty's HttpServerCodec, the gateway's strict
# ClientHttpCodec, and the codec plus RequestValidator) with the GC profiler, so ns/op and bytes per head are
# reported. Arguments replace the default run options. JAVA overrides the JDK 25 used.
exec "$(dirname "$0")/run-jmh.sh" RequestHeadBenchmark "$@"
