#!/usr/bin/env bash
# benchmarks/loyalty/run.sh — loyalty-service ledger throughput / latency benchmark.
#
# Starts its OWN Kafka 4.0 (KRaft, 127.0.0.1:39092/39093), its OWN PostgreSQL cluster (127.0.0.1:35432) and the
# loyalty-service (127.0.0.1:38081), all under $BENCH_WORK (default /tmp/loyalty-bench), runs the phases,
# stops everything it started, and writes benchmarks/results/loyalty-ledger-<YYYY-MM-DD>.md.
#
# Phases (each repeated --runs times unless said otherwise; medians in the report):
#   pg-insert       raw PostgreSQL batched-insert rate (JDBC batches, reWriteBatchedInserts) into a ledger_entry twin
#   publish-orders  fresh topics + fresh database, then N OrderCompleted for C customers (service stopped)
#   kafka-consume   raw KafkaConsumer rate over those N records (and, in run 1, decode + schema validation)
#   throughput      service started; time until ledger_entry holds N + C entries; exactly-once checks,
#                   then 1% of the events published again (same eventId) and the totals checked again
#   latency         open-loop 2,000 events/s for 60 s; CreateTime of the PointsEarned - intended send time
#   http            open-loop 1,000 GET /customers/{id}/loyalty per s for 60 s
#
# Usage: benchmarks/loyalty/run.sh [--orders N] [--customers C] [--runs R] [--latency-runs R] [--http-runs R]
#                                  [--duration S] [--pg-rows N] [--skip-build] [--keep-work] [--report FILE]
#                                  [--repeat-orders N --repeat-customers C]  (smaller size for runs 1..R-1; the
#                                   last run, whose database the latency and HTTP phases use, has the full size)
#                                  [--latency-low-rate R]  (one extra latency run at R events/s; 0 = none)
#                                  [--latency-warmup S]  (seconds of each latency run not recorded; default 5)
#                                  [--latency-low-of-peak F]  (that run at F times the median steady throughput measured
#                                   in the same run, e.g. 0.2: the issue-13 target p99 < 50 ms at 20 % of the peak)
#                                  [--report-only]  (no measurement: rebuild the report from the work files of the last run)
#                                  [--notes FILE]   (Markdown included as the report's "Observations" section)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
HERE="$ROOT/benchmarks/loyalty"
cd "$ROOT"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"

WORK="${BENCH_WORK:-/tmp/loyalty-bench}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-39092}"
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-39093}"
PG_PORT="${BENCH_PG_PORT:-35432}"
SERVICE_PORT="${BENCH_SERVICE_PORT:-38081}"
PARTITIONS=12
SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS:--Xms256m -Xmx2g -XX:MaxGCPauseMillis=20 -XX:+PerfDisableSharedMem}"   # as the local stack (./platform)
KAFKA_HEAP_OPTS="${BENCH_KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"       # as the local stack (./platform)
PG_SHARED_BUFFERS="${BENCH_PG_SHARED_BUFFERS:-256MB}"              # as the local stack (./platform)

ORDERS=1000000
CUSTOMERS=100000
RUNS=3
LAT_RUNS=3
HTTP_RUNS=3
DURATION=60
PG_ROWS=1000000
LAT_RATE=2000
LAT_LOW_RATE=500          # one extra latency run below the service's capacity, for comparison (0 = none)
LAT_LOW_OF_PEAK=""        # instead: that run at this fraction (e.g. 0.2) of the median steady throughput of this run
LAT_WARMUP=5              # seconds of each latency run sent but not recorded (the JIT compiles the new regime's paths)
WARMUP_ORDERS=200000      # warm-up OrderCompleted for other customers, published before the measured ones (0 = none)
WARMUP_CUSTOMERS=20000
REPEAT_ORDERS=""          # size of the throughput runs before the last one (default: same as the last)
REPEAT_CUSTOMERS=""
HTTP_RATE=1000
HTTP_CONNECTIONS=32       # keep-alive connections of the HTTP load generator
SKIP_BUILD=0
KEEP_WORK=0
REPORT=""
REPORT_ONLY=0
NOTES=""
ARGS=("$@")
if [[ " $* " == *" --report-only "* && -f "${BENCH_WORK:-/tmp/loyalty-bench}/args.txt" ]]; then
    # regenerate the report of the last run from its work files, with the options of that run
    mapfile -t ARGS < "${BENCH_WORK:-/tmp/loyalty-bench}/args.txt"
    EXTRA=("$@")
    set -- "${ARGS[@]}" "${EXTRA[@]}"
fi
while [[ $# -gt 0 ]]; do
    case "$1" in
        --orders) ORDERS="$2"; shift ;;
        --customers) CUSTOMERS="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --latency-runs) LAT_RUNS="$2"; shift ;;
        --http-runs) HTTP_RUNS="$2"; shift ;;
        --http-connections) HTTP_CONNECTIONS="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --pg-rows) PG_ROWS="$2"; shift ;;
        --repeat-orders) REPEAT_ORDERS="$2"; shift ;;
        --repeat-customers) REPEAT_CUSTOMERS="$2"; shift ;;
        --latency-low-rate) LAT_LOW_RATE="$2"; shift ;;
        --latency-low-of-peak) LAT_LOW_OF_PEAK="$2"; shift ;;
        --latency-warmup) LAT_WARMUP="$2"; shift ;;
        --warmup-orders) WARMUP_ORDERS="$2"; shift ;;
        --warmup-customers) WARMUP_CUSTOMERS="$2"; shift ;;
        --skip-build) SKIP_BUILD=1 ;;
        --keep-work) KEEP_WORK=1 ;;
        --report) REPORT="$2"; shift ;;
        --report-only) REPORT_ONLY=1 ;;
        --notes) NOTES="$2"; shift ;;
        -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
