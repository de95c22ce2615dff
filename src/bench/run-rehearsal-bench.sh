#!/usr/bin/env bash
# Rehearses one hour at 1,000 requests/s (3.6 M requests; src/bench/rehearsal-hour.json: the regional failover
# seed config, its primary slowing, failing 20 %, answering 503, refusing connections, sending Retry-After and
# recovering) with the packaged command pinned to one core, and prints wall and CPU time of the whole process
# (JVM start included). Goal: <= 10 s on one core. Arguments are passed to the command (e.g. --apim).
# JAVA overrides the JDK 25 used; RUNS sets how many runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests package
for run in $(seq 1 "${RUNS:-3}"); do
    TIMEFORMAT="run $run: wall %R s, cpu %U s user + %S s sys (load average before: $(cut -d' ' -f1 /proc/loadavg))"
    time taskset -c 0 "$JAVA" -XX:ActiveProcessorCount=1 -jar target/switchboard.jar rehearse \
        --config test-data/scenarios/regional-failover.config.json --scenario src/bench/rehearsal-hour.json --json "$@" \
        | grep -E '"(requests|firstRequestAttempts|firstFailoverAt|allShiftedAt)"'
done
