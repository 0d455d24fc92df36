#!/usr/bin/env bash
# Stormdesk feedback benchmark: the detector of S6.1 on its own, in one JVM with a small heap. Reads a generated
# stream of customer contacts (ContactStream: daily pattern, Chinese and English, injected problems) and prints
#   - throughput: contacts a minute the detector reads (target: 5,000 a minute), best of several rounds;
#   - memory over a long stream: the heap after a full GC at the end of every simulated day (it must not grow).
#
#   backend/bench/feedback.sh [--peak 400] [--days 30] [--long-peak 60] [--rounds 3]
#
# --peak: contacts a minute at the busiest hour of the throughput stream (two days); --days and --long-peak: the
# length and the busiest rate of the memory stream. Environment: JAVA_HOME (Java 25; defaults to
# /usr/lib/jvm/temurin-25-jdk-amd64 when present), FEEDBACK_BENCH_HEAP (default 256m).
set -euo pipefail

ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --peak|--days|--long-peak|--rounds)
            [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "$1 needs a positive number" >&2; exit 2; }
            ARGS+=("$1" "$2"); shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] && [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
BACKEND="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/stormdesk-feedback-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
log() { echo "[feedback-bench] $*" >&2; }
PG_DB=""
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

private_jar
mkdir -p "$WORK/classes"
javac -cp "$WORK/stormdesk.jar" -d "$WORK/classes" "$BENCH_DIR/FeedbackBenchmark.java"
log "java $(java -version 2>&1 | head -1), $(nproc) cores, heap ${FEEDBACK_BENCH_HEAP:-256m}"
java -Xmx"${FEEDBACK_BENCH_HEAP:-256m}" -Xms64m -cp "$WORK/classes:$WORK/stormdesk.jar" FeedbackBenchmark "${ARGS[@]}"