DATE="$(date +%F)"
if (( REPORT_ONLY )) && [[ -f "${BENCH_WORK:-/tmp/loyalty-bench}/times.txt" ]]; then DATE="$(sed -n 3p "${BENCH_WORK:-/tmp/loyalty-bench}/times.txt")"; fi
REPORT="${REPORT:-$ROOT/benchmarks/results/loyalty-ledger-$DATE.md}"

LOG_DIR="$WORK/logs"
KAFKA_DIR="$WORK/kafka"
PG_DIR="$WORK/pg"
KEY_DIR="$WORK/keys"
RESULTS="$WORK/results.log"       # "<label> RESULT phase=... k=v ..." lines
META="$WORK/meta.txt"             # free text for the report
BENCH_JAR="$HERE/target/loyalty-bench.jar"
SERVICE_JAR="$ROOT/loyalty-service/target/quarkus-app/quarkus-run.jar"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
JVM_OPTS=(-Djava.awt.headless=true --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
MARKER="-Dloyalty-bench.home=$WORK"

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

pgss_dump() {   # FILE: statements of the loyalty database by total time since the last reset
    pg postgres -F $'\t' -A -c "SELECT calls, round(total_exec_time::numeric/1000, 1) AS total_s, round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'loyalty') ORDER BY total_exec_time DESC LIMIT 16" > "$1" || true
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

stop_service() { if [[ -n "$SERVICE_PID" ]]; then info "stopping loyalty-service (pid $SERVICE_PID)"; stop_pid loyalty-service "$SERVICE_PID"; SERVICE_PID=""; fi; }

# disk-stall probe (benchmarks/loyalty/fsprobe.py) beside the latency and HTTP phases: durable commits wait for
# fdatasync, and on this kind of VM it stalls for 0.1-2 s while the kernel writes back dirty data
PROBE_PID=""
start_probe() {
    command -v python3 >/dev/null || { info "no python3: no disk-stall probe"; return 0; }
    python3 "$HERE/fsprobe.py" "$WORK/fsprobe.dat" "$WORK/fsprobe.log" & PROBE_PID=$!
}
stop_probe() { if [[ -n "$PROBE_PID" ]]; then kill "$PROBE_PID" 2>/dev/null || true; wait "$PROBE_PID" 2>/dev/null || true; PROBE_PID=""; fi; rm -f "$WORK/fsprobe.dat"; return 0; }

cleanup() {
    local rc=$?
    set +e
    stop_sampler
    stop_probe
    if [[ -n "$AWAIT_PID" ]] && kill -0 "$AWAIT_PID" 2>/dev/null; then pkill -P "$AWAIT_PID"; kill "$AWAIT_PID"; fi
    stop_service
    if [[ -n "$KAFKA_PID" ]]; then info "stopping Kafka (pid $KAFKA_PID)"; stop_pid kafka "$KAFKA_PID"; fi
    if (( PG_STARTED )); then
        info "stopping PostgreSQL"
        (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1) \
            || (cd / && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1)
    fi
    if (( ! KEEP_WORK )) && [[ -d "$KAFKA_DIR/data" ]]; then rm -rf "$KAFKA_DIR/data" "$PG_DIR/data"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ CPU accounting
# Clock ticks used so far by: the service, Kafka, PostgreSQL (postmaster + live children + reaped children), machine.
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
BENCH_EXTRA=()
# The open-loop load generators (latency, http) run beside the service on the same 2 cores: with C1 only and the
# serial collector their JVM compiles and collects in a fraction of the CPU C2 takes, which it would take from the
# service under test (measured: 0.5 cores of a fresh generator JVM at 2,000 events/s, mostly compiler threads).
LOADGEN_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+PerfDisableSharedMem)
bench() { "$JAVA" "${JVM_OPTS[@]}" "${BENCH_EXTRA[@]}" "$MARKER" -Xmx1g -jar "$BENCH_JAR" "$@"; }
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
    local attempt
    for attempt in 1 2 3; do
        info "building loyalty-service (+ loyalty-events, platform-kit) and the benchmark jar (attempt $attempt)"
        if ./mvnw -B -q -o -pl loyalty-service -am install -DskipTests > "$LOG_DIR/build.log" 2>&1 \
            && ./mvnw -B -q -o -f benchmarks/loyalty/pom.xml package >> "$LOG_DIR/build.log" 2>&1; then
            return 0
        fi
        tail -n 20 "$LOG_DIR/build.log" >&2
        info "build failed (another engineer may be mid-edit): retrying in 60 s"
        sleep 60
    done
    die "build failed; see $LOG_DIR/build.log"
}

start_postgres() {
    [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
    port_in_use "$PG_PORT" && die "port $PG_PORT (PostgreSQL) is in use"
    rm -rf "$PG_DIR"; mkdir -p "$PG_DIR/data"; chmod 700 "$PG_DIR/data"
    touch "$LOG_DIR/postgres.log"
    if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$PG_DIR" "$LOG_DIR/postgres.log"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-instructions \
        >> "$LOG_DIR/postgres.log" 2>&1 || die "initdb failed"
    # ./platform's settings (shared_buffers), plus pg_stat_statements for the report and WAL settings for bulk writes
    as_pg sh -c "cat >> '$PG_DIR/data/postgresql.conf'" <<CONF

# ---- benchmarks/loyalty/run.sh ----
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = $PG_SHARED_BUFFERS
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
# a write-heavy workload: checkpoints (and the full-page images after each) no more often than every 30 min / 4 GB
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
        info "fetching the Kafka broker jars into $KAFKA_DIR/libs"
        ./mvnw -B -q -o -f local-stack/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
            -DoutputDirectory="$KAFKA_DIR/libs" > "$LOG_DIR/kafka-fetch.log" 2>&1 \
        || ./mvnw -B -q -f local-stack/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
            -DoutputDirectory="$KAFKA_DIR/libs" >> "$LOG_DIR/kafka-fetch.log" 2>&1 || die "could not fetch the Kafka jars"
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
    port_in_use "$SERVICE_PORT" && die "port $SERVICE_PORT (loyalty-service) is in use"
    # shellcheck disable=SC2206
    local jopts=($SERVICE_JAVA_OPTS)
    SERVICE_PID="$(QUARKUS_HTTP_PORT="$SERVICE_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/loyalty" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY_DIR/public.pem" MP_JWT_VERIFY_ISSUER=https://openretention.local \
        OPENRETENTION_KAFKA_PARTITIONS="$PARTITIONS" \
        spawn "$1" "$JAVA" "$MARKER" "${jopts[@]}" "${JVM_OPTS[@]}" -jar "$SERVICE_JAR")"
    info "loyalty-service started (pid $SERVICE_PID, 127.0.0.1:$SERVICE_PORT, log $1)"
}

await_ready() {
    local i
    for i in $(seq 1 1800); do
        kill -0 "$SERVICE_PID" 2>/dev/null || die "loyalty-service exited; see its log in $LOG_DIR"
        [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/q/health/ready" || true)" == 200 ]] && return 0
        sleep 0.1
    done
    die "loyalty-service not ready in 180 s"
}

