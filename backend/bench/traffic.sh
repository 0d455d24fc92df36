#!/usr/bin/env bash
# Traffic benchmark: starts a throw-away server (H2, or PostgreSQL with --db postgres), then
#   1. ingests a year of 15-minute samples for 200 queues over HTTP (POST /api/traffic/samples, batches of 5,000),
#   2. rebuilds every queue's baseline from the stored history, running the surge detector over each interval,
#   3. times Erlang C and Erlang A staffing (fewest agents for 80 % in 20 s) for queues of 1 to 5,000 agents.
# Prints samples/s ingested, the time to rebuild the baselines, detections/s and Erlang computations/s.
# Options: --queues N (200)  --days N (365)  --concurrency N (2)  --db h2|postgres (h2)  --keep
set -euo pipefail

QUEUES=200
DAYS=365
CONCURRENCY=2
DB=h2
KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --queues) QUEUES="$2"; shift 2 ;;
        --days) DAYS="$2"; shift 2 ;;
        --concurrency) CONCURRENCY="$2"; shift 2 ;;
        --db) DB="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
for n in "$QUEUES" "$DAYS" "$CONCURRENCY"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive number: $n" >&2; exit 2; }
done
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] && [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKEND="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stormdesk-traffic.XXXXXX")"
SERVER_PID=""
PG_DB=""
log() { printf '[traffic.sh] %s\n' "$*"; }
source "$BENCH_DIR/lib.sh"

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    drop_pg_db
    [[ "$KEEP" == 1 ]] && log "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

private_jar
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DB_OPTS=()
if [[ "$DB" == postgres ]]; then
    PG_DB="stormdesk_traffic_bench_$$"
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE \"$PG_DB\"" >/dev/null
    DB_OPTS=(-Ddatasources.default.url="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" -Ddatasources.default.username="$PGUSER"
             -Ddatasources.default.password="${PGPASSWORD:-}" -Ddatasources.default.driver-class-name=org.postgresql.Driver)
fi
log "server on port $PORT ($DB), data in $WORK/data"
java -Xmx1g -Dmicronaut.environments=demo -Dstormdesk.traffic.simulator.enabled=false -Dmicronaut.server.port="$PORT" \
    -Dstormdesk.data-dir="$WORK/data" "${DB_OPTS[@]}" -jar "$WORK/stormdesk.jar" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/server.log"; exit 1; }
    sleep 1
done
mkdir -p "$WORK/classes"
javac -cp "$WORK/stormdesk.jar" -d "$WORK/classes" "$BENCH_DIR/TrafficBenchmark.java"
log "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$WORK/classes:$WORK/stormdesk.jar" TrafficBenchmark "http://127.0.0.1:$PORT" "$QUEUES" "$DAYS" "$CONCURRENCY"
log "server CPU time: $(ps -o cputime= -p "$SERVER_PID" 2>/dev/null || echo unknown)"
