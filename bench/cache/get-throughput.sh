#!/usr/bin/env bash
# GET-hit throughput through real servers: goredis --store memory against goredis --store caching
# (on DynamoDB Local, started here without Docker), measured with redis-benchmark on the same keys.
# The keys are written first (redis-benchmark -t set), so every GET of the caching node is a hit.
#   bench/cache/get-throughput.sh [requests] [pipeline]     (defaults 200000 16)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
n="${1:-200000}"
pipeline="${2:-16}"
ddb_port=18000
mem_port=16390
cache_port=16391
mvn -B -q package -DskipTests -Djacoco.skip=true
pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
bench/dynamodb-local "$ddb_port" >/dev/null 2>&1 &
pids+=($!)
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_REGION=us-east-1
"$JAVA_HOME/bin/java" -jar target/goredis.jar --port "$mem_port" --store memory >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$ddb_port") 2>/dev/null && break; sleep 0.2; done
"$JAVA_HOME/bin/java" -jar target/goredis.jar --port "$cache_port" --store caching --create-table \
  --table bench-get --dynamodb-endpoint "http://127.0.0.1:$ddb_port" >/dev/null 2>&1 &
pids+=($!)
for port in "$mem_port" "$cache_port"; do
  for _ in $(seq 1 300); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
done
for _ in $(seq 1 300); do redis-cli -p "$cache_port" info | grep -q 'cache_coherent:1' && break; sleep 0.2; done
for port in "$mem_port" "$cache_port"; do
  redis-benchmark -p "$port" -t set -c 4 -n 5000 -r 1000 -q >/dev/null   # key:000000000000 .. key:000000000999, gently: DynamoDB Local is slow to write
  redis-benchmark -p "$port" -t get -n "$n" -r 1000 -P "$pipeline" -q >/dev/null   # warm-up: fills the cache
done
for round in 1 2 3; do
  m=$(redis-benchmark -p "$mem_port" -t get -n "$n" -r 1000 -P "$pipeline" -q | grep -o '[0-9.]* requests per second' | cut -d' ' -f1)
  c=$(redis-benchmark -p "$cache_port" -t get -n "$n" -r 1000 -P "$pipeline" -q | grep -o '[0-9.]* requests per second' | cut -d' ' -f1)
  echo "round $round: memory $m GET/s, caching $c GET/s, ratio $(echo "scale=3; $c / $m" | bc)"
done
redis-cli -p "$cache_port" info | grep -E '^cache_(hits|misses|hit_ratio|entries|bytes)'
