#!/usr/bin/env bash
# Active-expiry benchmark (issue 3): load N keys that expire after TTL seconds, then nobody reads
# them; time until active expiry has reclaimed them all and until used_memory is back near its
# baseline. Runs against goredis (in-memory store) and a real redis-server for reference.
#
# "Reclaimed" is measured by keys still held: Redis's DBSIZE counts expired keys it has not
# reclaimed yet, so for Redis that is DBSIZE; goredis's DBSIZE leaves expired keys out at once
# (the Store contract), so for goredis it is stored_keys from INFO store (DBSIZE is shown too).
#
#   bench/expiry.sh [goredis|redis|both]        (default both)
#   N=1000000 TTL=1 VALUE_BYTES=16 POLL=0.1 bench/expiry.sh
#
# With "SET ... EX 1", keys written early in a load that takes longer than a second expire while
# the rest load, so the clock starts when the load ends and the backlog (DBSIZE then) is printed.
# AT_S=60 instead gives every key one absolute expiry (PXAT) AT_S seconds after the load starts:
# all N keys are live when the load ends, expire in the same millisecond, and the clock starts then.
#
# goredis runs from target/goredis.jar (built if missing) with Temurin 25. The JVM only gives heap
# back at a GC, and an idle server allocates too little to trigger one: GOREDIS_JVM_OPTS defaults
# to G1's periodic GC (a concurrent cycle after 2 s without a GC) so used_memory can come back
# without traffic. (A periodic *full* GC, -XX:-G1PeriodicGCInvokesConcurrent, returns memory
# sooner but pauses the whole JVM for ~1 s every interval while a million keys are live, which
# slowed the reclaim itself about 9x in our runs.)
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=${1:-both}
N=${N:-1000000}
TTL=${TTL:-1}
VALUE_BYTES=${VALUE_BYTES:-16}
POLL=${POLL:-0.1}
TIMEOUT_S=${TIMEOUT_S:-300}
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
AT_S=${AT_S:-}
GOREDIS_JVM_OPTS=${GOREDIS_JVM_OPTS:--XX:+UseG1GC -XX:G1PeriodicGCInterval=2000}

for tool in redis-cli redis-server python3 awk; do
  command -v "$tool" >/dev/null || { echo "expiry.sh: $tool is missing" >&2; exit 1; }
done

SERVER_PID=
WORK=$(mktemp -d)
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# RESP for N "SET key:i <value> EX TTL" (or "PXAT <ms>" with AT_S), sent by redis-cli --pipe as
# fast as the server takes it.
LOAD="$WORK/load.resp"
generate_load() {
  local expiry_opt=EX expiry_arg=$TTL
  if [ -n "$AT_S" ]; then expiry_opt=PXAT; expiry_arg=$1; fi
  awk -v n="$N" -v opt="$expiry_opt" -v arg="$expiry_arg" -v vb="$VALUE_BYTES" 'BEGIN {
    v = sprintf("%" vb "s", ""); gsub(/ /, "x", v)
    for (i = 0; i < n; i++) {
      k = "key:" i
      printf "*5\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", \
        length(k), k, vb, v, length(opt), opt, length(arg), arg
    }
  }' > "$LOAD"
}

cli() { redis-cli -p "$PORT" "$@"; }

used_memory() { cli info memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }'; }

wait_ready() {
  local deadline=$(( $(now_ms) + 30000 ))
  until [ "$(cli ping 2>/dev/null)" = "PONG" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "server on port $PORT did not answer PING" >&2; exit 1; }
    sleep 0.1
  done
}