thread_dump() {   # LABEL: jcmd Thread.print of the service, kept in the work dir
    [[ -n "$SERVICE_PID" ]] || return 0
    "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" Thread.print > "$WORK/threads-$1.txt" 2>&1 || true
    info "thread dump of loyalty-service: $WORK/threads-$1.txt"
}

await_outbox() {   # LABEL: waits until the outbox relay has sent everything; records the time
    local start n="" i unsent="SELECT count(*) FROM platform_outbox"; start="$(date +%s%N)"
    # the relay deletes what it sent; a build from before platform-kit's V0_3 kept sent rows, marked by sent_at
    [[ "$(pg loyalty -tAc "SELECT count(*) FROM information_schema.columns WHERE table_name = 'platform_outbox' AND column_name = 'sent_at'")" == 0 ]] \
        || unsent+=" WHERE sent_at IS NULL"
    for i in $(seq 1 3600); do
        n="$(pg loyalty -tAc "$unsent")"
        [[ "$n" == 0 ]] && break
        sleep 0.5
    done
    echo "$1 RESULT phase=outbox-drain backlog_left=$n seconds=$(awk -v d=$(( $(date +%s%N) - start )) 'BEGIN{printf "%.1f", d/1e9}')" | tee -a "$RESULTS" >&2
}

sample_top() {   # background: top snapshots every 10 s
    while true; do
        { echo "----- $(date '+%T') $(uptime | sed 's/.*load average/load average/')"; top -b -n1 -w 200 | sed -n '1,5p;7,16p'; } >> "$1"
        sleep 10
    done
}

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
[[ -n "$(ss -Htln "sport = :$SERVICE_PORT")" ]] && die "port $SERVICE_PORT in use"
START_TS="$(date '+%F %T %Z')"
load_note "start"
build
[[ -f "$BENCH_JAR" && -f "$SERVICE_JAR" ]] || die "missing $BENCH_JAR or $SERVICE_JAR (run without --skip-build)"

KEY_DIR="$KEY_DIR" sh local-stack/jwt.sh keys 2>/dev/null
KEY_DIR="$KEY_DIR" sh local-stack/jwt.sh token support bench-support > "$WORK/support.token"

start_postgres
start_kafka
BOOT="127.0.0.1:$KAFKA_PORT"
JDBC_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT"

# ---- 1. raw PostgreSQL batched inserts
pg postgres -c "CREATE DATABASE bench_scratch" >/dev/null
for r in $(seq 1 "$RUNS"); do
    info "pg-insert run $r/$RUNS ($PG_ROWS rows)"
    load_note "pg-insert run $r"
    record "run$r" pg-insert --jdbc "$JDBC_BASE/bench_scratch" --rows "$PG_ROWS" --batch 1000 --customers "$CUSTOMERS"
done
pg postgres -c "DROP DATABASE bench_scratch" >/dev/null

