#!/usr/bin/env bash
# Load benchmark of the packaged app at several sizes of the case table (issue 12), next to the
# database's own limit for a primary-key read (pgbench -S), in one run on one machine.
# Usage: bench/run.sh [CASES ...]          (default: 10000 1000000)
# Needs: the packaged app (./mvnw package -DskipTests), wrk, psql and pgbench, and a PostgreSQL
# server: PGHOST/PGPORT/PGUSER (default postgres@127.0.0.1:5432 with trust auth). The databases
# a4p_bench and a4p_bench_pgbench are dropped and created again.
# Tuning: BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_WARMUP (10 s), BENCH_DURATION (20 s),
# BENCH_PORT (8396). Prints one Markdown table per size; bench/README.md keeps the latest.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-10000 1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8396} threads=${BENCH_THREADS:-2} conns=${BENCH_CONNECTIONS:-32}
warmup=${BENCH_WARMUP:-10} duration=${BENCH_DURATION:-20}
app=target/quarkus-app/quarkus-run.jar
for tool in wrk psql pgbench java; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
[ -f $app ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }

mint() { java src/test/java/org/a4ptracker/support/DevTokens.java --roles "$1" --missions '*' --minutes 600; }
reader=$(mint reader)
officer=$(mint conduct_officer)
key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)

# wrk NAME TOKEN PATH: one line of the table, "| name | req/s | p50 | p99 | ratio |".
measure() {
    local name=$1 token=$2 path=$3 out
    wrk -t"$threads" -c"$conns" -d"${warmup}s" --timeout 10s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" >/dev/null
    out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
    local rps p50 p99 non2xx errors
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $0}' <<<"$out" | sed 's/^ *//')
    printf '| %s | %.0f | %s | %s | %s |%s\n' "$name" "$rps" "$p50" "$p99" \
        "$(awk -v a="$rps" -v b="$pgbench_tps" 'BEGIN { printf "%.3f", a / b }')" \
        "${non2xx:+ $non2xx non-2xx answers!}${errors:+ $errors}"
}

echo "== pgbench -S (the database's limit for a primary-key read)"
dropdb --if-exists a4p_bench_pgbench && createdb a4p_bench_pgbench
pgbench -q -i -s 10 a4p_bench_pgbench >/dev/null 2>&1
pgbench -S -c "$conns" -j "$threads" -T "$warmup" a4p_bench_pgbench >/dev/null 2>&1
pgbench_tps=$(pgbench -S -c "$conns" -j "$threads" -T "$duration" a4p_bench_pgbench 2>/dev/null | awk '/^tps/ {print int($3)}')
echo "pgbench -S: $pgbench_tps tps ($conns connections, $threads threads, ${duration} s)"

for cases in $sizes; do
    echo
    echo "== $cases accountability cases"
    dropdb --if-exists a4p_bench && createdb a4p_bench
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/a4p_bench" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT=$port A4P_RATE_LIMIT_AUTH_FAILURES=0 \
        java -jar $app >/tmp/a4p-bench-app.log 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do
        kill -0 $pid 2>/dev/null || { echo "bench: the app did not start, see /tmp/a4p-bench-app.log" >&2; exit 1; }
        sleep 0.2
    done
    start=$(date +%s%N)
    psql -q -v cases="$cases" -f bench/data/cases.sql a4p_bench >/dev/null
    echo "data: $cases cases in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    case_id=$(psql -tA -c "SELECT id FROM accountability_case WHERE category = 'sea' ORDER BY id LIMIT 1" a4p_bench)

    echo
    echo "| call ($cases cases) | req/s | p50 | p99 | ratio to pgbench -S |"
    echo "|---|---|---|---|---|"
    measure "GET /priorities" "$reader" "/priorities"
    measure "GET /missions/MINUSCA" "$reader" "/missions/MINUSCA"
    measure "GET one case, redacted (reader)" "$reader" "/accountability-cases/$case_id"
    measure "GET one case, full view + read log (conduct_officer)" "$officer" "/accountability-cases/$case_id"
    measure "list of 50 cases" "$reader" "/accountability-cases?limit=50"
    measure "list of 50, mission + kind filter" "$reader" "/accountability-cases?limit=50&mission=MINUSCA&kind=misconduct"
    measure "list of 50, overdue filter" "$reader" "/accountability-cases?limit=50&overdue=true"

    echo
    echo "| statistics ($cases cases), one call | status | seconds |"
    echo "|---|---|---|"
    for groups in mission year kind category "mission&group_by=year&group_by=kind&group_by=category"; do
        curl -s -o /dev/null -w "| group_by=$groups | %{http_code} | %{time_total} |\n" \
            -H "Authorization: Bearer $reader" "http://127.0.0.1:$port/accountability-cases/statistics?group_by=$groups"
    done
    kill $pid; wait $pid 2>/dev/null || true
    trap - EXIT
done
