#!/usr/bin/env bash
# The benchmark peer of issue 12 (bench/peer/README.md): a plain Quarkus Hibernate ORM Panache
# service over the same accountability_case table, measured the same way as this service.
#
# Sourced (by bench/run.sh), it only defines functions and changes no shell option:
#   peer_build                          package bench/peer unless its jar is there
#   app_start PORT LOG CMD...           launch CMD (it must exec the JVM itself, e.g. `env A=b java
#                                       -jar x.jar`, so that its pid is the JVM's); wait for the first
#                                       200 from /q/health/ready on PORT; sets APP_PID, APP_STARTUP_MS
#                                       and APP_STARTUP_CPU_MS (the CPU time it used until then)
#   cpu_ms PID                          CPU time (user + system) PID has used so far, in ms
#   app_stop PID                        SIGTERM and wait
#   rss_mb PID                          VmRSS of PID in MB (from /proc/PID/status)
#   startup_and_rss PORT LOG LOAD CMD...
#                                       app_start, then the command LOAD with PORT as its last
#                                       argument (its output passes through), then rss_mb, then
#                                       app_stop; sets STARTUP_MS, STARTUP_CPU_MS and RSS_MB
#   wrk_call URL [HEADER]               warm-up, then a measured wrk run; sets WRK_RPS, WRK_P50,
#                                       WRK_P99 and WRK_NOTE (non-2xx answers, socket errors)
#   peer_calls CASE_ID PORT             the three peer calls, one Markdown row each
#                                       (| call | req/s | p50 | p99 |); sets PEER_RPS[one|cached|list]
#   peer_cmd DB_URL USER PORT           sets the array PEER_CMD to the command that runs the peer:
#                                       startup_and_rss PORT LOG LOAD "${PEER_CMD[@]}"
# Both apps get the same JVM flags: BENCH_JVM_OPTS (default none). wrk: BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_WARMUP (10 s), BENCH_DURATION (20 s), as bench/run.sh.
#
# Run on its own: bench/peer.sh [CASES]     (default 10000)
# creates the database a4p_peer_bench (PEER_DB) on PGHOST/PGPORT/PGUSER (default
# postgres@127.0.0.1:5432, trust), migrates it by starting the packaged main app once, loads CASES
# cases from bench/data/cases.sql, then measures the peer (start, three calls, RSS) and the main
# app (start, three calls: one case redacted and full, the list of 50; RSS) against it, and drops
# the database.
# Ports: BENCH_PEER_PORT (8397) and BENCH_PORT (8396).

PEER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/peer
PEER_JAR=$PEER_DIR/target/quarkus-app/quarkus-run.jar
declare -gA PEER_RPS=()

peer_build() {
    [ -f "$PEER_JAR" ] && return 0
    echo "peer: packaging bench/peer" >&2
    (cd "$PEER_DIR" && ../../mvnw -o -q package -DskipTests) >&2
}

peer_cmd() {
    # Word splitting of BENCH_JVM_OPTS is meant: several flags in one variable.
    PEER_CMD=(env QUARKUS_DATASOURCE_JDBC_URL="$1" QUARKUS_DATASOURCE_USERNAME="$2" QUARKUS_HTTP_PORT="$3"
        java ${BENCH_JVM_OPTS:-} -jar "$PEER_JAR")
}

app_start() {
    local port=$1 log=$2 t0 code
    shift 2
    t0=$(date +%s%N)
    "$@" >"$log" 2>&1 &
    APP_PID=$!
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/q/health/ready" || true)
        [ "$code" = 200 ] && break
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "bench: the app did not start, see $log" >&2
            return 1
        fi
        if [ $(( ($(date +%s%N) - t0) / 1000000000 )) -ge 120 ]; then
            echo "bench: not ready after 120 s, see $log" >&2
            app_stop "$APP_PID"
            return 1
        fi
        sleep 0.02
    done
    APP_STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
    APP_STARTUP_CPU_MS=$(cpu_ms "$APP_PID")
}

# CPU time (user + system, all threads) that PID has used so far, in ms: on a machine shared with
# other work, a steadier figure for a startup than the wall-clock time.
cpu_ms() {
    local tick
    tick=$(getconf CLK_TCK)
    # The fields after the command name, which is in parentheses and may hold spaces.
    sed 's/^.*) //' "/proc/$1/stat" | awk -v t="$tick" '{ printf "%d", ($12 + $13) * 1000 / t }'
}

app_stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

rss_mb() {
    awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

startup_and_rss() {
    local port=$1 log=$2 load=$3
    shift 3
    app_start "$port" "$log" "$@" || return 1
    STARTUP_MS=$APP_STARTUP_MS STARTUP_CPU_MS=$APP_STARTUP_CPU_MS
    $load "$port" || { app_stop "$APP_PID"; return 1; }
    RSS_MB=$(rss_mb "$APP_PID")
    app_stop "$APP_PID"
}

wrk_call() {
    local url=$1 header=${2:-} out
    local -a args=(-t"${BENCH_THREADS:-2}" -c"${BENCH_CONNECTIONS:-32}" --timeout 10s)
    [ -n "$header" ] && args+=(-H "$header")
    wrk "${args[@]}" -d"${BENCH_WARMUP:-10}s" "$url" >/dev/null
    out=$(wrk "${args[@]}" -d"${BENCH_DURATION:-20}s" --latency "$url")
    WRK_RPS=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    WRK_P50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    WRK_P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local non2xx errors
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $0}' <<<"$out" | sed 's/^ *//')
    WRK_NOTE="${non2xx:+ $non2xx non-2xx answers!}${errors:+ $errors}"
    [ "$WRK_RPS" = 0 ] && WRK_NOTE+=" no answer within the run!"
    return 0
}

