#!/usr/bin/env bash
# Caching-store benchmarks (not tests). Builds the project, then runs bench/cache/CacheBench.java
# with the test classpath (DynamoDB Local runs in-process on loopback; no Docker):
#   bench/cache/run.sh            all three: zipf hit ratio, GET-hit throughput, propagation lag
#   bench/cache/run.sh lag 10 500 propagation lag with a 10 ms poll interval, 500 samples
#   bench/cache/run.sh hits 5 2   GET-hit throughput, 5 s per round, 2 threads
#   bench/cache/run.sh zipf 100000 2000000
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q test-compile -Djacoco.skip=true
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" bench/cache/CacheBench.java "$@"
