# Shared by the benchmark scripts (sourced, not run): the server jar and the PostgreSQL database they use.
# Expects BACKEND, WORK, JAVA_HOME, PG_DB, PGHOST, PGPORT, PGUSER and a log function.

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
