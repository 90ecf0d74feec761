#!/usr/bin/env bash
# Cross-node wake-up latency of BLPOP (not a test): see bench/blocking/WakeupBench.java.
#   bench/blocking/run.sh                  blocked on a caching node, 50 ms stream poll, 200 samples
#   bench/blocking/run.sh 10 300           10 ms poll, 300 samples
#   bench/blocking/run.sh 50 50 dynamodb   blocked on a DynamoDB node without a cache (interim re-check)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
mvn -B -q test-compile -Djacoco.skip=true
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml -cp "$CP" bench/blocking/WakeupBench.java "$@"
