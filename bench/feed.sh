#!/usr/bin/env bash
# Change feed cost (issue 13): case-creation throughput of the packaged app with the outbox against
# the same service just before the outbox was wired in (BENCH_BASELINE_REF), on the same database
# server, and how long events take to reach a long-polling reader under that load.
# Usage: bench/feed.sh        Needs: the packaged app (./mvnw package -DskipTests), wrk, psql,
# python3, and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default postgres@127.0.0.1:5432, trust).
# The database a4p_feed_bench is dropped and created again for each run.
# Tuning: BENCH_THREADS (2), BENCH_CONNECTIONS (16), BENCH_WARMUP (10 s), BENCH_DURATION (30 s),
# BENCH_PORT (8398), BENCH_BASELINE_REF (7360449: contract and V14 in place, no service writes events).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/peer.sh
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8398} threads=${BENCH_THREADS:-2} conns=${BENCH_CONNECTIONS:-16}
warmup=${BENCH_WARMUP:-10} duration=${BENCH_DURATION:-30}
baseline_ref=${BENCH_BASELINE_REF:-7360449}
baseline_dir=${TMPDIR:-/tmp}/a4p-feed-baseline-$baseline_ref
for tool in wrk psql python3 java curl git; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }
if [ ! -f "$baseline_dir/target/quarkus-app/quarkus-run.jar" ]; then
    echo "baseline: packaging $baseline_ref in $baseline_dir" >&2
    rm -rf "$baseline_dir" && mkdir -p "$baseline_dir"
    git archive "$baseline_ref" | tar -x -C "$baseline_dir"
    (cd "$baseline_dir" && ./mvnw -o -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=false) >&2
fi

officer=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles conduct_officer --missions '*' --minutes 600)
key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)

run() {   # name, app directory
    local name=$1 dir=$2 out rps p50 p99 non2xx follower=
    dropdb --if-exists a4p_feed_bench && createdb a4p_feed_bench
    app_start $port /tmp/a4p-feed-bench.log env -C "$dir" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/a4p_feed_bench" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT=$port A4P_RATE_LIMIT_AUTH_FAILURES=0 java -jar quarkus-run.jar
    psql -q -v cases=10000 -f bench/data/cases.sql a4p_feed_bench >/dev/null
    psql -q -c "VACUUM ANALYZE" a4p_feed_bench
    export MISSIONS=$(psql -tA -c "SELECT string_agg(acronym, ',') FROM mission" a4p_feed_bench)
    local -a args=(-t"$threads" -c"$conns" --timeout 10s -s bench/feed/create-case.lua -H "Authorization: Bearer $officer")
    wrk "${args[@]}" -d"${warmup}s" "http://127.0.0.1:$port" >/dev/null
    if [ "$name" = "with the outbox" ]; then
        python3 bench/feed/follow.py "http://127.0.0.1:$port" "$officer" "$((duration + 2))" > /tmp/a4p-feed-follow.txt &
        follower=$!
        sleep 2
    fi
    out=$(wrk "${args[@]}" -d"${duration}s" --latency "http://127.0.0.1:$port")
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    [ -n "$follower" ] && wait "$follower"
    app_stop "$APP_PID"; APP_PID=
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
    eval "RPS_$3=$rps"
}

APP_PID=
trap '[ -n "$APP_PID" ] && app_stop "$APP_PID"' EXIT
echo "| POST /accountability-cases, $conns connections, ${duration} s | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "without the outbox ($baseline_ref)" "$baseline_dir/target/quarkus-app" base
run "with the outbox" "$root/target/quarkus-app" outbox
echo
awk -v a="$RPS_outbox" -v b="$RPS_base" 'BEGIN { printf "with / without: %.3f\n", a / b }'
echo "long-polling reader during the load: $(cat /tmp/a4p-feed-follow.txt)"
dropdb --if-exists a4p_feed_bench
