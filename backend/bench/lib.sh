# Shared by the benchmark scripts (sourced, not run): the server jar, the PostgreSQL database, free ports and
# waiting for a server to start. Expects BACKEND, WORK, JAVA_HOME, PG_DB, PGHOST, PGPORT, PGUSER and a log function.

drop_pg_db() {
    if [[ -n "$PG_DB" ]]; then
        psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qc \
            "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 \
            || log "could not drop database $PG_DB"
        PG_DB=""
    fi
}

# The server jar.
# Another build may be writing target/ at the same time: build only when the jar is missing, retry a
# few times, and run from a private copy so that a rebuild cannot pull the jar from under the server.
private_jar() {
    JAR="$BACKEND/target/stormdesk.jar"
    jar_ok() { [[ -s "$JAR" ]] && "$JAVA_HOME/bin/jar" tf "$JAR" >/dev/null 2>&1; }
    for attempt in 1 2 3 4 5 6; do
        jar_ok && break
        if [[ ! -e "$JAR" ]]; then
            log "building $JAR (attempt $attempt)"
            if (cd "$BACKEND" && mvn -q -B -Dpwa.skip=true package -DskipTests) >"$WORK/build.log" 2>&1; then
                jar_ok && break
            else
                log "build failed or busy; see the last lines below, retrying in 20 s"
                tail -5 "$WORK/build.log" || true
            fi
        else
            log "$JAR is being written; waiting"
        fi
        sleep 20
    done
    jar_ok || { echo "no usable $JAR" >&2; exit 1; }
    cp "$JAR" "$WORK/stormdesk.jar"
}

# A free loopback port (one that nothing answers on).
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# wait_healthy PID PORT LOG: waits up to 120 s for the server's /health; shows its log when it dies or stays silent.
wait_healthy() {
    local pid="$1" port="$2" log_file="$3"
    for _ in $(seq 1 240); do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "the server (pid $pid) exited while starting; last lines of its log:"
            tail -40 "$log_file" || true
            return 1
        fi
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    log "the server (pid $pid) did not answer /health within 120 s; last lines of its log:"
    tail -40 "$log_file" || true
    return 1
}