run_one() {
  local name=$1
  wait_ready
  sleep 1
  local base; base=$(used_memory)
  local at=$(( $(now_ms) + ${AT_S:-0} * 1000 ))
  generate_load "$at"
  local t0; t0=$(now_ms)
  cli --pipe < "$LOAD" > "$WORK/pipe.out"
  local t1; t1=$(now_ms)
  echo "$t1" > "$WORK/load_end"
  local loaded; loaded=$(held_keys "$name" "$(cli dbsize)")
  local peak; peak=$(used_memory)
  if [ -n "$AT_S" ]; then
    if [ "$t1" -gt "$at" ]; then
      echo "$name: the load took longer than AT_S=${AT_S}s; raise AT_S" >&2
    fi
    while [ "$(now_ms)" -le "$at" ]; do sleep 0.05; done
    t1=$at
  fi
  # Memory counts as back once within 10% of the loaded data's footprint (plus 1 MB of slack for
  # the JVM's own churn) above the baseline.
  local back_at=$(( base + (peak - base) / 10 + 1048576 ))
  local zero_ms= dbsize_ms= mem_ms= size dbsize mem
  local deadline=$(( t1 + TIMEOUT_S * 1000 ))
  while [ -z "$zero_ms" ] || [ -z "$mem_ms" ]; do
    dbsize=$(cli dbsize)
    size=$(held_keys "$name" "$dbsize")
    mem=$(used_memory)
    local t; t=$(now_ms)
    if [ -z "$dbsize_ms" ] && [ "$dbsize" = 0 ]; then dbsize_ms=$(( t - t1 )); fi
    if [ -z "$zero_ms" ] && [ "$size" = 0 ]; then zero_ms=$(( t - t1 )); fi
    if [ -z "$mem_ms" ] && [ "$mem" -le "$back_at" ]; then mem_ms=$(( t - t1 )); fi
    if [ "$t" -gt "$deadline" ]; then
      echo "$name: gave up after ${TIMEOUT_S}s (dbsize $size, used_memory $mem)" >&2
      break
    fi
    sleep "$POLL"
  done
  local how="EX $TTL" from="the end of the load"
  if [ -n "$AT_S" ]; then how="PXAT load start + ${AT_S}s"; from="the expiry instant"; fi
  printf '%-8s %d keys (%s) loaded in %d ms, %s held after the load; used_memory %s -> %s\n' \
    "$name" "$N" "$how" $(( $(cat "$WORK/load_end") - t0 )) "$loaded" "$(human "$base")" "$(human "$peak")"
  printf '%-8s from %s: all keys reclaimed after %s ms (DBSIZE 0 after %s ms), used_memory under %s after %s ms (now %s)\n' \
    "$name" "$from" "${zero_ms:-?}" "${dbsize_ms:-?}" "$(human "$back_at")" "${mem_ms:-?}" "$(human "$(used_memory)")"
  if [ "$name" = goredis ]; then
    printf '%-8s INFO store: %s\n' "$name" "$(cli info store | tr -d '\r' | grep -v '^#' | tr '\n' ' ')"
  fi
}

# Keys the server still holds: DBSIZE for Redis, INFO store's stored_keys for goredis.
held_keys() {
  if [ "$1" = goredis ]; then
    cli info store | tr -d '\r' | awk -F: '$1 == "stored_keys" { print $2 }'
  else
    echo "$2"
  fi
}

human() { awk -v b="$1" 'BEGIN { printf "%.1fMB", b / 1048576 }'; }

bench_goredis() {
  if [ ! -f target/goredis.jar ]; then
    JAVA_HOME=$JAVA_HOME mvn -B -q package -DskipTests -Djacoco.skip=true
  fi
  PORT=$(free_port)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $GOREDIS_JVM_OPTS -jar target/goredis.jar --port "$PORT" > "$WORK/goredis.log" 2>&1 &
  SERVER_PID=$!
  run_one goredis
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}

bench_redis() {
  PORT=$(free_port)
  redis-server --port "$PORT" --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
  SERVER_PID=$!
  run_one redis
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}

case "$TARGET" in
  goredis) bench_goredis ;;
  redis) bench_redis ;;
  both) bench_goredis; bench_redis ;;
  *) echo "usage: bench/expiry.sh [goredis|redis|both]" >&2; exit 2 ;;
esac
