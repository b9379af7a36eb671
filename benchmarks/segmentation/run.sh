#!/usr/bin/env bash
# benchmarks/segmentation/run.sh — segmentation-service benchmark (issue 14).
#
# Starts its OWN Kafka 4.0 (KRaft, 127.0.0.1:49092/49093), its OWN PostgreSQL cluster (127.0.0.1:45432) and the
# segmentation-service (127.0.0.1:48082), all under $BENCH_WORK (default /tmp/seg-bench), runs the phases, stops
# everything it started, and writes benchmarks/results/segmentation-<YYYY-MM-DD>.md.
#
# Phases:
#   pg-insert     raw PostgreSQL batched-insert rate into a profile_order twin                      (--runs times)
#   simulate      one simulator history (--customers, --days, history end = now) to a JSON-lines file + ground truth
#   intake        per run: fresh topics + databases, the history published while the services are stopped, raw Kafka
#                 consumer rate over it; then feedback-service (127.0.0.1:48084, database feedback) started alone and the
#                 committed offsets of its texts (interactions) and invitations (orders, interactions) use cases polled
#                 until they have applied everything (issue 15's intake rate; it publishes feedback-events meanwhile);
#                 then segmentation-service started and its committed offsets polled until it has applied everything
#                 (rate = slope 10-90 %); checksum of every profile row, 1 % of the events published again (same
#                 eventId), checksum again                                                             (--runs times)
#   churn         on the last intake run's database, once segmentation has applied feedback-service's events: fit with
#                 a 13-week holdout (predicted vs actual), then fit up to the history end (activate) and read every
#                 customer's churn.probabilityAlive and feedback from the profile API: ROC AUC for the truth's droppedOut,
#                 against the recency rule, and with the feedback signals (issue 15)
#   models        in process: BG/NBD, Pareto/NBD, Gamma-Gamma optimisation time on --model-customers synthetic
#                 customers and on CDNOW (medians after JIT warm-up)
#   evaluation    fresh database, --eval-customers profiles seeded with SQL; POST /models/fit on them (end to end
#                 from the database, activated), --fit-runs times; then POST /evaluations, scoring churn with that
#                 fit: first run (every customer changes) and second run (nothing changes), --eval-runs times
#
# Usage: benchmarks/segmentation/run.sh [--customers N] [--days D] [--runs R] [--pg-rows N]
#            [--eval-customers N] [--eval-runs R] [--fit-runs R] [--eval-shape bgnbd|simple]
#            [--model-customers N] [--model-reps R]
#            [--skip-intake] [--skip-churn] [--skip-models] [--skip-eval] [--skip-feedback]
#            [--quick] [--skip-build] [--keep-work] [--report FILE] [--notes FILE]
#            [--report-only]  (no measurement: rebuild the report from the work files of the last run in $BENCH_WORK)
#   --quick = --customers 5000 --runs 1 --pg-rows 200000 --eval-customers 100000 --eval-runs 1 --fit-runs 1
#             --model-customers 100000 --model-reps 3   (a few minutes)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
HERE="$ROOT/benchmarks/segmentation"
cd "$ROOT"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"

WORK="${BENCH_WORK:-/tmp/seg-bench}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-49092}"
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-49093}"
PG_PORT="${BENCH_PG_PORT:-45432}"
SERVICE_PORT="${BENCH_SERVICE_PORT:-48082}"
FEEDBACK_PORT="${BENCH_FEEDBACK_PORT:-48084}"
PARTITIONS=12
SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS:--Xms256m -Xmx2g -XX:MaxGCPauseMillis=20 -XX:+PerfDisableSharedMem}"   # as the local stack (./platform)
KAFKA_HEAP_OPTS="${BENCH_KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
PG_SHARED_BUFFERS="${BENCH_PG_SHARED_BUFFERS:-256MB}"

CUSTOMERS=10000
DAYS=730
SEED=42
RUNS=2
PG_ROWS=500000
EVAL_CUSTOMERS=1000000
EVAL_RUNS=2
FIT_RUNS=2
MODEL_CUSTOMERS=1000000
MODEL_REPS=5
EVAL_SHAPE=bgnbd
SKIP_INTAKE=0; SKIP_CHURN=0; SKIP_MODELS=0; SKIP_EVAL=0
SKIP_BUILD=0
SKIP_FEEDBACK=0
KEEP_WORK=0
REPORT=""
NOTES=""
REPORT_ONLY=0
ARGS=("$@")
if [[ " $* " == *" --report-only "* && -f "${BENCH_WORK:-/tmp/seg-bench}/args.txt" ]]; then
    # rebuild the report of the last run from its work files, with the options of that run
    mapfile -t ARGS < "${BENCH_WORK:-/tmp/seg-bench}/args.txt"
    EXTRA=("$@")
    set -- "${ARGS[@]}" "${EXTRA[@]}"
