#!/usr/bin/env bash
# Outbound benchmark: times the reallocation in process for plans of 1,000 to 20,000 calls, then starts a throw-away
# demo server (H2) and imports a plan of CALLS rows over HTTP, pulls an outbound agent onto the lines and reads the
# proposed reallocation. Prints allocations/s, calls imported/s and the time to read a proposal.
# Options: --calls N (5000)  --keep
set -euo pipefail

CALLS=5000
KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --calls) CALLS="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
[[ "$CALLS" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive number: $CALLS" >&2; exit 2; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] && [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKEND="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stormdesk-outbound.XXXXXX")"
SERVER_PID=""
log() { printf '[outbound.sh] %s\n' "$*"; }
source "$BENCH_DIR/lib.sh"

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    [[ "$KEEP" == 1 ]] && log "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

private_jar
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log "server on port $PORT (h2, demo plan off), data in $WORK/data"
java -Xmx1g -Dmicronaut.environments=demo -Dstormdesk.traffic.simulator.enabled=false -Dstormdesk.outbound.demo-plan=false \
    -Dmicronaut.server.port="$PORT" -Dstormdesk.data-dir="$WORK/data" -jar "$WORK/stormdesk.jar" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
mkdir -p "$WORK/classes"
javac -cp "$WORK/stormdesk.jar" -d "$WORK/classes" "$BENCH_DIR/OutboundBenchmark.java"
wait_healthy "$SERVER_PID" "$PORT" "$WORK/server.log"
log "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$WORK/classes:$WORK/stormdesk.jar" OutboundBenchmark "http://127.0.0.1:$PORT" "$CALLS"
log "server CPU time: $(ps -o cputime= -p "$SERVER_PID" 2>/dev/null || echo unknown)"
