#!/usr/bin/env bash
# Stormdesk storm benchmark: starts a throw-away Stormdesk server per database on a free loopback port,
# drives it with StormBenchmark.java (report storm, sync storm, raw insert baseline), stops it and
# drops what it created. Prints one summary block per database at the end.
#
#   backend/bench/storm.sh [--agents 1000] [--devices 100] [--entries 100] [--db h2|postgres|both]
#                          [--concurrency 64] [--raw-seconds 5] [--keep]
#
# Environment: JAVA_HOME (Java 25; defaults to /usr/lib/jvm/temurin-25-jdk-amd64 when present),
# PGHOST/PGPORT/PGUSER/PGPASSWORD for PostgreSQL (default 127.0.0.1:5432, postgres, no password),
# STORM_SERVER_JAVA_OPTS for extra JVM options of the server under test (e.g. -Xmx1g or a flight recording).
set -euo pipefail

AGENTS=1000
DEVICES=100
ENTRIES=100
DB=both
CONCURRENCY=64
RAW_SECONDS=5
KEEP=0

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --agents) AGENTS="$2"; shift 2 ;;
        --devices) DEVICES="$2"; shift 2 ;;
        --entries) ENTRIES="$2"; shift 2 ;;
        --db) DB="$2"; shift 2 ;;
        --concurrency) CONCURRENCY="$2"; shift 2 ;;
        --raw-seconds) RAW_SECONDS="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option: $1" >&2; usage 2 ;;
    esac
done
for n in "$AGENTS" "$DEVICES" "$ENTRIES" "$CONCURRENCY"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive number: $n" >&2; exit 2; }
done
case "$DB" in
    h2) DATABASES=(h2) ;;
    postgres) DATABASES=(postgres) ;;
    both) DATABASES=(h2 postgres) ;;
    *) echo "--db must be h2, postgres or both" >&2; exit 2 ;;
esac

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] && [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
JAVA_FEATURE=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ -z "$JAVA_FEATURE" || "$JAVA_FEATURE" -lt 25 ]]; then
    echo "Java 25 or newer is needed (JAVA_HOME=$JAVA_HOME is Java ${JAVA_FEATURE:-unknown})" >&2
    exit 2
fi

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
PGPASSWORD="${PGPASSWORD:-}"
export PGPASSWORD
if [[ "$PGHOST" != "127.0.0.1" && "$PGHOST" != "localhost" ]]; then
    echo "the benchmark only uses a local PostgreSQL (PGHOST=$PGHOST)" >&2
    exit 2
fi

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKEND="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stormdesk-bench.XXXXXX")"
SERVER_PID=""
PG_DB=""

log() { printf '[storm.sh] %s\n' "$*"; }
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "server $SERVER_PID did not stop in 20 s; killing it"
            kill -9 "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}


cleanup() {
    stop_server
    drop_pg_db
    if [[ "$KEEP" == 1 ]]; then
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

private_jar

# --- the JDBC drivers for the raw baseline ----------------------------------------------------------
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
build_classpath() {
    (cd "$BACKEND" && mvn "$@" -q -B "$DEP_PLUGIN" -DincludeScope=runtime -Dmdep.outputFile="$WORK/runtime.cp") \
        >"$WORK/classpath.log" 2>&1
}
DRIVERS=""
if build_classpath -o || build_classpath; then
    DRIVERS=$(tr ':' '\n' <"$WORK/runtime.cp" | grep -E '/(com/h2database/h2|org/postgresql/postgresql)/' | paste -sd: -)
fi
if [[ -z "$DRIVERS" ]]; then
    log "maven could not list the runtime classpath; looking for the drivers in ~/.m2"
    M2="${HOME}/.m2/repository"
    H2_JAR=$(ls "$M2"/com/h2database/h2/*/h2-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)
    PG_JAR=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)
    DRIVERS="$H2_JAR:$PG_JAR"
fi
[[ "$DRIVERS" == *h2* && "$DRIVERS" == *postgresql* ]] || { echo "H2 or PostgreSQL JDBC driver not found" >&2; exit 1; }

mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$BENCH_DIR/StormBenchmark.java" "$BENCH_DIR/BenchJson.java"

# --- one run per database ---------------------------------------------------------------------------
STATUS=0
SUMMARIES=()
for db in "${DATABASES[@]}"; do
    DATA="$WORK/data-$db"
    mkdir -p "$DATA"
    PORT=$(free_port)
    SERVER_LOG="$WORK/server-$db.log"
    SERVER_ARGS=(--micronaut.server.port="$PORT" --stormdesk.data-dir="$DATA")
    if [[ "$db" == postgres ]]; then
        PG_DB="stormdesk_bench_$(date +%s)_$RANDOM"
        psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$PG_DB\"" >/dev/null
        JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB"
        SERVER_ARGS+=(--datasources.default.url="$JDBC_URL" --datasources.default.username="$PGUSER"
                      --datasources.default.password="$PGPASSWORD")
        RAW_ARGS=(--db-label "PostgreSQL" --raw-jdbc-url "$JDBC_URL" --raw-user "$PGUSER" --raw-password "$PGPASSWORD")
    else
        # The server holds its H2 file; the baseline writes a second file beside it, same settings.
        RAW_URL="jdbc:h2:file:$DATA/bench_raw;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;TIME ZONE=UTC"
        RAW_ARGS=(--db-label "H2 (embedded file)" --raw-jdbc-url "$RAW_URL" --raw-user sa --raw-password "")
    fi

    log "starting Stormdesk on 127.0.0.1:$PORT with $db (log: $SERVER_LOG)"
    # shellcheck disable=SC2086
    java ${STORM_SERVER_JAVA_OPTS:-} -Dmicronaut.environments=demo -jar "$WORK/stormdesk.jar" "${SERVER_ARGS[@]}" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    if ! wait_healthy "$SERVER_PID" "$PORT" "$SERVER_LOG"; then
        STATUS=1
        stop_server
        drop_pg_db
        continue
    fi

    SUMMARY="$WORK/summary-$db.txt"
    set +e
    timeout 1800 java -cp "$WORK/classes:$DRIVERS" StormBenchmark \
        --base-url "http://127.0.0.1:$PORT" --agents "$AGENTS" --devices "$DEVICES" --entries "$ENTRIES" \
        --concurrency "$CONCURRENCY" --raw-seconds "$RAW_SECONDS" --summary "$SUMMARY" --server-pid "$SERVER_PID" "${RAW_ARGS[@]}"
    rc=$?
    set -e
    [[ $rc -eq 0 ]] || STATUS=1

    stop_server
    drop_pg_db

    # What the server complained about while it was under load.
    problems=$(grep -cE ' (ERROR|WARN) ' "$SERVER_LOG" || true)
    {
        if [[ -s "$SUMMARY" ]]; then cat "$SUMMARY"; else echo "Stormdesk storm benchmark - $db: no summary (exit $rc)"; fi
        echo "  server log: ${problems:-0} WARN/ERROR line(s)"
        grep -E ' (ERROR|WARN) ' "$SERVER_LOG" | sed -E 's/^[0-9:.]+ +//' | cut -c1-200 | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /' || true
    } >"$SUMMARY.full"
    SUMMARIES+=("$SUMMARY.full")
done

echo
echo "################################ summary ################################"
for s in "${SUMMARIES[@]}"; do
    echo
    cat "$s"
done
exit "$STATUS"
