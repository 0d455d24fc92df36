#!/usr/bin/env bash
# Stormdesk timer benchmark: starts two throw-away Stormdesk nodes on free loopback ports against one fresh
# PostgreSQL database, schedules many escalation timers due within the same few minutes with TimerBenchmark.java,
# reports how many fired, twice, lost and how late; optionally kills one node with kill -9 halfway. Stops the
# nodes and drops what it created, and prints one summary block per run at the end.
#
#   backend/bench/timers.sh [--timers 10000] [--window 120] [--lead 75] [--kill | --no-kill] [--keep]
#
# Without --kill or --no-kill both runs are made: two nodes throughout, then node 2 killed halfway.
# Environment: JAVA_HOME (Java 25; defaults to /usr/lib/jvm/temurin-25-jdk-amd64 when present),
# PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, postgres, no password),
# TIMERS_SERVER_JAVA_OPTS for extra JVM options of the nodes, TIMERS_POOL_SIZE (connections per node, default 8).
set -euo pipefail

TIMERS=10000
WINDOW=120
LEAD=75
VARIANTS=(no-kill kill)
KEEP=0
POOL="${TIMERS_POOL_SIZE:-8}"

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --timers) TIMERS="$2"; shift 2 ;;
        --window) WINDOW="$2"; shift 2 ;;
        --lead) LEAD="$2"; shift 2 ;;
        --kill) VARIANTS=(kill); shift ;;
        --no-kill) VARIANTS=(no-kill); shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option: $1" >&2; usage 2 ;;
    esac
done
for n in "$TIMERS" "$WINDOW" "$LEAD" "$POOL"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive number: $n" >&2; exit 2; }
done
(( TIMERS <= 50000 && WINDOW <= 600 && LEAD <= 600 && POOL <= 20 )) \
    || { echo "--timers at most 50000, --window and --lead at most 600 s, TIMERS_POOL_SIZE at most 20" >&2; exit 2; }

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
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stormdesk-timers.XXXXXX")"
NODE_PIDS=()
PG_DB=""

log() { printf '[timers.sh] %s\n' "$*"; }
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

stop_nodes() {
    local pid
    for pid in "${NODE_PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${NODE_PIDS[@]}"; do
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "node $pid did not stop in 20 s; killing it"
            kill -9 "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    NODE_PIDS=()
}


cleanup() {
    stop_nodes
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

# --- the PostgreSQL JDBC driver for the row checks --------------------------------------------------
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
build_classpath() {
    (cd "$BACKEND" && mvn "$@" -q -B "$DEP_PLUGIN" -DincludeScope=runtime -Dmdep.outputFile="$WORK/runtime.cp") \
        >"$WORK/classpath.log" 2>&1
}
DRIVER=""
if build_classpath -o || build_classpath; then
    DRIVER=$(tr ':' '\n' <"$WORK/runtime.cp" | grep -E '/org/postgresql/postgresql/' | paste -sd: - || true)
fi
if [[ -z "$DRIVER" ]]; then
    log "maven could not list the runtime classpath; looking for the driver in ~/.m2"
    DRIVER=$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)
fi
[[ "$DRIVER" == *postgresql* ]] || { echo "PostgreSQL JDBC driver not found" >&2; exit 1; }

mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$BENCH_DIR/TimerBenchmark.java" "$BENCH_DIR/BenchJson.java"

# --- the runs -----------------------------------------------------------------------------------------
# Both nodes sign sessions with the same secret, as a cluster must.
SESSION_SECRET=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')

# start_node NAME PORT VARIANT: starts a node on the current database; its pid is appended to NODE_PIDS. Its
# connections carry its name (pg_stat_activity.application_name), so the benchmark can tell whose they are.
start_node() {
    local name="$1" port="$2" data="$WORK/$1-data-$3" log_file="$WORK/$1-$3.log"
    mkdir -p "$data"
    log "starting $name on 127.0.0.1:$port (log: $log_file)"
    # shellcheck disable=SC2086
    java ${TIMERS_SERVER_JAVA_OPTS:-} -Dmicronaut.environments=demo -jar "$WORK/stormdesk.jar" \
        --micronaut.server.port="$port" --stormdesk.data-dir="$data" \
        --datasources.default.url="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB?ApplicationName=stormdesk-$name" \
        --datasources.default.username="$PGUSER" --datasources.default.password="$PGPASSWORD" \
        --datasources.default.maximum-pool-size="$POOL" --stormdesk.session-secret="$SESSION_SECRET" \
        >"$log_file" 2>&1 &
    NODE_PIDS+=($!)
    wait_healthy "$!" "$port" "$log_file"
}

STATUS=0
SUMMARIES=()
START_ALL=$(date +%s)
for variant in "${VARIANTS[@]}"; do
    PG_DB="stormdesk_timers_$(date +%s)_$RANDOM"
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$PG_DB\"" >/dev/null
    P1=$(free_port)
    P2=$(free_port)
    while [[ "$P2" == "$P1" ]]; do P2=$(free_port); done
    SUMMARY="$WORK/summary-$variant.txt"
    rc=1
    # The first node migrates the fresh database; the second starts once it has.
    if start_node node1 "$P1" "$variant" && start_node node2 "$P2" "$variant"; then
        KILL_ARG=()
        LABEL="two nodes"
        if [[ "$variant" == kill ]]; then
            KILL_ARG=(--kill)
            LABEL="two nodes, node 2 killed (kill -9) halfway"
        fi
        set +e
        timeout 900 java -cp "$WORK/classes:$DRIVER" TimerBenchmark \
            --node-urls "http://127.0.0.1:$P1,http://127.0.0.1:$P2" --node-pids "${NODE_PIDS[0]},${NODE_PIDS[1]}" \
            --jdbc-url "jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" --db-user "$PGUSER" --db-password "$PGPASSWORD" \
            --timers "$TIMERS" --window "$WINDOW" --lead "$LEAD" --label "$LABEL" --summary "$SUMMARY" "${KILL_ARG[@]}"
        rc=$?
        set -e
    fi
    [[ $rc -eq 0 ]] || STATUS=1

    stop_nodes
    drop_pg_db

    # What the nodes complained about.
    {
        if [[ -s "$SUMMARY" ]]; then cat "$SUMMARY"; else echo "Stormdesk timer benchmark - $variant: no summary (exit $rc)"; fi
        for node in node1 node2; do
            node_log="$WORK/$node-$variant.log"
            [[ -f "$node_log" ]] || continue
            problems=$(grep -cE ' (ERROR|WARN) ' "$node_log" || true)
            echo "  $node log: ${problems:-0} WARN/ERROR line(s)"
            grep -E ' (ERROR|WARN) ' "$node_log" | sed -E 's/^[0-9:.]+ +//' | cut -c1-200 | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /' || true
        done
    } >"$SUMMARY.full"
    SUMMARIES+=("$SUMMARY.full")
done

echo
echo "################################ summary ################################"
for s in "${SUMMARIES[@]}"; do
    echo
    cat "$s"
done
echo
echo "total run time: $(( $(date +%s) - START_ALL )) s"
exit "$STATUS"
