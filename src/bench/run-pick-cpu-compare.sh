#!/usr/bin/env bash
# Thread CPU per pick of several builds' engines in one JVM, alternating rounds (PickCpuCompare), so the load of a
# shared machine falls on each alike: run-pick-cpu-compare.sh POOL AGES ROUNDS CLASSES_DIR...
# e.g. run-pick-cpu-compare.sh peak-ewma mixed 30 /tmp/before/classes target/classes
# (a build's CLASSES_DIR: a copy of its target/classes). JAVA overrides the JDK 25 used.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
# Without target/classes: each build's engine comes from its own directory.
exec "$JAVA" -cp "target/test-classes:$(cat target/bench.cp)" dev.switchboard.bench.PickCpuCompare "$@"
