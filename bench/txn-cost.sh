#!/usr/bin/env bash
# DynamoDB cost of one EXEC (or EVAL) of N keys on the dynamodb and caching stores: DynamoDB calls
# by API, capacity units (as DynamoDB Local reports them, and by AWS's published rules) and latency
# per transaction, for MULTI SET / INCR / GET x N, WATCH N + MULTI SET x N, an EVAL of N INCRs and,
# for reference, N plain INCRs. Two goredis servers in one JVM (built as Main builds them), one
# in-process DynamoDB Local, the stores alternating transaction by transaction; see TxCostBench.
#   bench/txn-cost.sh                        20 transactions per figure, N = 1 2 10 50 100
#   bench/txn-cost.sh 50 10 100              50 per figure, N = 10 and 100
#   bench/txn-cost.sh 20 http://127.0.0.1:8000   against a DynamoDB (Local) already running
#   STORES=caching bench/txn-cost.sh         one store only (default dynamodb,caching)
#   SCENARIOS=HSET bench/txn-cost.sh 20 1 10 30   only the scenarios named so (here: one HSET on a hash of 100*N fields)
# The calls are counted by an SDK ExecutionInterceptor (TxCostBench$Meter), registered for every SDK
# client in the JVM through the SDK's global-interceptor resource, which this script writes into a
# temporary class directory (never into the test classpath: tests are not metered).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
if [ ! -f target/goredis.jar ] || [ "${BUILD:-0}" = 1 ]; then
  mvn -B -q package -DskipTests -Djacoco.skip=true >&2
fi
cp_file=target/test-classpath.txt   # the test-scope dependencies (DynamoDB Local, Jedis, ...), as bench/dynamodb-local
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi
DEPS=$(cat "$cp_file")
# A snapshot of the jar, and the bench classes compiled on their own with javac (with DynamoDbLocal
# from the test tree), so a build running meanwhile in target/ cannot change them under the run.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp target/goredis.jar "$WORK/goredis.jar"
mkdir -p "$WORK/classes/software/amazon/awssdk/global/handlers"
echo 'io.goredis.bench.TxCostBench$Meter' > "$WORK/classes/software/amazon/awssdk/global/handlers/execution.interceptors"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$WORK/goredis.jar:$DEPS" \
  src/test/java/io/goredis/bench/TxBench.java src/test/java/io/goredis/bench/TxCostBench.java \
  src/test/java/io/goredis/store/dynamo/DynamoDbLocal.java 2>&1 | grep -v '^warning: \[path\]\|^[0-9]* warning' >&2 || true
[ -f "$WORK/classes/io/goredis/bench/TxCostBench.class" ] || { echo "txn-cost.sh: compilation failed" >&2; exit 1; }
echo "goredis $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src/main 2>/dev/null || echo ' + uncommitted changes in src/main'), jar built $(date -r target/goredis.jar '+%F %T')"
echo "load: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$WORK/classes:$WORK/goredis.jar:$DEPS" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml -Dstores="${STORES:-dynamodb,caching}" -Dscenarios="${SCENARIOS:-}" \
  io.goredis.bench.TxCostBench "$@"
echo "load: $(uptime | sed 's/.*load average/load average/')"