# ---- 2..4. per run: fresh topics + database, publish, raw consume, service throughput, exactly-once
BASE_MS="$(( $(date +%s) * 1000 ))"
for r in $(seq 1 "$RUNS"); do
    RUN_ORDERS="$ORDERS"; RUN_CUSTOMERS="$CUSTOMERS"
    if (( r < RUNS )) && [[ -n "$REPEAT_ORDERS" ]]; then RUN_ORDERS="$REPEAT_ORDERS"; RUN_CUSTOMERS="${REPEAT_CUSTOMERS:-$CUSTOMERS}"; fi
    echo "run$r RESULT phase=size orders=$RUN_ORDERS customers=$RUN_CUSTOMERS" >> "$RESULTS"
    info "throughput run $r/$RUNS: $RUN_ORDERS OrderCompleted for $RUN_CUSTOMERS customers"
    stop_service
    pg postgres -c "DROP DATABASE IF EXISTS loyalty WITH (FORCE)" -c "CREATE DATABASE loyalty" >/dev/null
    record "run$r" reset-kafka --bootstrap "$BOOT" --partitions "$PARTITIONS" --create orders
    load_note "publish run $r"
    WARM_COUNT=0; WARM_POINTS=0
    if (( WARMUP_ORDERS > 0 )); then
        # warm-up first in every partition: the service JIT-compiles on these, then meets the measured set
        record "run$r" publish-orders --bootstrap "$BOOT" --customers "$WARMUP_CUSTOMERS" --orders "$WARMUP_ORDERS" --seed "$((100 + r))" \
            --base-ms "$BASE_MS" --customer-prefix w --phase publish-warmup
        WARM_COUNT="$(grep "^run$r RESULT phase=publish-warmup " "$RESULTS" | sed -n 's/.* expected_count=\([0-9]*\).*/\1/p')"
        WARM_POINTS="$(grep "^run$r RESULT phase=publish-warmup " "$RESULTS" | sed -n 's/.* expected_points=\([0-9]*\).*/\1/p')"
    fi
    record "run$r" publish-orders --bootstrap "$BOOT" --customers "$RUN_CUSTOMERS" --orders "$RUN_ORDERS" --seed "$r" --base-ms "$BASE_MS"
    EXP_COUNT="$(grep "^run$r RESULT phase=publish-orders " "$RESULTS" | sed -n 's/.* expected_count=\([0-9]*\).*/\1/p')"
    EXP_POINTS="$(grep "^run$r RESULT phase=publish-orders " "$RESULTS" | sed -n 's/.* expected_points=\([0-9]*\).*/\1/p')"
    EXP_COUNT=$((EXP_COUNT + WARM_COUNT)); EXP_POINTS=$((EXP_POINTS + WARM_POINTS))
    load_note "kafka-consume run $r"
    record "run$r" kafka-consume --bootstrap "$BOOT" --expect "$((RUN_ORDERS + WARMUP_ORDERS))"
    if (( r == 1 )); then
        DEC=$(( RUN_ORDERS < 200000 ? RUN_ORDERS : 200000 ))
        record "run$r" kafka-consume --bootstrap "$BOOT" --expect "$DEC" --decode
    fi
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    sample_top "$WORK/top-run$r.txt" & SAMPLER_PID=$!
    load_note "throughput run $r (start)"
    BEFORE="$(cpu_snapshot)"
    bench await-ledger --jdbc "$JDBC_BASE/loyalty" --expect-count "$EXP_COUNT" --warmup-count "$WARM_COUNT" --timeout-s 3600 \
        --series "$WORK/series-run$r.tsv" > "$WORK/await-run$r.out" 2>>"$LOG_DIR/bench.log" &
    AWAIT_PID=$!
    start_service "$LOG_DIR/loyalty-service-run$r.log"
    rc=0; wait "$AWAIT_PID" || rc=$?
    AFTER="$(cpu_snapshot)"
    attempt=0
    while (( rc == 3 && attempt < 3 )); do
        # the service stopped making progress: keep the evidence, restart it, let it resume from its committed offsets
        attempt=$((attempt + 1))
        thread_dump "run$r-stall$attempt"
        echo "run$r RESULT phase=stall attempt=$attempt" >> "$RESULTS"
        stop_service
        start_service "$LOG_DIR/loyalty-service-run$r-restart$attempt.log"
        rc=0
        bench await-ledger --jdbc "$JDBC_BASE/loyalty" --expect-count "$EXP_COUNT" --warmup-count "$WARM_COUNT" --timeout-s 3600 --series "$WORK/series-run$r.tsv" \
            --phase throughput-resumed > "$WORK/await-run$r-resume$attempt.out" 2>>"$LOG_DIR/bench.log" || rc=$?
        grep '^RESULT' "$WORK/await-run$r-resume$attempt.out" | sed "s/^/run$r /" | tee -a "$RESULTS" >&2
    done
    load_note "throughput run $r (end)"
    stop_sampler
    grep '^RESULT' "$WORK/await-run$r.out" | sed "s/^/run$r /" | tee -a "$RESULTS" >&2
    cpu_split "run$r" "$BEFORE" "$AFTER" | tee -a "$RESULTS" >&2
    (( rc == 0 )) || info "WARNING: the ledger did not reach $EXP_COUNT entries in time"
    pg postgres -F $'\t' -A -c "SELECT calls, round(total_exec_time::numeric/1000, 1) AS total_s, round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'loyalty') ORDER BY total_exec_time DESC LIMIT 12" > "$WORK/pgss-run$r.txt" || true
    await_ready
    record "run$r" verify --jdbc "$JDBC_BASE/loyalty" --expect-count "$EXP_COUNT" --expect-points "$EXP_POINTS" --label verify --bootstrap "$BOOT" || true
    # duplicates: every 100th event again, same eventId
    record "run$r" publish-orders --bootstrap "$BOOT" --customers "$RUN_CUSTOMERS" --orders "$RUN_ORDERS" --seed "$r" --base-ms "$BASE_MS" --every 100 --phase publish-duplicates
    record "run$r" await-lag --bootstrap "$BOOT" --group loyalty-service.ledger --topic orders || true
    record "run$r" verify --jdbc "$JDBC_BASE/loyalty" --expect-count "$EXP_COUNT" --expect-points "$EXP_POINTS" --label verify-after-duplicates --bootstrap "$BOOT" || true
    await_outbox "run$r"
done

if [[ -n "$LAT_LOW_OF_PEAK" ]]; then
    PEAK="$(grep -E '^run[0-9]+ RESULT phase=throughput ' "$RESULTS" | sed -n 's/.* rate_10_90=\([0-9.]*\).*/\1/p' | sort -g \
        | awk '{a[NR]=$1} END{ if (NR==0) print 0; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }')"
    LAT_LOW_RATE="$(awk -v f="$LAT_LOW_OF_PEAK" -v p="$PEAK" 'BEGIN{ printf "%d", f * p }')"
    echo "peak RESULT phase=peak rate=$PEAK fraction=$LAT_LOW_OF_PEAK low_rate=$LAT_LOW_RATE" | tee -a "$RESULTS" >&2
fi

