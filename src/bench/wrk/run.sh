#!/bin/bash
# Service benchmark: the packaged service under wrk, on PostgreSQL (fresh database) or H2. Run from anywhere:
#   src/bench/wrk/run.sh                      # PostgreSQL at 127.0.0.1:5432 as postgres, database posture_bench
#   BENCH_DB=h2 src/bench/wrk/run.sh          # H2 file database in a temporary folder
# About 3 minutes: build if needed, start, 10 s warm-up per endpoint, then 20 s each, 2 threads / 16 connections:
#   noop    GET  /api/v1/exercises/chin-tuck    (cheapest GET of our API: no rules, no database)
#   preview POST /api/v1/assessments/preview    (validation + rules, nothing stored)
#   stored  POST /api/v1/assessments            (validation + rules + one committed insert)
# then 20 s of stored POSTs paced at half the stored maximum (8 connections) for p50/p99, and the RSS at the end (and
# 10 s later).
# Prints a table (req/s, ratio to noop, p50, p99, errors) and each target as PASS or MISS.
# Settings (environment): BENCH_DB=postgresql|h2, BENCH_HEAP (96m), BENCH_JAVA_OPTS (40 MB young generation, C2 only,
#   serial GC, capped code cache and metaspace, native heap trimmed), MALLOC_ARENA_MAX (2), BENCH_PORT (18090),
#   BENCH_DURATION (20s), BENCH_WARMUP (10s), BUILD_DIR (target-bench-wrk-<db>; REBUILD=1 rebuilds), PGHOST/PGPORT/PGUSER for psql,
#   BENCH_PG_DB (posture_bench; dropped and created again, dropped at the end unless BENCH_KEEP_DB=1).
# Needs: wrk (apt-get install -y wrk), JDK 17, and for PostgreSQL psql with the right to create a database.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
export BENCH_DIR="$ROOT/src/bench/wrk"
BENCH_DB=${BENCH_DB:-postgresql}
HEAP=${BENCH_HEAP:-96m}
# The documented production setting (also in docker/Dockerfile.jvm): a small heap, the serial collector with a 40 MB
# young generation and large survivor spaces (no full collections under load), the C2 compiler only (no tiered C1
# code and profiles: the resident set stays under 300 MB, for 5-20 % of the rule-heavy rate), and the native heap
# kept small (two malloc arenas, freed memory given back every 5 s; JDK 17.0.9 or later).
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmn40m -XX:SurvivorRatio=3 -XX:-TieredCompilation -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=160m -XX:CICompilerCount=2 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PORT=${BENCH_PORT:-18090}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
# The database kind is fixed when the jar is built (quarkus.datasource.db-kind is a build-time property):
# one build directory per kind.
BUILD_DIR=${BUILD_DIR:-target-bench-wrk-$BENCH_DB}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
PG_DB=${BENCH_PG_DB:-posture_bench}
URL="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed: apt-get install -y wrk (Debian/Ubuntu), then run this again." >&2
    exit 1
fi

JAR="$BUILD_DIR/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "== building $JAR"
    DB_KIND=$BENCH_DB ./mvnw -B -q -DbuildDir="$BUILD_DIR" package -DskipTests
fi

WORK=$(mktemp -d)
APP_PID=
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    if [ "$BENCH_DB" = postgresql ] && [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

case "$BENCH_DB" in
    postgresql)
        command -v psql >/dev/null || { echo "psql is needed to create the fresh database" >&2; exit 1; }
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
        export DB_KIND=postgresql DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" DB_USER="$PGUSER"
        export DB_PASSWORD=${PGPASSWORD:-} ;;
    h2)
        export DB_KIND=h2 DB_URL="jdbc:h2:file:$WORK/bench;WRITE_DELAY=0" DB_USER=sa DB_PASSWORD= ;;
    *) echo "BENCH_DB must be postgresql or h2" >&2; exit 1 ;;
esac

echo "== starting the service: -Xmx$HEAP $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, $BENCH_DB, port $PORT (log: $WORK/app.log)"
java "-Xmx$HEAP" $JAVA_OPTS "-Dquarkus.http.port=$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
    curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the service exited:"; tail -30 "$WORK/app.log"; exit 1; }
    sleep 0.5
