#!/usr/bin/env bash
# Load benchmark of the packaged app at several sizes of the case table (issue 12), next to the
# database's own limit for a primary-key read (pgbench -S) and to a plain Quarkus Panache service
# on the same table (bench/peer), in one run on one machine.
# Usage: bench/run.sh [CASES ...]          (default: 10000 1000000)
# Needs: the packaged app (./mvnw package -DskipTests), wrk, psql, pgbench and curl, and a
# PostgreSQL server: PGHOST/PGPORT/PGUSER (default postgres@127.0.0.1:5432 with trust auth). The
# databases a4p_bench and a4p_bench_pgbench are dropped and created again. The peer is packaged
# on first use (bench/peer.sh).
# Tuning: BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_WARMUP (10 s), BENCH_DURATION (20 s),
# BENCH_JIT_WARMUP (20 s per call of a first, unmeasured pass over every call of an app, so that the
# JIT has compiled what all the calls share before any is measured), BENCH_PORT (8396),
# BENCH_PEER_PORT (8397), BENCH_JVM_OPTS (JVM flags for both apps, default none).
# Prints Markdown tables per size; bench/README.md keeps the latest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/peer.sh
sizes=${*:-10000 1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8396} peer_port=${BENCH_PEER_PORT:-8397}
threads=${BENCH_THREADS:-2} conns=${BENCH_CONNECTIONS:-32}
warmup=${BENCH_WARMUP:-10} duration=${BENCH_DURATION:-20} jit_warmup=${BENCH_JIT_WARMUP:-20}
app=target/quarkus-app
for tool in wrk psql pgbench java curl; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
[ -f $app/quarkus-run.jar ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }
peer_build

mint() { java src/test/java/org/a4ptracker/support/DevTokens.java --roles "$1" --missions '*' --minutes 600; }
reader=$(mint reader)
officer=$(mint conduct_officer)
key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }'; }

# The packaged app, with its class-data archive when the package wrote one (AppCDS: the archive
# only matches the class path it was written with, hence the cd).
main_cmd() {
    local cds=()
    [ -f $app/app-cds.jsa ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
    MAIN_CMD=(env -C "$root/$app" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/a4p_bench"
        QUARKUS_DATASOURCE_USERNAME="$PGUSER" MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT=$port
        A4P_RATE_LIMIT_AUTH_FAILURES=0 java ${BENCH_JVM_OPTS:-} "${cds[@]}" -jar quarkus-run.jar)
}

# One row: | name | req/s | p50 | p99 | ratio to pgbench -S | ratio to the peer (PEER key) |
# With WARM_ONLY set, the call is only run for BENCH_JIT_WARMUP seconds and nothing is printed.
# A path "random-case" asks for a different case of bench_ids.txt on each request.
measure() {
    local name=$1 peer=$2 path=$3
    shift 3
    local -a headers=(-H "Authorization: Bearer $reader") script=()
    [ $# -gt 0 ] && headers=("$@")
    if [ "$path" = random-case ]; then
        script=(-s "$root/bench/random-case.lua")
        path=/
    fi
    if [ -n "${WARM_ONLY:-}" ]; then
        wrk -t"$threads" -c"$conns" -d"${jit_warmup}s" --timeout 10s "${headers[@]}" "${script[@]}" "http://127.0.0.1:$port$path" >/dev/null
        return 0
    fi
    wrk -t"$threads" -c"$conns" -d"${warmup}s" --timeout 10s "${headers[@]}" "${script[@]}" "http://127.0.0.1:$port$path" >/dev/null
    local out rps p50 p99 non2xx errors
    out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s --latency "${headers[@]}" "${script[@]}" "http://127.0.0.1:$port$path")
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $0}' <<<"$out" | sed 's/^ *//')
    printf '| %s | %s | %s | %s | %s | %s |%s\n' "$name" "$rps" "$p50" "$p99" "$(ratio "$rps" "$pgbench_tps")" \
        "$([ -n "$peer" ] && ratio "$rps" "${PEER_RPS[$peer]:-0}" || echo)" \
        "${non2xx:+ $non2xx non-2xx answers}${errors:+ $errors}"
}

# Everything measured against the running app (the load before its RSS is read), after a pass that
# only warms the JIT.
main_calls() {
    WARM_ONLY=1 calls >/dev/null
    calls
}