# ---- 5. latency at LAT_RATE events/s (service of the last run: 100k members, outbox drained)
# settle first: the latency phase measures the service at a steady 2,000 events/s, not the aftermath of the bulk
# phase (autovacuum's first pass over the 1.3 million rows just inserted per table, and the kernel writing back the
# gigabytes they dirtied, which stall every fdatasync for up to seconds on this kind of VM)
if (( LAT_RUNS > 0 || LAT_LOW_RATE > 0 )); then
    info "settling before the latency runs: VACUUM (ANALYZE) of the loyalty database, CHECKPOINT, sync"
    SETTLE_START=$(date +%s%N)
    pg loyalty -c "VACUUM (ANALYZE)" || true
    pg postgres -c "CHECKPOINT" || true
    sync
    echo "settle RESULT phase=settle seconds=$(awk -v d=$(( $(date +%s%N) - SETTLE_START )) 'BEGIN{printf "%.1f", d/1e9}')" | tee -a "$RESULTS" >&2
fi
start_probe
for r in $(seq 1 "$LAT_RUNS"); do
    info "latency run $r/$LAT_RUNS: $LAT_RATE events/s for $DURATION s"
    await_outbox "lat$r-before"
    load_note "latency run $r"
    BEFORE="$(cpu_snapshot)"
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null || true
    sample_top "$WORK/top-lat$r.txt" & SAMPLER_PID=$!
    BENCH_EXTRA=("${LOADGEN_OPTS[@]}")
    record "lat$r" latency --bootstrap "$BOOT" --rate "$LAT_RATE" --duration-s "$DURATION" --customers "$CUSTOMERS" --tag "lat$r" --warmup-s "$LAT_WARMUP" --series "$WORK/latseries-lat$r.tsv"
    BENCH_EXTRA=()
    stop_sampler
    pgss_dump "$WORK/pgss-lat$r.txt"
    cpu_split "lat$r" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
    record "lat$r" await-lag --bootstrap "$BOOT" --group loyalty-service.ledger --topic orders || true
done
if (( LAT_LOW_RATE > 0 )); then
    info "latency run at $LAT_LOW_RATE events/s for $DURATION s (comparison)"
    await_outbox "latlow-before"
    load_note "latency run at $LAT_LOW_RATE/s"
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null || true
    BEFORE="$(cpu_snapshot)"
    BENCH_EXTRA=("${LOADGEN_OPTS[@]}")
    record "latlow" latency --bootstrap "$BOOT" --rate "$LAT_LOW_RATE" --duration-s "$DURATION" --customers "$CUSTOMERS" --tag latlow --warmup-s "$LAT_WARMUP" --series "$WORK/latseries-latlow.tsv"
    BENCH_EXTRA=()
    cpu_split "latlow" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
    pgss_dump "$WORK/pgss-latlow.txt"
    record "latlow" await-lag --bootstrap "$BOOT" --group loyalty-service.ledger --topic orders || true
fi

# ---- 6. HTTP GET /customers/{id}/loyalty at HTTP_RATE requests/s
for r in $(seq 1 "$HTTP_RUNS"); do
    info "http run $r/$HTTP_RUNS: $HTTP_RATE requests/s for $DURATION s"
    load_note "http run $r"
    BEFORE="$(cpu_snapshot)"
    probe="$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -H "Authorization: Bearer $(cat "$WORK/support.token")" \
        "http://127.0.0.1:$SERVICE_PORT/customers/$(printf 'c%d' $((1000000 + 42)))/loyalty" || true)"
    echo "http$r RESULT phase=http-probe status=${probe% *} seconds=${probe#* }" | tee -a "$RESULTS" >&2
    BENCH_EXTRA=("${LOADGEN_OPTS[@]}")
    pg postgres -c "SELECT pg_stat_statements_reset()" >/dev/null || true
    sample_top "$WORK/top-http$r.txt" & SAMPLER_PID=$!
    record "http$r" http-load --base-url "http://127.0.0.1:$SERVICE_PORT" --token-file "$WORK/support.token" \
        --rate "$HTTP_RATE" --duration-s "$DURATION" --customers "$CUSTOMERS" --connections "$HTTP_CONNECTIONS"
    BENCH_EXTRA=()
    stop_sampler
    pgss_dump "$WORK/pgss-http$r.txt"
    cpu_split "http$r" "$BEFORE" "$(cpu_snapshot)" | tee -a "$RESULTS" >&2
    if [[ "$(val_now "http$r" http ok)" == 0 ]]; then thread_dump "http$r"; fi
done
stop_probe
load_note "end"
END_TS="$(date '+%F %T %Z')"
printf '%s\n' "$START_TS" "$END_TS" "$DATE" > "$WORK/times.txt"
fi   # REPORT_ONLY