done
curl -sf "$URL/q/health/ready" >/dev/null || { echo "not ready in 120 s"; tail -30 "$WORK/app.log"; exit 1; }

# One sanity request per endpoint: a benchmark of error answers would measure nothing.
curl -sf -o /dev/null "$URL/api/v1/exercises/chin-tuck"
curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary "@$BENCH_DIR/body.json" \
    "$URL/api/v1/assessments/preview"
curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary "@$BENCH_DIR/body.json" \
    "$URL/api/v1/assessments"

declare -A RPS P50 P99 ERR
run() { # name script threads connections duration
    local out
    out=$(wrk -t"$3" -c"$4" -d"$5" --timeout 10s -s "$BENCH_DIR/$2" "$URL" | grep '^RESULT')
    RPS[$1]=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$out")
    P50[$1]=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$out")
    P99[$1]=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$out")
    ERR[$1]=$(sed 's/.* errors=\([0-9]*\).*/\1/' <<<"$out")
    echo "   $1: $out"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
echo "== warm-up, $WARMUP each"
for s in noop preview stored; do run "warm-$s" "$s.lua" 2 16 "$WARMUP"; done
echo "== measured, $DURATION each, 2 threads / 16 connections"
for s in noop preview stored; do run "$s" "$s.lua" 2 16 "$DURATION"; done

HALF=$(awk -v r="${RPS[stored]}" 'BEGIN { printf "%d", (r / 2 < 1 ? 1 : r / 2) }')
echo "== latency: stored POSTs offered at $HALF req/s (half the stored maximum), 8 connections, $DURATION"
BENCH_RATE=$HALF BENCH_CONNECTIONS=8 run paced stored-paced.lua 2 8 "$DURATION"

RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")
ROWS=$(curl -sf "$URL/api/v1/assessments?size=1&clientRef=bench" | sed 's/.*"total":\([0-9]*\).*/\1/')
# The figure at the end can hold a compile in progress (C2's arenas, given back within seconds by the native heap
# trim): the resident set 10 s later is printed beside it; the verdict keeps the figure at the end.
sleep 10
SETTLED_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="${RPS[noop]}" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
echo
echo "== summary ($BENCH_DB, -Xmx$HEAP $JAVA_OPTS, $(nproc) CPUs shared by wrk, the service and the database)"
printf '%-32s %10s %9s %9s %9s %7s\n' endpoint "req/s" "vs noop" "p50 ms" "p99 ms" errors
for s in noop preview stored paced; do
    case $s in
        noop) label="GET exercises/{id} (no-op)" ;; preview) label="POST assessments/preview" ;;
        stored) label="POST assessments (stored)" ;; paced) label="POST assessments @ $HALF req/s" ;;
    esac
    printf '%-32s %10s %9s %9s %9s %7s\n' "$label" "${RPS[$s]}" "$(ratio "${RPS[$s]}")" \
        "$(ms "${P50[$s]}")" "$(ms "${P99[$s]}")" "${ERR[$s]}"
done
echo "RSS at the end: $((RSS_KB / 1024)) MB (peak $((HWM_KB / 1024)) MB, $((SETTLED_KB / 1024)) MB 10 s later); assessments stored: $ROWS"
echo
verdict() { if awk "BEGIN { exit !($2) }"; then echo "PASS  $1"; else echo "MISS  $1"; fi; }
verdict "stored ≥ 20 % of no-op req/s ($(ratio "${RPS[stored]}"))" "${RPS[stored]} >= 0.2 * ${RPS[noop]}"
verdict "preview ≥ 50 % of no-op req/s ($(ratio "${RPS[preview]}"))" "${RPS[preview]} >= 0.5 * ${RPS[noop]}"
verdict "p99 ≤ 20 ms at half the stored maximum ($(ms "${P99[paced]}") ms)" "${P99[paced]} <= 20000"
verdict "RSS ≤ 300 MB ($((RSS_KB / 1024)) MB)" "$RSS_KB <= 300 * 1024"
TOTAL_ERR=$(( ${ERR[noop]} + ${ERR[preview]} + ${ERR[stored]} + ${ERR[paced]} ))
[ "$TOTAL_ERR" = 0 ] || { echo "MISS  $TOTAL_ERR requests failed or were not 2xx: the figures are not valid"; exit 1; }