fi
while [[ $# -gt 0 ]]; do
    case "$1" in
        --customers) CUSTOMERS="$2"; shift ;;
        --days) DAYS="$2"; shift ;;
        --seed) SEED="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --pg-rows) PG_ROWS="$2"; shift ;;
        --eval-customers) EVAL_CUSTOMERS="$2"; shift ;;
        --eval-runs) EVAL_RUNS="$2"; shift ;;
        --fit-runs) FIT_RUNS="$2"; shift ;;
        --model-customers) MODEL_CUSTOMERS="$2"; shift ;;
        --model-reps) MODEL_REPS="$2"; shift ;;
        --eval-shape) EVAL_SHAPE="$2"; shift ;;
        --skip-intake) SKIP_INTAKE=1; SKIP_CHURN=1 ;;
        --skip-churn) SKIP_CHURN=1 ;;
        --skip-models) SKIP_MODELS=1 ;;
        --skip-eval) SKIP_EVAL=1 ;;
        --skip-feedback) SKIP_FEEDBACK=1 ;;
        --quick) CUSTOMERS=5000; RUNS=1; PG_ROWS=200000; EVAL_CUSTOMERS=100000; EVAL_RUNS=1; FIT_RUNS=1; MODEL_CUSTOMERS=100000; MODEL_REPS=3 ;;
        --skip-build) SKIP_BUILD=1 ;;
        --keep-work) KEEP_WORK=1 ;;
        --report) REPORT="$2"; shift ;;
        --notes) NOTES="$2"; shift ;;
        --report-only) REPORT_ONLY=1 ;;
        -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
DATE="$(date -u +%F)"
if (( REPORT_ONLY )) && [[ -f "${BENCH_WORK:-/tmp/seg-bench}/times.txt" ]]; then DATE="$(sed -n 3p "${BENCH_WORK:-/tmp/seg-bench}/times.txt")"; fi
REPORT="${REPORT:-$ROOT/benchmarks/results/segmentation-$DATE.md}"

