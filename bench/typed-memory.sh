#!/usr/bin/env bash
# Memory per field / element of collections: goredis (in-memory store) against redis-server, same run.
#   big    one hash of 1,000,000 fields (HSET big field:N value:N, 100 fields per command)
#   small  1,000,000 hashes of 10 fields each (HSET h:N f0 v0:N ... f9 v9:N)
#   list   one list of 1,000,000 elements (RPUSH list element:N, 100 per command)
#   zset   one sorted set of 1,000,000 members (ZADD zset (N*7919 mod 1M) member:N, 100 per command:
#          scores arrive in scrambled order, so the tree's leaves split as under random inserts)
# For each server and dataset: a fresh server, the data loaded with redis-cli --pipe, then
#   redis:   used_memory (INFO memory) and the RSS growth;
#   goredis: the live heap after a full GC (jcmd GC.run, then GC.heap_info "used") and the RSS growth.
# Quoted per field: (bytes after load - bytes before) / fields, so server baselines cancel out.
#
#   bench/typed-memory.sh            both datasets, 1,000,000 fields / hashes
#   N=200000 bench/typed-memory.sh   smaller
#   ROUNDS=3 bench/typed-memory.sh   repeat (alternating servers), medians are up to the reader
#   DATASETS="list" bench/typed-memory.sh   some datasets only (default: big small list zset)
#
# goredis runs from a copy of target/goredis.jar (built when missing; BUILD=1 rebuilds) with Temurin 25.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}
DATASETS=${DATASETS:-big small list zset}
ROUNDS=${ROUNDS:-1}
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
GOREDIS_JVM_OPTS=${GOREDIS_JVM_OPTS:-}
PORT=${PORT:-6490}

for tool in redis-server redis-cli python3 awk; do
  command -v "$tool" >/dev/null || { echo "typed-memory.sh: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/goredis.jar ] || [ "${BUILD:-0}" = 1 ]; then
  JAVA_HOME=$JAVA_HOME MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow} \
    mvn -B -q package -DskipTests -Djacoco.skip=true
fi
cp target/goredis.jar "$WORK/goredis.jar"

python3 - "$N" "$WORK" <<'PY'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
def cmd(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)
with open(work + "/big.resp", "wb") as f:
    for start in range(0, n, 100):
        args = [b"HSET", b"big"]
        for i in range(start, min(n, start + 100)):
            args += [b"field:%d" % i, b"value:%d" % i]
        f.write(cmd(args))
with open(work + "/list.resp", "wb") as f:
    for start in range(0, n, 100):
        f.write(cmd([b"RPUSH", b"list"] + [b"element:%d" % i for i in range(start, min(n, start + 100))]))
with open(work + "/zset.resp", "wb") as f:
    for start in range(0, n, 100):
        args = [b"ZADD", b"zset"]
        for i in range(start, min(n, start + 100)):
            args += [b"%d" % (i * 7919 % n), b"member:%d" % i]
        f.write(cmd(args))
with open(work + "/small.resp", "wb") as f:
    for i in range(n):
        args = [b"HSET", b"h:%d" % i]
        for j in range(10):
            args += [b"f%d" % j, b"v%d:%d" % (j, i)]
        f.write(cmd(args))
PY

rss() { awk '/VmRSS/ {print $2 * 1024}' "/proc/$1/status"; }

wait_up() {
  for _ in $(seq 1 200); do
    redis-cli -p "$PORT" PING >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "typed-memory.sh: server on $PORT did not start" >&2; exit 1
}

goredis_heap() {
  "$JAVA_HOME/bin/jcmd" "$PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?$/, "", v); print v * 1024; exit } }'
}

measure() { # server dataset
  local server=$1 data=$2 fields before_rss after_rss before after
  if [ "$server" = goredis ]; then
    "$JAVA_HOME/bin/java" $GOREDIS_JVM_OPTS -jar "$WORK/goredis.jar" --port "$PORT" --bind 127.0.0.1 > "$WORK/server.log" 2>&1 &
  else
    redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$WORK/server.log" 2>&1 &
  fi
  PID=$!
  wait_up
  redis-cli -p "$PORT" SET warm up >/dev/null
  if [ "$server" = goredis ]; then before=$(goredis_heap); else before=$(redis-cli -p "$PORT" INFO memory | awk -F: '/^used_memory:/ {print $2+0}'); fi
  before_rss=$(rss "$PID")
  redis-cli -p "$PORT" --pipe < "$WORK/$data.resp" > "$WORK/pipe.log"
  grep -q "errors: 0" "$WORK/pipe.log" || { cat "$WORK/pipe.log" >&2; exit 1; }
  if [ "$server" = goredis ]; then after=$(goredis_heap); else after=$(redis-cli -p "$PORT" INFO memory | awk -F: '/^used_memory:/ {print $2+0}'); fi
  after_rss=$(rss "$PID")
  if [ "$data" = small ]; then fields=$(( N * 10 )); else fields=$N; fi
  check=$(redis-cli -p "$PORT" DBSIZE)
  awk -v s="$server" -v d="$data" -v a="$after" -v b="$before" -v ra="$after_rss" -v rb="$before_rss" -v f="$fields" -v k="$check" \
    'BEGIN { printf "%-8s %-6s keys=%-8s %s/field %7.1f B   RSS/field %7.1f B\n", s, d, k, (s == "goredis" ? "live heap" : "used_memory"), (a - b) / f, (ra - rb) / f }'
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

echo "fields per dataset: big $N, small $(( N * 10 )) ($N hashes), list $N elements, zset $N members; redis-server $(redis-server --version | awk '{print $3}')"
for r in $(seq 1 "$ROUNDS"); do
  for data in $DATASETS; do
    measure redis "$data"
    measure goredis "$data"
  done
done
