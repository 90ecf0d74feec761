#!/usr/bin/env bash
# Scripting and transaction throughput: goredis (in-memory store) against redis-server, same run,
# alternated rounds (goredis, redis, goredis, redis, ...), medians.
#   1. EVALSHA of a three-line script (INCR KEYS[1]; SET KEYS[2] ARGV[1] once it passes 10; return
#      it), with redis-benchmark, after SCRIPT LOAD on both servers;
#   2. MULTI / INCR tx:a / INCR tx:b / INCR tx:c / EXEC, with io.goredis.bench.TxBench (test tree):
#      redis-benchmark repeats one command, a transaction needs five in order on one connection;
#      TxBench is built like redis-benchmark (one thread, one selector, non-blocking sockets).
# Each in two shapes: -c 1 (one client, one request at a time: latency) and -c 50 -P 16
# (throughput: 50 connections, 16 scripts / transactions per round trip).
#
#   bench/scripting.sh                  7 rounds
#   bench/scripting.sh 3                3 rounds
#   RAND=100000 bench/scripting.sh      random keys (k1:NNN, tx:a:NNN, ...) below 100000 instead of fixed ones
#   N1=20000 N50=300000 C=50 P=16 bench/scripting.sh
#
# goredis runs from a copy of target/goredis.jar (built when missing; BUILD=1 rebuilds it) with Temurin 25.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-7}
N1=${N1:-20000}        # requests per -c 1 run
N50=${N50:-300000}     # requests per -c C -P P run
C=${C:-50}
P=${P:-16}
RAND=${RAND:-0}
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
GOREDIS_JVM_OPTS=${GOREDIS_JVM_OPTS:-}

for tool in redis-server redis-cli redis-benchmark python3 awk bc; do
  command -v "$tool" >/dev/null || { echo "scripting.sh: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

if [ ! -f target/goredis.jar ] || [ "${BUILD:-0}" = 1 ]; then
  JAVA_HOME=$JAVA_HOME MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow} \
    mvn -B -q package -DskipTests -Djacoco.skip=true
fi
# A snapshot of the jar, and TxBench (it needs only the JDK) compiled on its own with javac, so
# that a build running meanwhile in target/ cannot change them under the run.
cp target/goredis.jar "$WORK/goredis.jar"
BENCH_CLASSES=$WORK/classes
"$JAVA_HOME/bin/javac" -d "$BENCH_CLASSES" src/test/java/io/goredis/bench/TxBench.java

GOREDIS_PORT=$(free_port)
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $GOREDIS_JVM_OPTS -jar "$WORK/goredis.jar" --port "$GOREDIS_PORT" --bind 127.0.0.1 \
  > "$WORK/goredis.log" 2>&1 &