peer_calls() {
    local id=$1 port=$2 key name path
    for key in one cached list; do
        case $key in
            one) name="peer: GET one case by id (Panache findById)" path="/peer/cases/$id" ;;
            cached) name="peer: GET the same case from memory" path="/peer/cached/cases/$id" ;;
            list) name="peer: list of 50 cases, newest first" path="/peer/cases?limit=50" ;;
        esac
        wrk_call "http://127.0.0.1:$port$path"
        PEER_RPS[$key]=$WRK_RPS
        printf '| %s | %s | %s | %s |%s\n' "$name" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_NOTE"
    done
}

# --- Run on its own ------------------------------------------------------------------------------

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

main_calls() {
    local port=$1 call peer token name path
    # Three calls, as many as the peer's, so that both RSS figures follow loads of the same length.
    for call in "one|$PEER_READER_TOKEN|GET one case, redacted (reader)|/accountability-cases/$PEER_CASE_ID" \
                "one|$PEER_OFFICER_TOKEN|GET one case, full view + read log (conduct_officer)|/accountability-cases/$PEER_CASE_ID" \
                "list|$PEER_READER_TOKEN|list of 50 cases|/accountability-cases?limit=50"; do
        IFS='|' read -r peer token name path <<<"$call"
        wrk_call "http://127.0.0.1:$port$path" "Authorization: Bearer $token"
        printf '| main: %s | %s | %s | %s | %s |%s\n' "$name" "$WRK_RPS" "$WRK_P50" "$WRK_P99" \
            "$(ratio "$WRK_RPS" "${PEER_RPS[$peer]}")" "$WRK_NOTE"
    done
}

standalone() {
    set -euo pipefail
    cd "$PEER_DIR/../.."
    local cases=${1:-10000} db=${PEER_DB:-a4p_peer_bench}
    local peer_port=${BENCH_PEER_PORT:-8397} main_port=${BENCH_PORT:-8396}
    local app=target/quarkus-app/quarkus-run.jar tool
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
    for tool in wrk psql curl java; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
    [ -f $app ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }
    peer_build

    local url="jdbc:postgresql://$PGHOST:$PGPORT/$db" key
    key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)
    local -a main_cmd=(env QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="$PGUSER"
        MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT="$main_port" A4P_RATE_LIMIT_AUTH_FAILURES=0
        java ${BENCH_JVM_OPTS:-} -jar "$app")
    peer_cmd "$url" "$PGUSER" "$peer_port"
    APP_PID=
    trap '[ -n "$APP_PID" ] && app_stop "$APP_PID"; dropdb --if-exists "'"$db"'"' EXIT

    dropdb --if-exists "$db" && createdb "$db"
    app_start "$main_port" /tmp/a4p-peer-main.log "${main_cmd[@]}"
    echo "migrated $db (main app's first start, with the migrations: ${APP_STARTUP_MS} ms)"
    app_stop "$APP_PID"
    APP_PID=
    psql -q -v cases="$cases" -f bench/data/cases.sql "$db" >/dev/null
    PEER_CASE_ID=$(psql -tA -c "SELECT id FROM accountability_case WHERE category = 'sea' ORDER BY id LIMIT 1" "$db")
    PEER_READER_TOKEN=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles reader --missions '*' --minutes 600)
    PEER_OFFICER_TOKEN=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles conduct_officer --missions '*' --minutes 600)

    echo
    echo "| call ($cases cases) | req/s | p50 | p99 | ratio to the peer |"
    echo "|---|---|---|---|---|"
    startup_and_rss "$peer_port" /tmp/a4p-peer-app.log "peer_calls $PEER_CASE_ID" "${PEER_CMD[@]}"
    local peer_start=$STARTUP_MS peer_cpu=$STARTUP_CPU_MS peer_rss=$RSS_MB
    startup_and_rss "$main_port" /tmp/a4p-peer-main.log main_calls "${main_cmd[@]}"
    APP_PID=

    echo
    echo "| app (JVM flags: ${BENCH_JVM_OPTS:-none}) | start to first ready (ms) | CPU time until then (ms) | RSS after the load (MB) |"
    echo "|---|---|---|---|"
    echo "| peer | $peer_start | $peer_cpu | $peer_rss |"
    echo "| main | $STARTUP_MS | $STARTUP_CPU_MS | $RSS_MB |"
    echo "| main / peer | $(ratio "$STARTUP_MS" "$peer_start") | $(ratio "$STARTUP_CPU_MS" "$peer_cpu") | $(ratio "$RSS_MB" "$peer_rss") |"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    standalone "$@"
fi
