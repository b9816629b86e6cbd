#!/bin/sh
# Engine benchmark (JMH), without the Quarkus runtime. Run from anywhere:
#   src/bench/jmh/run.sh                 # defaults: 1 fork, 3x2 s warm-up, 5x3 s measured, -prof gc (~3 min)
#   src/bench/jmh/run.sh -i 10 -r 5s     # any JMH option overrides the defaults
# Builds into $BUILD_DIR (default target-bench), then runs org.posturecoach.bench.EngineBenchmarkMain,
# which prints the JMH tables and a summary: ops/s, p50 and mean µs, allocated B/op, evaluate/baseline ratios.
set -eu
cd "$(dirname "$0")/../../.."
BUILD_DIR=${BUILD_DIR:-target-bench}
./mvnw -B -q -DbuildDir="$BUILD_DIR" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$BUILD_DIR/bench.classpath" -Dmdep.includeScope=test
exec java -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench.classpath")" \
    org.posturecoach.bench.EngineBenchmarkMain "$@"
