#!/usr/bin/env bash
# Stormdesk two-node benchmark: starts two throw-away Stormdesk nodes on free loopback ports against one fresh
# PostgreSQL database (journal in PostgreSQL, then in MongoDB), drives a sync storm through both with
# NodesBenchmark.java, kills node 2 with SIGKILL in the middle (devices fail over to node 1), and reads everything
# back: entries/s, push p99, losses, duplicates, sequence gaps, and how late the timers due at the kill fired
# (the dead node's leases). Prints one summary block per journal store at the end.
#
#   backend/bench/nodes.sh [--devices 1000] [--entries 10] [--concurrency 200] [--store jdbc|mongodb|both]
#                          [--kill-after 4] [--no-kill] [--mongodb-uri URI] [--keep]
#
# The MongoDB run uses an in-memory MongoDB wire-protocol server (mongo-java-server) unless --mongodb-uri names a
# real replica set: its figures measure Stormdesk and the driver, not MongoDB's storage engine.
# Environment: JAVA_HOME (Java 25), PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, postgres).
set -euo pipefail

DEVICES=1000
ENTRIES=10
CONCURRENCY=200
STORES=(jdbc mongodb)
KILL=1
KILL_AFTER=4
MONGODB_URI=""
KEEP=0

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --devices) DEVICES="$2"; shift 2 ;;
        --entries) ENTRIES="$2"; shift 2 ;;
        --concurrency) CONCURRENCY="$2"; shift 2 ;;
        --store) case "$2" in both) STORES=(jdbc mongodb) ;; jdbc|mongodb) STORES=("$2") ;; *) usage 2 ;; esac; shift 2 ;;
        --kill-after) KILL_AFTER="$2"; shift 2 ;;
        --no-kill) KILL=0; shift ;;
        --mongodb-uri) MONGODB_URI="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option: $1" >&2; usage 2 ;;
    esac
done
for n in "$DEVICES" "$ENTRIES" "$CONCURRENCY" "$KILL_AFTER"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive whole number: $n" >&2; exit 2; }
done

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] && [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
PGPASSWORD="${PGPASSWORD:-}"
export PGPASSWORD

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
BACKEND="$(dirname "$BENCH_DIR")"
WORK="$(mktemp -d -t stormdesk-nodes.XXXXXX)"
PG_DB=""
PIDS=()
log() { printf '[nodes.sh] %s\n' "$*"; }
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

stop_all() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}
cleanup() {
    stop_all
    drop_pg_db
    if [[ "$KEEP" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

private_jar
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$BENCH_DIR/NodesBenchmark.java" "$BENCH_DIR/BenchJson.java"
if [[ " ${STORES[*]} " == *" mongodb "* && -z "$MONGODB_URI" ]]; then
    (cd "$BACKEND" && mvn -q -B -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -DincludeScope=test -Dmdep.outputFile="$WORK/test.cp") >"$WORK/classpath.log" 2>&1 \
        || (cd "$BACKEND" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
        -DincludeScope=test -Dmdep.outputFile="$WORK/test.cp") >>"$WORK/classpath.log" 2>&1
    javac -cp "$(cat "$WORK/test.cp")" -d "$WORK/classes" "$BENCH_DIR/MongoStandIn.java"
fi

STATUS=0
SUMMARIES=()
for store in "${STORES[@]}"; do
    PG_DB="stormdesk_nodes_$(date +%s)_$RANDOM"
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$PG_DB\"" >/dev/null
    ARGS=(--datasources.default.url="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" --datasources.default.username="$PGUSER"
          --datasources.default.password="$PGPASSWORD")
    LABEL="journal in PostgreSQL"
    if [[ "$store" == mongodb ]]; then
        URI="$MONGODB_URI"
        LABEL="journal in MongoDB ($URI)"
        if [[ -z "$URI" ]]; then
            MPORT=$(free_port)
            java -cp "$WORK/classes:$(cat "$WORK/test.cp")" MongoStandIn "$MPORT" >"$WORK/mongo.log" 2>&1 &
            PIDS+=($!)
            sleep 2
            URI="mongodb://127.0.0.1:$MPORT/stormdesk_nodes"
            LABEL="journal in MongoDB (mongo-java-server in memory)"
        fi
        ARGS+=(--stormdesk.journal.store=mongodb --stormdesk.journal.mongodb.uri="$URI")
    fi
    NODE_URLS=()
    NODE_PIDS=()
    for n in 1 2; do
        PORT=$(free_port)
        mkdir -p "$WORK/data-$store-$n"
        java -Xmx768m -Dmicronaut.environments=demo -jar "$WORK/stormdesk.jar" --micronaut.server.port="$PORT" \
            --stormdesk.data-dir="$WORK/data-$store-$n" "${ARGS[@]}" >"$WORK/node-$store-$n.log" 2>&1 &
        PIDS+=($!)
        NODE_PIDS+=($!)
        NODE_URLS+=("http://127.0.0.1:$PORT")
        wait_healthy "${NODE_PIDS[-1]}" "$PORT" "$WORK/node-$store-$n.log" || { STATUS=1; continue 2; }
    done
    log "$LABEL: nodes ${NODE_URLS[*]}"
    KILL_ARGS=()
    [[ "$KILL" == 1 ]] && KILL_ARGS=(--kill --kill-after "$KILL_AFTER")
    set +e
    timeout 1200 java -cp "$WORK/classes" NodesBenchmark --nodes "$(IFS=,; echo "${NODE_URLS[*]}")" \
        --node-pids "$(IFS=,; echo "${NODE_PIDS[*]}")" --devices "$DEVICES" --entries "$ENTRIES" \
        --concurrency "$CONCURRENCY" --label "$LABEL" --summary "$WORK/summary-$store.txt" "${KILL_ARGS[@]}"
    rc=$?
    set -e
    [[ $rc -eq 0 ]] || STATUS=1
    stop_all
    drop_pg_db
    SUMMARIES+=("$WORK/summary-$store.txt")
done

echo
echo "################################ summary ################################"
for s in "${SUMMARIES[@]}"; do
    echo
    if [[ -s "$s" ]]; then cat "$s"; else echo "(no summary: $s)"; fi
done
exit "$STATUS"