LOG_DIR="$WORK/logs"
KAFKA_DIR="$WORK/kafka"
PG_DIR="$WORK/pg"
KEY_DIR="$WORK/keys"
RESULTS="$WORK/results.log"       # "<label> RESULT phase=... k=v ..." lines
BENCH_JAR="$HERE/target/segmentation-bench.jar"
SERVICE_JAR="$ROOT/segmentation-service/target/quarkus-app/quarkus-run.jar"
FEEDBACK_JAR="$ROOT/feedback-service/target/quarkus-app/quarkus-run.jar"
FEEDBACK_DB=feedback
FEEDBACK_PID=""
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
JVM_OPTS=(-Djava.awt.headless=true --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
MARKER="-Dsegmentation-bench.home=$WORK"
CDNOW_DIR="$(cd "$ROOT/.." && pwd -P)/shared/datasets/cdnow"
DB=segmentation

info() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
port_in_use() { [[ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]]; }

# ------------------------------------------------------------------------------------------------ process tracking
SERVICE_PID=""; KAFKA_PID=""; PG_STARTED=0; SAMPLER_PID=""; AWAIT_PID=""

spawn() {   # LOG CMD... -> prints the pid (own session, so the whole group can be stopped)
    local log="$1"; shift
    setsid bash -c 'echo $$ > "$0.pid"; exec "$@"' "$log" "$@" >> "$log" 2>&1 < /dev/null &
    local i; for i in $(seq 1 50); do [[ -s "$log.pid" ]] && break; sleep 0.1; done
    cat "$log.pid"; rm -f "$log.pid"
}

stop_pid() {   # NAME PID
    local name="$1" pid="$2" i
    [[ -n "$pid" ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        info "$name (pid $pid) did not stop in 30 s: SIGKILL"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    kill -KILL -- "-$pid" 2>/dev/null || true
}

pg() {   # psql on DB (first arg)
    local db="$1"; shift
    PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pgss_dump() {   # FILE: statements of the service's database by total time since the last reset
    pg postgres -F $'\t' -A -c "SELECT calls, round(total_exec_time::numeric/1000, 1) AS total_s, round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB') ORDER BY total_exec_time DESC LIMIT 14" > "$1" || true
}

as_pg() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_sampler() {
    [[ -n "$SAMPLER_PID" ]] || return 0
    kill "$SAMPLER_PID" 2>/dev/null || true
    pkill -P "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    return 0
}

stop_service() { if [[ -n "$SERVICE_PID" ]]; then info "stopping segmentation-service (pid $SERVICE_PID)"; stop_pid segmentation-service "$SERVICE_PID"; SERVICE_PID=""; fi; }
stop_feedback() { if [[ -n "$FEEDBACK_PID" ]]; then info "stopping feedback-service (pid $FEEDBACK_PID)"; stop_pid feedback-service "$FEEDBACK_PID"; FEEDBACK_PID=""; fi; }

cleanup() {
    local rc=$?
    set +e
    stop_sampler
    if [[ -n "$AWAIT_PID" ]] && kill -0 "$AWAIT_PID" 2>/dev/null; then pkill -P "$AWAIT_PID"; kill "$AWAIT_PID"; fi
    stop_service
    stop_feedback
    if [[ -n "$KAFKA_PID" ]]; then info "stopping Kafka (pid $KAFKA_PID)"; stop_pid kafka "$KAFKA_PID"; fi
    if (( PG_STARTED )); then
        info "stopping PostgreSQL"
        (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1) \
            || (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1)
    fi
    if (( ! KEEP_WORK )) && [[ -d "$KAFKA_DIR/data" ]]; then rm -rf "$KAFKA_DIR/data" "$PG_DIR/data" "$WORK/history.jsonl"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ CPU accounting
proc_ticks() { [[ -n "$1" && -r "/proc/$1/stat" ]] && awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat" || echo 0; }
pg_ticks() {
    local pm; pm="$(head -n 1 "$PG_DIR/data/postmaster.pid" 2>/dev/null)" || { echo 0; return; }
    local t; t="$(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pm/stat" 2>/dev/null || echo 0)"
    local c; for c in $(pgrep -P "$pm" 2>/dev/null); do t=$((t + $(proc_ticks "$c"))); done
    echo "$t"
}
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }   # busy total steal
cpu_snapshot() { echo "$(date +%s%N) $(proc_ticks "$SERVICE_PID") $(proc_ticks "$KAFKA_PID") $(pg_ticks) $(machine_ticks)"; }
cpu_split() {   # LABEL "SNAP_BEFORE" "SNAP_AFTER" -> RESULT line with average cores used
    local label="$1"
    read -r t0 s0 k0 p0 b0 a0 st0 <<< "$2"; read -r t1 s1 k1 p1 b1 a1 st1 <<< "$3"
    local hz; hz="$(getconf CLK_TCK)"
    awk -v l="$label" -v dt="$(( (t1 - t0) / 1000000 ))" -v hz="$hz" -v s=$((s1 - s0)) -v k=$((k1 - k0)) -v p=$((p1 - p0)) \
        -v b=$((b1 - b0)) -v a=$((a1 - a0)) -v st=$(( ${st1:-0} - ${st0:-0} )) 'BEGIN {
        sec = dt / 1000.0; o = b - s - k - p - st; if (o < 0) o = 0;
        printf "%s RESULT phase=cpu seconds=%.1f service_cores=%.2f postgres_cores=%.2f kafka_cores=%.2f other_cores=%.2f steal_cores=%.2f machine_busy_pct=%.1f\n",
            l, sec, s / hz / sec, p / hz / sec, k / hz / sec, o / hz / sec, st / hz / sec, 100.0 * b / a }'
}

# ------------------------------------------------------------------------------------------------ helpers
# the service's own classes (model fits, the intake's recomputation) come from the jar built in this worktree
BENCH_CP="$BENCH_JAR:$(ls "$ROOT"/segmentation-service/target/quarkus-app/app/*.jar 2>/dev/null | head -n 1):$ROOT/segmentation-service/target/quarkus-app/lib/main/*"
bench() { "$JAVA" "${JVM_OPTS[@]}" "$MARKER" -XX:+PerfDisableSharedMem -Xmx3g -cp "$BENCH_CP" org.openretention.benchmarks.segmentation.SegBench "$@"; }
record() {   # LABEL CMD...: runs a bench phase, keeps its RESULT lines, fails loudly
    local label="$1"; shift
    local out rc=0
    out="$(bench "$@" 2> >(tee -a "$LOG_DIR/bench.log" >&2))" || rc=$?
    printf '%s\n' "$out" | grep '^RESULT' | sed "s/^/$label /" | tee -a "$RESULTS" >&2 || true
    return "$rc"
}
val_now() { grep "^$1 RESULT phase=$2 " "$RESULTS" | head -n 1 | tr ' ' '\n' | sed -n "s/^$3=//p" || true; }
load_note() { echo "$1: $(uptime | sed 's/.*load average/load average/')" >> "$WORK/load.txt"; }

build() {
    (( SKIP_BUILD )) && return 0
    info "building segmentation-service and feedback-service (+ platform-kit, loyalty-events) and the benchmark jar"
    ./mvnw -B -q -o -pl segmentation-service,feedback-service -am package -DskipTests > "$LOG_DIR/build.log" 2>&1 \
        && ./mvnw -B -q -o -f benchmarks/segmentation/pom.xml package >> "$LOG_DIR/build.log" 2>&1 \
        || { tail -n 30 "$LOG_DIR/build.log" >&2; die "build failed; see $LOG_DIR/build.log"; }
}

start_postgres() {
    [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
    port_in_use "$PG_PORT" && die "port $PG_PORT (PostgreSQL) is in use"
    rm -rf "$PG_DIR"; mkdir -p "$PG_DIR/data"; chmod 700 "$PG_DIR/data"
    touch "$LOG_DIR/postgres.log"
    if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$PG_DIR" "$LOG_DIR/postgres.log"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-instructions \
        >> "$LOG_DIR/postgres.log" 2>&1 || die "initdb failed"
    as_pg sh -c "cat >> '$PG_DIR/data/postgresql.conf'" <<CONF

# ---- benchmarks/segmentation/run.sh ----
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = $PG_SHARED_BUFFERS
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
max_wal_size = 4GB
checkpoint_timeout = 30min
wal_buffers = 32MB
CONF
    as_pg sh -c "printf 'host all all 127.0.0.1/32 trust\n' > '$PG_DIR/data/pg_hba.conf'"
    info "starting PostgreSQL on 127.0.0.1:$PG_PORT ($("$PG_BIN/postgres" --version))"
    (cd / && setsid runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$LOG_DIR/postgres.log" -w -t 60 start) \
        > "$LOG_DIR/pg_ctl.log" 2>&1 9>&- || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
    PG_STARTED=1
    pg postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
}

start_kafka() {
    port_in_use "$KAFKA_PORT" && die "port $KAFKA_PORT (Kafka) is in use"
    port_in_use "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_CONTROLLER_PORT (Kafka controller) is in use"
    mkdir -p "$KAFKA_DIR"
    if ! compgen -G "$KAFKA_DIR/libs/kafka_2.13-*.jar" >/dev/null; then
        if compgen -G "/tmp/loyalty-bench/kafka/libs/kafka_2.13-*.jar" >/dev/null; then
            cp -r /tmp/loyalty-bench/kafka/libs "$KAFKA_DIR/"     # the loyalty runner's copy of the same jars
        else
            info "fetching the Kafka broker jars into $KAFKA_DIR/libs"
            # offline first (the local repository usually has them); on a fresh machine from Maven Central
            ./mvnw -B -q -o -f local-stack/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
                -DoutputDirectory="$KAFKA_DIR/libs" > "$LOG_DIR/kafka-fetch.log" 2>&1 \
                || ./mvnw -B -q -f local-stack/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
                -DoutputDirectory="$KAFKA_DIR/libs" >> "$LOG_DIR/kafka-fetch.log" 2>&1 || die "could not fetch the Kafka jars"
        fi
    fi
    rm -rf "$KAFKA_DIR/data"
    sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
        -e "s|@KAFKA_DATA_DIR@|$KAFKA_DIR/data|g" -e "s|@KAFKA_PARTITIONS@|$PARTITIONS|g" \
        local-stack/kafka/server.properties.template > "$KAFKA_DIR/server.properties"
    local kj=("$JAVA" "${JVM_OPTS[@]}" -Dlog4j2.configurationFile="$ROOT/local-stack/kafka/log4j2.properties" -cp "$KAFKA_DIR/libs/*")
    local id; id="$("${kj[@]}" kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka.log")"
    "${kj[@]}" kafka.tools.StorageTool format --standalone --cluster-id "$id" --config "$KAFKA_DIR/server.properties" \
        >> "$LOG_DIR/kafka.log" 2>&1 || die "formatting Kafka storage failed"
    info "starting Kafka on 127.0.0.1:$KAFKA_PORT"
    # shellcheck disable=SC2206
    local heap=($KAFKA_HEAP_OPTS)
    KAFKA_PID="$(spawn "$LOG_DIR/kafka.log" "$JAVA" "$MARKER" "${heap[@]}" "${JVM_OPTS[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+PerfDisableSharedMem \
        -Dlog4j2.configurationFile="$ROOT/local-stack/kafka/log4j2.properties" -cp "$KAFKA_DIR/libs/*" kafka.Kafka "$KAFKA_DIR/server.properties")"
    local i
    for i in $(seq 1 600); do
        kill -0 "$KAFKA_PID" 2>/dev/null || die "Kafka exited; see $LOG_DIR/kafka.log"
        if grep -q "Kafka Server started" "$LOG_DIR/kafka.log" && port_in_use "$KAFKA_PORT"; then return 0; fi
        sleep 0.1
    done
    die "Kafka did not start in 60 s"
}

start_service() {   # LOG
    port_in_use "$SERVICE_PORT" && die "port $SERVICE_PORT (segmentation-service) is in use"
    # shellcheck disable=SC2206
    local jopts=($SERVICE_JAVA_OPTS)
    # the scheduled evaluation and model fit are off: the benchmark runs them on demand
    SERVICE_PID="$(QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$SERVICE_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY_DIR/public.pem" MP_JWT_VERIFY_ISSUER=https://openretention.local \
        OPENRETENTION_KAFKA_PARTITIONS="$PARTITIONS" SEGMENTATION_ERASURE_HASH_KEY=bench-key \
        SEGMENTATION_EVALUATION_EVERY=off SEGMENTATION_MODELS_FIT_EVERY=off \
        spawn "$1" "$JAVA" "$MARKER" "${jopts[@]}" "${JVM_OPTS[@]}" -jar "$SERVICE_JAR")"
    info "segmentation-service started (pid $SERVICE_PID, 127.0.0.1:$SERVICE_PORT, log $1)"
}

start_feedback() {   # LOG
    port_in_use "$FEEDBACK_PORT" && die "port $FEEDBACK_PORT (feedback-service) is in use"
    # shellcheck disable=SC2206
    local jopts=($SERVICE_JAVA_OPTS)
    FEEDBACK_PID="$(QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$FEEDBACK_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$FEEDBACK_DB" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY_DIR/public.pem" MP_JWT_VERIFY_ISSUER=https://openretention.local \
        OPENRETENTION_KAFKA_PARTITIONS="$PARTITIONS" \
        spawn "$1" "$JAVA" "$MARKER" "${jopts[@]}" "${JVM_OPTS[@]}" -jar "$FEEDBACK_JAR")"
    info "feedback-service started (pid $FEEDBACK_PID, 127.0.0.1:$FEEDBACK_PORT, log $1)"
}

# feedback-service alone on the published history: its texts and invitations use cases until both applied everything
feedback_intake() {   # RUN
    local r="$1" rc1=0 rc2=0
    stop_feedback
    pg postgres -c "DROP DATABASE IF EXISTS $FEEDBACK_DB WITH (FORCE)" -c "CREATE DATABASE $FEEDBACK_DB" >/dev/null
    load_note "feedback intake run $r (start)"
    local before; before="$(cpu_snapshot)"   # segmentation-service is not running: its slot counts feedback-service below
    bench await-intake --bootstrap "$BOOT" --group feedback-service.texts --topics interactions --phase feedback-texts \
        --series "$WORK/series-feedback-texts-run$r.tsv" --timeout-s 1800 > "$WORK/await-feedback-texts-run$r.out" 2>>"$LOG_DIR/bench.log" &
    local p1=$!
    bench await-intake --bootstrap "$BOOT" --group feedback-service.invitations --topics orders,interactions --phase feedback-invitations \
        --series "$WORK/series-feedback-invitations-run$r.tsv" --timeout-s 1800 > "$WORK/await-feedback-invitations-run$r.out" 2>>"$LOG_DIR/bench.log" &
    local p2=$!
    start_feedback "$LOG_DIR/feedback-service-run$r.log"
    wait "$p1" || rc1=$?
    wait "$p2" || rc2=$?
    local after; after="$(SERVICE_PID="$FEEDBACK_PID" cpu_snapshot)"
    load_note "feedback intake run $r (end)"
    grep -h '^RESULT' "$WORK/await-feedback-texts-run$r.out" "$WORK/await-feedback-invitations-run$r.out" | sed "s/^/run$r /" | tee -a "$RESULTS" >&2
    cpu_split "feedback-run$r" "$before" "$after" | tee -a "$RESULTS" >&2
    (( rc1 == 0 && rc2 == 0 )) || info "WARNING: feedback-service did not catch up (rc $rc1/$rc2)"
    local state; state="$(pg "$FEEDBACK_DB" -Atc "SELECT (SELECT count(*) FROM customer_text) || ' ' || (SELECT count(*) FROM complaint)
        || ' ' || (SELECT count(*) FROM survey_invitation)" 2>/dev/null || echo "? ? ?")"
    local texts complaints invitations
    read -r texts complaints invitations <<< "$state"
    echo "run$r RESULT phase=feedback-state texts=$texts complaints=$complaints invitations=$invitations" | tee -a "$RESULTS" >&2
}

await_ready() {
    local i
    for i in $(seq 1 1800); do
        kill -0 "$SERVICE_PID" 2>/dev/null || die "segmentation-service exited; see its log in $LOG_DIR"
        [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/q/health/ready" || true)" == 200 ]] && return 0
        sleep 0.1
    done
    die "segmentation-service not ready in 180 s"
}

thread_dump() {
    [[ -n "$SERVICE_PID" ]] || return 0
    "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" Thread.print > "$WORK/threads-$1.txt" 2>&1 || true
}

sample_top() {   # background: top snapshots every 10 s
    while true; do
        { echo "----- $(date '+%T') $(uptime | sed 's/.*load average/load average/')"; top -b -n1 -w 200 | sed -n '1,5p;7,16p'; } >> "$1"
        sleep 10
    done
}

fresh_db() { stop_service; pg postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null; }

# ================================================================================================ main
if (( REPORT_ONLY )); then
    [[ -f "$RESULTS" ]] || die "no $RESULTS to build a report from"
    START_TS="$(sed -n 1p "$WORK/times.txt")"; END_TS="$(sed -n 2p "$WORK/times.txt")"
    trap - EXIT
else
mkdir -p "$WORK" "$LOG_DIR"
chmod 755 "$WORK"
rm -f "$RESULTS" "$WORK/load.txt" "$WORK"/top-*.txt "$WORK"/pgss-*.txt "$WORK"/series-*.tsv "$WORK"/threads-*.txt "$WORK/times.txt"
printf '%s\n' "${ARGS[@]}" > "$WORK/args.txt"
port_in_use "$SERVICE_PORT" && die "port $SERVICE_PORT in use"
START_TS="$(date -u '+%F %T %Z')"
load_note "start"
build
[[ -f "$BENCH_JAR" && -f "$SERVICE_JAR" ]] || die "missing $BENCH_JAR or $SERVICE_JAR (run without --skip-build)"

KEY_DIR="$KEY_DIR" sh local-stack/jwt.sh keys 2>/dev/null
for role in ops marketing; do KEY_DIR="$KEY_DIR" sh local-stack/jwt.sh token "$role" "bench-$role" > "$WORK/$role.token"; done

start_postgres
start_kafka
BOOT="127.0.0.1:$KAFKA_PORT"
JDBC_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT"
BASE_URL="http://127.0.0.1:$SERVICE_PORT"

# ---- 1. raw PostgreSQL batched inserts
if (( ! SKIP_INTAKE )); then
pg postgres -c "CREATE DATABASE bench_scratch" >/dev/null
for r in $(seq 1 "$RUNS"); do
    info "pg-insert run $r/$RUNS ($PG_ROWS rows)"
    load_note "pg-insert run $r"
    record "run$r" pg-insert --jdbc "$JDBC_BASE/bench_scratch" --rows "$PG_ROWS" --batch 1000 --customers "$CUSTOMERS"
done
pg postgres -c "DROP DATABASE bench_scratch" >/dev/null

# ---- 2. the simulated history (history end = now, so that the profile API's "now" is the history's end)
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
info "simulating $CUSTOMERS customers over $DAYS days up to $NOW"
load_note "simulate"
SIM_START=$(date +%s%N)
"$JAVA" "${JVM_OPTS[@]}" -XX:+PerfDisableSharedMem -Xmx3g -cp "$BENCH_JAR" org.openretention.simulator.SimulatorCli history \
    --customers "$CUSTOMERS" --days "$DAYS" --now "$NOW" --seed "$SEED" --truth "$WORK/truth.csv" --output "$WORK/history.jsonl" \
    > "$LOG_DIR/simulator.log" 2>&1 || { tail -n 20 "$LOG_DIR/simulator.log" >&2; die "simulator failed"; }
EVENTS="$(wc -l < "$WORK/history.jsonl")"
echo "sim RESULT phase=simulate customers=$CUSTOMERS days=$DAYS now=$NOW seed=$SEED events=$EVENTS seconds=$(awk -v d=$(( $(date +%s%N) - SIM_START )) 'BEGIN{printf "%.1f", d/1e9}') dropped_out=$(awk -F, 'NR==1{for(i=1;i<=NF;i++) if($i=="droppedOut") c=i; next} $c=="true"{n++} END{print n+0}' "$WORK/truth.csv")" | tee -a "$RESULTS" >&2

# ---- 3. intake runs
for r in $(seq 1 "$RUNS"); do
    info "intake run $r/$RUNS: $EVENTS events"
    stop_feedback   # its consumer groups must go before the topics are reset
    fresh_db
    record "run$r" reset-kafka --bootstrap "$BOOT" --partitions "$PARTITIONS"
    load_note "publish run $r"
    record "run$r" publish-file --bootstrap "$BOOT" --file "$WORK/history.jsonl" --phase publish
    load_note "kafka-consume run $r"
    record "run$r" kafka-consume --bootstrap "$BOOT" --expect "$EVENTS"
    if (( r == 1 )); then record "run$r" kafka-consume --bootstrap "$BOOT" --expect "$(( EVENTS < 300000 ? EVENTS : 300000 ))" --decode; fi
    if (( ! SKIP_FEEDBACK )); then feedback_intake "$r"; fi
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    sample_top "$WORK/top-run$r.txt" & SAMPLER_PID=$!
    load_note "intake run $r (start)"
    BEFORE="$(cpu_snapshot)"
    bench await-intake --bootstrap "$BOOT" --jdbc "$JDBC_BASE/$DB" --series "$WORK/series-run$r.tsv" --timeout-s 3600 \
        > "$WORK/await-run$r.out" 2>>"$LOG_DIR/bench.log" &
    AWAIT_PID=$!
    start_service "$LOG_DIR/segmentation-service-run$r.log"
    rc=0; wait "$AWAIT_PID" || rc=$?
    AWAIT_PID=""
    AFTER="$(cpu_snapshot)"
    load_note "intake run $r (end)"
    stop_sampler
    grep '^RESULT' "$WORK/await-run$r.out" | sed "s/^/run$r /" | tee -a "$RESULTS" >&2
    cpu_split "run$r" "$BEFORE" "$AFTER" | tee -a "$RESULTS" >&2
    if (( rc != 0 )); then thread_dump "run$r"; info "WARNING: the intake did not catch up (rc $rc)"; fi
    pgss_dump "$WORK/pgss-run$r.txt"
    await_ready
    record "run$r" checksum --jdbc "$JDBC_BASE/$DB" --label checksum-before
    record "run$r" publish-file --bootstrap "$BOOT" --file "$WORK/history.jsonl" --every 100 --phase publish-duplicates
    record "run$r" await-intake --bootstrap "$BOOT" --jdbc "$JDBC_BASE/$DB" --timeout-s 600 --phase await-duplicates || true
    record "run$r" checksum --jdbc "$JDBC_BASE/$DB" --label checksum-after
    same=false
    if [[ -n "$(val_now "run$r" checksum-before profiles_md5)" \
        && "$(val_now "run$r" checksum-before profiles_md5)" == "$(val_now "run$r" checksum-after profiles_md5)" \
        && "$(val_now "run$r" checksum-before orders_md5)" == "$(val_now "run$r" checksum-after orders_md5)" \
        && "$(val_now "run$r" checksum-before claims)" == "$(val_now "run$r" checksum-after claims)" ]]; then same=true; fi
    echo "run$r RESULT phase=exactly-once identical=$same" | tee -a "$RESULTS" >&2
done

# ---- 4. churn quality on the last run's database (service running)
if (( ! SKIP_CHURN )); then
    TODAY="${NOW:0:10}"
    if (( ! SKIP_FEEDBACK )); then
        # every event feedback-service published (its outbox empty), applied by segmentation's feedback use case
        for i in $(seq 1 600); do
            [[ "$(pg "$FEEDBACK_DB" -Atc "SELECT count(*) FROM platform_outbox" 2>/dev/null)" == 0 ]] && break
            sleep 0.5
        done
        record churn await-intake --bootstrap "$BOOT" --group segmentation-service.feedback --topics feedback-events --timeout-s 600 \
            --phase await-feedback-events || true
    fi
    HOLDOUT_CAL="$(date -u -d "$TODAY - 91 days" +%F)"
    info "fit with a 13-week holdout: calibration to $HOLDOUT_CAL, holdout to $TODAY"
    load_note "churn"
    record churn fit --base-url "$BASE_URL" --token-file "$WORK/ops.token" --calibration-end "$HOLDOUT_CAL" --holdout-end "$TODAY" --label fit-holdout || true
    info "fit up to the history end ($TODAY), activate"
    record churn fit --base-url "$BASE_URL" --token-file "$WORK/ops.token" --calibration-end "$TODAY" --activate --label fit-activate || true
    record churn churn-auc --base-url "$BASE_URL" --token-file "$WORK/marketing.token" --truth "$WORK/truth.csv" --dump "$WORK/churn-scores.csv" || true
fi
stop_service
fi   # SKIP_INTAKE

# ---- 5. model fits in process
if (( ! SKIP_MODELS )); then
    info "model timings in process: $MODEL_CUSTOMERS synthetic customers, CDNOW from $CDNOW_DIR"
    load_note "models"
    BEFORE="$(cpu_snapshot)"
    record models model-timings --customers "$MODEL_CUSTOMERS" --reps "$MODEL_REPS" --cdnow-dir "$CDNOW_DIR" || true
    cpu_split models "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2   # the benchmark's JVM is "other" here
fi

# ---- 6. evaluation and end-to-end fit on a seeded base
if (( ! SKIP_EVAL )); then
    EVAL_AS_OF="$(date -u +%Y-%m-%dT%H:00:00Z)"
    EVAL_DAY="${EVAL_AS_OF:0:10}"
    fresh_db
    start_service "$LOG_DIR/segmentation-service-eval.log"
    await_ready
    info "seeding $EVAL_CUSTOMERS profiles as of $EVAL_AS_OF"
    load_note "seed"
    record eval seed-profiles --jdbc "$JDBC_BASE/$DB" --customers "$EVAL_CUSTOMERS" --as-of "$EVAL_AS_OF" --shape "$EVAL_SHAPE"
    # the fits first: the last one is activated, so that the evaluations score churn with it as they do in service
    FIT_CAL="$(date -u -d "$EVAL_DAY - 91 days" +%F)"
    for r in $(seq 1 "$FIT_RUNS"); do
        info "end-to-end fit run $r/$FIT_RUNS on $EVAL_CUSTOMERS customers (calibration to $FIT_CAL, holdout to $EVAL_DAY, activated)"
        load_note "fit run $r"
        BEFORE="$(cpu_snapshot)"
        record "fit$r" fit --base-url "$BASE_URL" --token-file "$WORK/ops.token" --calibration-end "$FIT_CAL" --holdout-end "$EVAL_DAY" --activate --label fit-e2e || true
        cpu_split "fit$r" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
    done
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    for r in $(seq 1 "$EVAL_RUNS"); do
        info "evaluation run $r/$EVAL_RUNS: first (every customer changes), then second (nothing changes)"
        load_note "evaluation run $r"
        BEFORE="$(cpu_snapshot)"
        record "eval$r" evaluate --base-url "$BASE_URL" --token-file "$WORK/ops.token" --as-of "$EVAL_AS_OF" --jdbc "$JDBC_BASE/$DB" --reset --drop-outbox --label evaluate-first || true
        cpu_split "eval$r-first" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
        BEFORE="$(cpu_snapshot)"
        record "eval$r" evaluate --base-url "$BASE_URL" --token-file "$WORK/ops.token" --as-of "$EVAL_AS_OF" --jdbc "$JDBC_BASE/$DB" --drop-outbox --label evaluate-second || true
        cpu_split "eval$r-second" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
    done
    pgss_dump "$WORK/pgss-eval.txt"
    pg "$DB" -c "TRUNCATE platform_outbox" >/dev/null || true
    stop_service
fi
load_note "end"
END_TS="$(date -u '+%F %T %Z')"
printf '%s\n' "$START_TS" "$END_TS" "$DATE" > "$WORK/times.txt"
fi   # REPORT_ONLY

# ================================================================================================ report
set +e +o pipefail   # a missing figure prints as empty / n/a, it does not abort the report
# shellcheck source=report.sh
. "$HERE/report.sh"
info "report: $REPORT"