PIDS+=($!)
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  > "$WORK/redis.log" 2>&1 &
PIDS+=($!)
for port in "$GOREDIS_PORT" "$REDIS_PORT"; do
  for _ in $(seq 1 300); do [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done
  [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] || { echo "no server on port $port" >&2; cat "$WORK"/*.log >&2; exit 1; }
done

SCRIPT="local v = redis.call('incr', KEYS[1])
if v > 10 then redis.call('set', KEYS[2], ARGV[1]) end
return v"
SHA=$(redis-cli -p "$REDIS_PORT" script load "$SCRIPT")
GSHA=$(redis-cli -p "$GOREDIS_PORT" script load "$SCRIPT")
[ "$SHA" = "$GSHA" ] || { echo "SCRIPT LOAD: redis $SHA, goredis $GSHA" >&2; exit 1; }

if [ "$RAND" -gt 0 ]; then
  EVAL_ARGS=(-r "$RAND" EVALSHA "$SHA" 2 "k1:__rand_int__" "k2:__rand_int__" v)
  TX_ARGS=(-r "$RAND")
else
  EVAL_ARGS=(EVALSHA "$SHA" 2 k1 k2 v)
  TX_ARGS=()
fi

# One measurement: prints "<requests per second> <p50 ms>".
measure() {  # kind port
  local kind=$1 port=$2 out
  case "$kind" in
    evalsha-c1)  out=$(redis-benchmark -p "$port" -n "$N1" -c 1 -q "${EVAL_ARGS[@]}") ;;
    evalsha-c50) out=$(redis-benchmark -p "$port" -n "$N50" -c "$C" -P "$P" -q "${EVAL_ARGS[@]}") ;;
    multi-c1)    out=$("$JAVA_HOME/bin/java" -cp "$BENCH_CLASSES" io.goredis.bench.TxBench -p "$port" -n "$N1" -c 1 -P 1 --warmup $(( N1 / 10 )) "${TX_ARGS[@]}") ;;
    multi-c50)   out=$("$JAVA_HOME/bin/java" -cp "$BENCH_CLASSES" io.goredis.bench.TxBench -p "$port" -n $(( N50 / 2 )) -c "$C" -P "$P" --warmup $(( N50 / 20 )) "${TX_ARGS[@]}") ;;
  esac
  # redis-benchmark -q rewrites a progress line with \r; keep the final figures only.
  echo "$out" | tr '\r' '\n' | grep 'requests per second' | tail -1 \
    | sed -E 's/.*: ([0-9.]+) requests per second, p50=([0-9.]+) msec.*/\1 \2/'
}

KINDS=(evalsha-c1 evalsha-c50 multi-c1 multi-c50)
echo "goredis $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src/main 2>/dev/null || echo ' + uncommitted changes in src/main'), jar built $(date -r target/goredis.jar '+%F %T')"
echo "goredis on $GOREDIS_PORT, redis-server $(redis-server --version | awk '{print $3}') on $REDIS_PORT; script $SHA"
echo "rounds $ROUNDS; -c 1: $N1 requests; -c $C -P $P: $N50 EVALSHA, $(( N50 / 2 )) transactions; keys: $([ "$RAND" -gt 0 ] && echo "random below $RAND" || echo fixed)"
echo "load at start: $(uptime | sed 's/.*load average/load average/')"
# Warm-up (discarded): JIT of goredis, and every key exists.
for kind in "${KINDS[@]}"; do
  measure "$kind" "$GOREDIS_PORT" >/dev/null
  measure "$kind" "$REDIS_PORT" >/dev/null
done
: > "$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
  for kind in "${KINDS[@]}"; do
    g=$(measure "$kind" "$GOREDIS_PORT"); r=$(measure "$kind" "$REDIS_PORT")
    [[ "$g" =~ ^[0-9.]+\ [0-9.]+$ && "$r" =~ ^[0-9.]+\ [0-9.]+$ ]] || { echo "$kind: no figures (goredis '$g', redis '$r')" >&2; exit 1; }
    read -r g_rps g_p50 <<< "$g"; read -r r_rps r_p50 <<< "$r"
    echo "$kind $round $g_rps $g_p50 $r_rps $r_p50" >> "$WORK/results"
    printf 'round %d %-12s goredis %10.0f/s p50 %.3f ms   redis %10.0f/s p50 %.3f ms   ratio %.2f\n' \
      "$round" "$kind" "$g_rps" "$g_p50" "$r_rps" "$r_p50" "$(echo "$g_rps / $r_rps" | bc -l)"
  done
done
echo "load at end: $(uptime | sed 's/.*load average/load average/')"
echo
awk -v c="$C" -v p="$P" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function range(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
    return sprintf("%.2f-%.2f", lo, hi)
  }
  { k = $1; order[k] = 1; g[k] = g[k] " " $3; gp[k] = gp[k] " " $4; r[k] = r[k] " " $5; rp[k] = rp[k] " " $6
    ratio[k] = ratio[k] " " ($3 / $5) }
  END {
    name["evalsha-c1"] = "EVALSHA, -c 1"; name["evalsha-c50"] = "EVALSHA, -c " c " -P " p
    name["multi-c1"] = "MULTI+3 INCR+EXEC, -c 1"; name["multi-c50"] = "MULTI+3 INCR+EXEC, -c " c " -P " p
    printf "| %-30s | %-22s | %-22s | %-24s |\n", "medians", "goredis /s (p50 ms)", "redis /s (p50 ms)", "goredis/redis (range)"
    printf "|%s|%s|%s|%s|\n", "--------------------------------", "------------------------", "------------------------", "--------------------------"
    split("evalsha-c1 evalsha-c50 multi-c1 multi-c50", ks, " ")
    for (i = 1; i <= 4; i++) {
      k = ks[i]; if (!(k in order)) continue
      printf "| %-30s | %-22s | %-22s | %-24s |\n", name[k],
        sprintf("%.0f (%.3f)", median(g[k]), median(gp[k])), sprintf("%.0f (%.3f)", median(r[k]), median(rp[k])),
        sprintf("%.2f (%s)", median(ratio[k]), range(ratio[k]))
    }
  }' "$WORK/results"