# ================================================================================================ report
set +e +o pipefail   # a missing figure prints as empty / n/a, it does not abort the report
val() { grep "^$1 RESULT phase=$2 " "$RESULTS" | head -n 1 | tr ' ' '\n' | sed -n "s/^$3=//p"; }   # LABEL PHASE KEY
vals() { local p="$1" k="$2"; shift 2; local l; for l in "$@"; do val "$l" "$p" "$k"; done; }
median() { grep -E '^-?[0-9.]+$' | sort -g | awk '{a[NR]=$1} END{ if (NR==0) {print "n/a"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
spread() { grep -E '^-?[0-9.]+$' | sort -g | awk 'NR==1{mn=$1} {mx=$1} END{ if (NR) printf "%.0f–%.0f", mn, mx; else print "n/a" }'; }
n0() { awk '{ if ($1 ~ /^-?[0-9.]+$/) printf "%\047.0f", $1; else print $1 }' <<< "$1"; }
n1() { awk '{ if ($1 ~ /^-?[0-9.]+$/) printf "%.1f", $1; else print $1 }' <<< "$1"; }
met() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN{ if (v !~ /^[0-9.]+$/) {print "**not measured**"; exit}
    ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "**met**" : "**NOT met**" }'; }

TR=(); for r in $(seq 1 "$RUNS"); do TR+=("run$r"); done
LR=(); for r in $(seq 1 "$LAT_RUNS"); do LR+=("lat$r"); done
HR=(); for r in $(seq 1 "$HTTP_RUNS"); do HR+=("http$r"); done

M_PG="$(vals pg-insert rate "${TR[@]}" | median)"
M_PUB="$(vals publish-orders rate "${TR[@]}" | median)"
M_RAW="$(vals kafka-consume rate "${TR[@]}" | median)"
M_DEC="$(val run1 kafka-consume-decode rate)"
M_TP="$(vals throughput rate_10_90 "${TR[@]}" | median)"
M_TPALL="$(vals throughput rate_overall "${TR[@]}" | median)"
M_LAT99="$(vals latency p99_ms "${LR[@]}" | median)"
M_HTTP99="$(vals http p99_ms "${HR[@]}" | median)"
EO_ALL=yes
for l in "${TR[@]}"; do
    [[ "$(val "$l" verify ok)" == true && "$(val "$l" verify-after-duplicates ok)" == true ]] || EO_ALL=no
done

mkdir -p "$(dirname "$REPORT")"
{
cat <<EOF
# loyalty-service ledger benchmark — $DATE

Generated by \`benchmarks/loyalty/run.sh\` (${START_TS} → ${END_TS}).

## Summary

| Target | Measured (median) | Runs | Result |
| --- | --- | --- | --- |
| OrderCompleted → committed ledger entries ≥ 20,000 events/s (steady: 10 %–90 % of the measured set, after $(n0 "$WARMUP_ORDERS") warm-up events) | $(n0 "$M_TP") entries/s (cold, everything from first commit to last: $(n0 "$M_TPALL")/s) | ${#TR[@]} | $(met "$M_TP" ">=" 20000) |
| Exactly-once: EARN + BONUS count and points = expected, also after 1 % duplicates | $( [[ $EO_ALL == yes ]] && echo "exact in every run" || echo "MISMATCH (see runs)") | ${#TR[@]} | $( [[ $EO_ALL == yes ]] && echo "**met**" || echo "**NOT met**") |
| p99 event → balance visible < 50 ms at $LAT_RATE events/s (upper bound: PointsEarned CreateTime) | p99 $(n1 "$M_LAT99") ms | ${#LR[@]} | $(met "$M_LAT99" "<" 50) |
$( if [[ -n "$(val latlow latency p99_ms)" ]]; then echo "| p99 event → balance visible < 50 ms at $LAT_LOW_RATE events/s$( [[ -n "$LAT_LOW_OF_PEAK" ]] && echo " ($LAT_LOW_OF_PEAK × the median steady throughput of this run)") | p99 $(n1 "$(val latlow latency p99_ms)") ms | 1 | $(met "$(val latlow latency p99_ms)" "<" 50) |"; fi )
| \`GET /customers/{id}/loyalty\` p99 < 10 ms at $HTTP_RATE requests/s | p99 $(n1 "$M_HTTP99") ms | ${#HR[@]} | $(met "$M_HTTP99" "<" 10) |

Comparison ceilings measured in the same run (medians):

| Ceiling | Median | Spread | Runs |
| --- | --- | --- | --- |
| raw PostgreSQL batched insert (JDBC batches of 1,000 rows, one transaction each, \`reWriteBatchedInserts=true\`, ledger_entry twin with its index) | $(n0 "$M_PG") rows/s | $(vals pg-insert rate "${TR[@]}" | spread) | ${#TR[@]} |
| raw Kafka consumer (plain KafkaConsumer, new group, $(n0 "$ORDERS") records of \`orders\`, 12 partitions) | $(n0 "$M_RAW") records/s | $(vals kafka-consume rate "${TR[@]}" | spread) | ${#TR[@]} |
| same consumer + \`EventCodec.decode\` (JSON + schema validation) of every record, one thread | $(n0 "$M_DEC") records/s | — | 1 |
| producer publishing the data set (acks=all, idempotent, linger 20 ms) | $(n0 "$M_PUB") records/s | $(vals publish-orders rate "${TR[@]}" | spread) | ${#TR[@]} |

## Machine and set-up

- $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(uname -sr)
- JDK: $("$JAVA" -version 2>&1 | head -n 1) (\`$JAVA_HOME\`)
- Kafka 4.0.0 (KRaft, single node, \`local-stack/kafka/server.properties.template\`, heap \`$KAFKA_HEAP_OPTS\`) on 127.0.0.1:$KAFKA_PORT;
  PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') private cluster on 127.0.0.1:$PG_PORT (shared_buffers $PG_SHARED_BUFFERS; ./platform uses 256MB, max_wal_size 4GB, checkpoint_timeout 30min, wal_buffers 32MB, synchronous_commit on (durable commits), defaults otherwise; plus pg_stat_statements);
  loyalty-service (\`quarkus-run.jar\`, \`$SERVICE_JAVA_OPTS\`, \`OPENRETENTION_KAFKA_PARTITIONS=12\`) on 127.0.0.1:$SERVICE_PORT. Everything on the same 2 cores, with the load generator.
- Data set (the last throughput run; earlier runs: $(n0 "${REPEAT_ORDERS:-$ORDERS}") for $(n0 "${REPEAT_CUSTOMERS:-$CUSTOMERS}") customers): $(n0 "$ORDERS") \`OrderCompleted\` for $(n0 "$CUSTOMERS") customers ($(( ORDERS / CUSTOMERS )) each), whole amounts 10..120 CNY, no discount (nobody leaves the MEMBER tier), event times over the 2 days before the run; expected ledger = one EARN per order + one 100-point BONUS (welcome) per customer.
- The machine is a VM that may share its host (see the steal column below) and, at times, its cores with other work of the team. Load averages (1/5/15 min) when each phase started:

\`\`\`
$(cat "$WORK/load.txt")
\`\`\`

## Command

\`\`\`
benchmarks/loyalty/run.sh ${ARGS[*]}
\`\`\`

Phases and what is timed:

1. \`pg-insert\`: $(n0 "$PG_ROWS") rows into \`scratch_ledger_entry\` (same columns and index as \`ledger_entry\`) in a scratch database; rows/s over the whole insert.
2. \`reset-kafka\` + fresh database \`loyalty\`, then, while the service is stopped, \`publish-warmup\` ($(n0 "$WARMUP_ORDERS") \`OrderCompleted\` for $(n0 "$WARMUP_CUSTOMERS") other customers, \`w...\`) and \`publish-orders\` (the measured set): each partition holds the warm-up events first.
3. \`kafka-consume\`: a plain consumer of a new group reads all records; from its first non-empty poll to the last record.
4. \`throughput\`: \`await-ledger\` polls \`ledger_entry\` every 500 ms (\`max(id)\`, then an exact \`count(*)\`) while the service starts and catches up.
   The headline rate is the slope between the moments the ledger held 10 % and 90 % of the measured set's entries on top of the warm-up's (interpolated; excludes JVM start, Flyway and the JIT compilation of the first minute: a fresh JVM spends more CPU compiling than applying events, measured with per-thread CPU times);
   "all 10–90 %" is the same slope over warm-up and measured entries together, i.e. including the cold start;
   "overall" is from the last empty sample to the exact count being reached. Entries = orders + welcome bonuses, so entries/s ≈ 1.1 × events/s at the start and ≈ 1.0 × later.
   Then \`verify\` (exact count and sum of points), \`publish-orders --every 100\` (1 % of the events again, same eventId), \`await-lag\` (the service's group has committed the end offsets) and \`verify\` again.
5. \`latency\`: after a settling step (\`VACUUM (ANALYZE)\` of the loyalty database, \`CHECKPOINT\`, \`sync\`; $(val settle settle seconds) s), so that autovacuum's first pass over the rows of the bulk phase and the kernel's write-back of what they dirtied do not run during it; then an open-loop publisher of new \`OrderCompleted\` for random existing customers at $LAT_RATE/s for $DURATION s (the first $LAT_WARMUP s not recorded);
   latency = Kafka CreateTime of the resulting \`PointsEarned\` on \`loyalty-events\` (set by the outbox relay's producer) − the intended send time.
   The relay publishes after the commit that makes the balance visible, so this is an **upper bound** of event → balance visible. Started only once the outbox is drained.
   Events whose PointsEarned has not appeared 60 s after the last send are recorded with their age at that moment (a lower bound of their latency) and counted as "missing".
   One extra run at $LAT_LOW_RATE events/s shows the latency below the service's capacity.
6. \`http\`: open-loop $HTTP_RATE GET/s for $DURATION s after 10 s of warm-up at the same rate, random existing customers, support-role JWT, $HTTP_CONNECTIONS keep-alive HTTP/1.1 connections on plain blocking sockets (one sender thread each; \`RawHttp\`);
   request k is due at start + k/rate, and its latency is measured from that intended start, so a request that starts late because every connection is busy counts its wait (no coordinated omission).

## Every run

### Throughput and exactly-once

| Run | size (orders / customers) | pg-insert rows/s | publish rec/s | raw consume rec/s | service entries/s 10–90 % | 25–75 % | all 10–90 % (cold) | overall | seconds | verify | after 1 % duplicates | orders.dlq | outbox drained after |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
for l in "${TR[@]}"; do
    printf '| %s | %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s s |\n' "$l" \
        "$(n0 "$(val "$l" size orders)")" "$(n0 "$(val "$l" size customers)")" \
        "$(n0 "$(val "$l" pg-insert rate)")" "$(n0 "$(val "$l" publish-orders rate)")" "$(n0 "$(val "$l" kafka-consume rate)")" \
        "$(n0 "$(val "$l" throughput rate_10_90)")" "$(n0 "$(val "$l" throughput rate_25_75)")" "$(n0 "$(val "$l" throughput rate_all_10_90)")" "$(n0 "$(val "$l" throughput rate_overall)")" \
        "$(n1 "$(val "$l" throughput seconds_total)")" \
        "$(val "$l" verify ok) ($(n0 "$(val "$l" verify count)") entries, $(n0 "$(val "$l" verify points)") points; expected $(n0 "$(val "$l" verify expected_count)") / $(n0 "$(val "$l" verify expected_points)"))" \
        "$(val "$l" verify-after-duplicates ok) ($(n0 "$(val "$l" verify-after-duplicates count)") / $(n0 "$(val "$l" verify-after-duplicates points)"); $(val "$l" publish-duplicates records) duplicates)" \
        "$(val "$l" verify-after-duplicates orders_dlq_records)" "$(val "$l" outbox-drain seconds)"
done
cat <<EOF

CPU during each phase (average cores used, from /proc clock ticks; "steal" = time the hypervisor gave this VM's two vCPUs to other guests, which counts as busy; "other" = everything else on the machine, the load generator included; 2 cores = 200 % busy):

| Run | seconds | loyalty-service | PostgreSQL | Kafka | other | steal | machine busy |
| --- | --- | --- | --- | --- | --- | --- | --- |
EOF
for l in "${TR[@]}" "${LR[@]}" latlow "${HR[@]}"; do
    [[ -n "$(val "$l" cpu seconds)" ]] || continue
    printf '| %s | %s | %s | %s | %s | %s | %s | %s %% |\n' "$l" "$(val "$l" cpu seconds)" "$(val "$l" cpu service_cores)" \
        "$(val "$l" cpu postgres_cores)" "$(val "$l" cpu kafka_cores)" "$(val "$l" cpu other_cores)" "$(val "$l" cpu steal_cores)" "$(val "$l" cpu machine_busy_pct)"
done
cat <<EOF

(rows lat*, latlow and http* are the latency and HTTP phases; "other" then includes the load generator itself.)

### Latency at $LAT_RATE events/s (ms, event sent → PointsEarned CreateTime)

| Run | achieved rate | recorded | p50 | p90 | p99 | p99.9 | max | missing after 60 s | producer ack p99 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
for l in "${LR[@]}" latlow; do
    [[ -n "$(val "$l" latency rate)" ]] || continue
    printf '| %s (%s/s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$l" "$(val "$l" latency rate)" "$(n0 "$(val "$l" latency achieved_rate)")" "$(val "$l" latency count)" \
        "$(val "$l" latency p50_ms)" "$(val "$l" latency p90_ms)" "$(val "$l" latency p99_ms)" "$(val "$l" latency p999_ms)" \
        "$(val "$l" latency max_ms)" "$(val "$l" latency missing)" "$(val "$l" latency send_ack_p99_ms)"
done
printf '| **median of the %s/s runs** | | | %s | %s | %s | %s | %s | | |\n' "$LAT_RATE" "$(vals latency p50_ms "${LR[@]}" | median)" "$(vals latency p90_ms "${LR[@]}" | median)" \
    "$M_LAT99" "$(vals latency p999_ms "${LR[@]}" | median)" "$(vals latency max_ms "${LR[@]}" | median)"
if [[ -s "$WORK/fsprobe.log" ]]; then
cat <<EOF

Disk stalls beside each latency run (\`benchmarks/loyalty/fsprobe.py\`: 8 kB write + \`fdatasync\` every 50 ms on the file system of PostgreSQL's data, as a durable commit does; a stall blocks every commit meanwhile). "Slow seconds": seconds of intended send time whose p99 was above 150 ms, of the 55 recorded:

| Run | p99 (ms) | slow seconds | of them within 2 s of a probe stall > 100 ms | probe stalls > 100 ms during the run | longest probe stall (ms) |
| --- | --- | --- | --- | --- | --- |
EOF
for l in "${LR[@]}" latlow; do
    f="$WORK/latseries-$l.tsv"; [[ -f "$f" ]] || continue
    S=$(sed -n 's/# seconds since \([0-9]*\).*/\1/p' "$f"); S=$(( S / 1000 ))
    awk -v S="$S" -v run="$l" -v p99="$(val "$l" latency p99_ms)" -v D="$DURATION" '
        FNR == NR { if ($2 == "fsync_ms") { t[++n] = $1; ms[n] = $3 } next }
        FNR > 2 && $4 > 150 { slow++; sec = S + $1; for (i = 1; i <= n; i++) if (ms[i] > 100 && t[i] >= sec - 2 && t[i] < sec + 2) { near++; break } }
        END { for (i = 1; i <= n; i++) if (t[i] >= S && t[i] < S + D && ms[i] > 100) { stalls++; if (ms[i] > mx) mx = ms[i] }
              printf "| %s | %s | %d | %d | %d | %s |\n", run, p99, slow, near, stalls, (stalls ? mx : "-") }' "$WORK/fsprobe.log" "$f"
done
fi
cat <<EOF

### GET /customers/{id}/loyalty at $HTTP_RATE requests/s (ms)

| Run | achieved rate | requests | errors | p50 | p90 | p99 | p99.9 | max | non-200 (incl. warm-up) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
for l in "${HR[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$l" "$(n0 "$(val "$l" http achieved_rate)")" "$(val "$l" http count)" \
        "$(val "$l" http errors)" "$(val "$l" http p50_ms)" "$(val "$l" http p90_ms)" "$(val "$l" http p99_ms)" \
        "$(val "$l" http p999_ms)" "$(val "$l" http max_ms)" "$(val "$l" http non_200)"
done
printf '| **median** | | | | %s | %s | %s | %s | %s | |\n' "$(vals http p50_ms "${HR[@]}" | median)" "$(vals http p90_ms "${HR[@]}" | median)" \
    "$M_HTTP99" "$(vals http p999_ms "${HR[@]}" | median)" "$(vals http max_ms "${HR[@]}" | median)"
cat <<EOF

### Where PostgreSQL time went (pg_stat_statements, throughput phase of the last run, top statements by total time)

\`\`\`
$(cat "$WORK/pgss-run${RUNS}.txt" 2>/dev/null)
\`\`\`

### Where PostgreSQL time went during the last latency run at $LAT_RATE events/s (calls show the batches and relay rounds per run)

\`\`\`
$(cat "$WORK/pgss-lat${LAT_RUNS}.txt" 2>/dev/null)
\`\`\`
$( if [[ -s "$WORK/pgss-latlow.txt" ]]; then printf '\n### Where PostgreSQL time went during the latency run at %s events/s\n\n```\n%s\n```\n' "$LAT_LOW_RATE" "$(cat "$WORK/pgss-latlow.txt")"; fi )

### Where PostgreSQL time went during the last HTTP run at $HTTP_RATE requests/s

\`\`\`
$(cat "$WORK/pgss-http${HTTP_RUNS}.txt" 2>/dev/null)
\`\`\`

### Ledger growth of the last throughput run (every 10th 500 ms sample: seconds since the first, entries)

\`\`\`
$(awk -F'\t' '$2>0 && !t0 {t0=$1} t0 && (n++ % 10 == 0) {printf "%6.1f s %9d\n", ($1-t0)/1000, $2}' "$WORK/series-run${RUNS}.tsv" 2>/dev/null)
\`\`\`

### top during the last throughput run (first samples)

\`\`\`
$(head -n 60 "$WORK/top-run${RUNS}.txt" 2>/dev/null)
\`\`\`

$( [[ -n "$NOTES" && -f "$NOTES" ]] && { echo "## Observations"; echo; cat "$NOTES"; echo; } )
## Raw result lines

\`\`\`
$(cat "$RESULTS")
\`\`\`
EOF
} > "$REPORT"
info "report: $REPORT"