calls() {
    local etag
    etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $reader" "http://127.0.0.1:$port/missions/MINUSCA" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
    echo "| call ($cases cases) | req/s | p50 | p99 | ratio to pgbench -S | ratio to the peer |"
    echo "|---|---|---|---|---|---|"
    measure "GET /priorities" cached "/priorities"
    measure "GET /missions/MINUSCA" cached "/missions/MINUSCA"
    measure "GET /missions/MINUSCA, If-None-Match: current ETag (304)" cached "/missions/MINUSCA" \
        -H "Authorization: Bearer $reader" -H "If-None-Match: $etag"
    measure "GET one case, redacted (reader)" one "/accountability-cases/$case_id"
    measure "GET one case, full view + read log (conduct_officer)" one "/accountability-cases/$case_id" \
        -H "Authorization: Bearer $officer"
    measure "GET a different case each time (10,000 ids, mostly not held in memory)" one random-case
    measure "list of 50 cases" list "/accountability-cases?limit=50"
    measure "list of 50, mission + kind filter" list "/accountability-cases?limit=50&mission=MINUSCA&kind=misconduct"
    measure "list of 50, overdue filter" list "/accountability-cases?limit=50&overdue=true"
    measure "list of 50, page 200 of the unfiltered list (keyset)" list "/accountability-cases?limit=50&cursor=$deep_cursor"

    [ -n "${WARM_ONLY:-}" ] && return 0
    echo
    echo "| statistics ($cases cases), one call after one warm-up call | status | seconds |"
    echo "|---|---|---|"
    for groups in mission year kind category "mission&group_by=year&group_by=kind&group_by=category"; do
        local url="http://127.0.0.1:$port/accountability-cases/statistics?group_by=$groups"
        curl -s -o /dev/null -H "Authorization: Bearer $reader" "$url"
        curl -s -o /dev/null -w "| group_by=$groups | %{http_code} | %{time_total} |\n" -H "Authorization: Bearer $reader" "$url"
    done
}

# The cursor of page 200 of the unfiltered list, followed the way a client would.
deep_cursor() {
    local cursor="" i
    for i in $(seq 1 199); do
        cursor=$(curl -s -H "Authorization: Bearer $reader" \
            "http://127.0.0.1:$port/accountability-cases?limit=50${cursor:+&cursor=$cursor}" |
            sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p')
    done
    echo "$cursor"
}

echo "== pgbench -S (the database's limit for a primary-key read)"
dropdb --if-exists a4p_bench_pgbench && createdb a4p_bench_pgbench
pgbench -q -i -s 10 a4p_bench_pgbench >/dev/null 2>&1
pgbench -S -c "$conns" -j "$threads" -T "$warmup" a4p_bench_pgbench >/dev/null 2>&1
pgbench_tps=$(pgbench -S -c "$conns" -j "$threads" -T "$duration" a4p_bench_pgbench 2>/dev/null | awk '/^tps/ {print int($3)}')
echo "pgbench -S: $pgbench_tps tps ($conns connections, $threads threads, ${duration} s)"

# The peer's calls, after the same JIT warm-up pass as ours.
peer_load() {
    local id=$1 peer_port=$2 path
    for path in "/peer/cases/$id" "/peer/cached/cases/$id" "/peer/cases?limit=50"; do
        wrk -t"$threads" -c"$conns" -d"${jit_warmup}s" --timeout 10s "http://127.0.0.1:$peer_port$path" >/dev/null
    done
    peer_calls "$id" "$peer_port"
}

export BENCH_IDS=${TMPDIR:-/tmp}/a4p-bench-ids.txt
main_cmd
APP_PID=
trap '[ -n "$APP_PID" ] && app_stop "$APP_PID"' EXIT
for cases in $sizes; do
    echo
    echo "== $cases accountability cases"
    dropdb --if-exists a4p_bench && createdb a4p_bench
    app_start $port /tmp/a4p-bench-app.log "${MAIN_CMD[@]}"   # migrates the database
    start=$(date +%s%N)
    psql -q -v cases="$cases" -f bench/data/cases.sql a4p_bench >/dev/null
    psql -q -c "VACUUM ANALYZE" a4p_bench
    echo "data: $cases cases in $(( ($(date +%s%N) - start) / 1000000 )) ms (and VACUUM ANALYZE)"
    case_id=$(psql -tA -c "SELECT id FROM accountability_case WHERE category = 'sea' ORDER BY id LIMIT 1" a4p_bench)
    psql -tA -c "SELECT id FROM accountability_case ORDER BY random() LIMIT 10000" a4p_bench >"$BENCH_IDS"
    deep_cursor=$(deep_cursor)
    app_stop "$APP_PID"
    APP_PID=

    echo
    echo "| peer call ($cases cases) | req/s | p50 | p99 |"
    echo "|---|---|---|---|"
    peer_cmd "jdbc:postgresql://$PGHOST:$PGPORT/a4p_bench" "$PGUSER" "$peer_port"
    startup_and_rss $peer_port /tmp/a4p-bench-peer.log "peer_load $case_id" "${PEER_CMD[@]}"
    peer_start=$STARTUP_MS peer_cpu=$STARTUP_CPU_MS peer_rss=$RSS_MB
    echo
    startup_and_rss $port /tmp/a4p-bench-app.log main_calls "${MAIN_CMD[@]}"

    echo
    echo "| app ($cases cases; JVM flags: ${BENCH_JVM_OPTS:-none}) | start to first ready (ms) | CPU time until then (ms) | RSS after the load (MB) |"
    echo "|---|---|---|---|"
    echo "| peer | $peer_start | $peer_cpu | $peer_rss |"
    echo "| this service$([ -f $app/app-cds.jsa ] && echo ', with its AppCDS archive') | $STARTUP_MS | $STARTUP_CPU_MS | $RSS_MB |"
    echo "| ratio | $(ratio "$STARTUP_MS" "$peer_start") | $(ratio "$STARTUP_CPU_MS" "$peer_cpu") | $(ratio "$RSS_MB" "$peer_rss") |"
done
