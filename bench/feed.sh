#!/usr/bin/env bash
# Change feed cost (issue 13). Three runs of the same case-creation load (wrk, bench/feed/create-case.lua):
#   1. this service without its outbox: the same source with bench/feed/without-outbox.patch applied
#      (no event row, no change diff; everything else as it is), no consumer;
#   2. this service (the packaged app), no consumer: 2 / 1 is what the outbox costs the writers;
#   3. this service with a long-polling reader (bench/feed/follow.py) and a webhook subscription whose
#      receiver (bench/feed/receive.py) checks every signature: how long events take to reach them under
#      that load, and what the consumers cost the writers on the same machine;
#   4. the same as 3 with fewer connections (BENCH_LIGHT_CONNECTIONS, 2): a load one subscription's
#      in-order deliveries can follow on this machine.
# Usage: bench/feed.sh        Needs: the packaged app (./mvnw package -DskipTests), wrk, psql, curl,
# python3 (3.9+), and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default postgres@127.0.0.1:5432, trust).
# The database a4p_feed_bench is dropped and created again for each run. The variant without the outbox
# is packaged once per state of the source, in $TMPDIR/a4p-feed-without-outbox-<hash>.
# Tuning: BENCH_THREADS (2), BENCH_CONNECTIONS (16), BENCH_LIGHT_CONNECTIONS (2), BENCH_WARMUP (20 s), BENCH_DURATION (30 s),
# BENCH_PORT (8398), BENCH_RECEIVER_PORT (8399), BENCH_RECEIVER (python: bench/feed/receive.py; java:
# bench/feed/Receive.java, the same receiver on the JDK's HTTP server).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/peer.sh
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8398} receiver_port=${BENCH_RECEIVER_PORT:-8399}
threads=${BENCH_THREADS:-2} conns=${BENCH_CONNECTIONS:-16} light=${BENCH_LIGHT_CONNECTIONS:-2}
warmup=${BENCH_WARMUP:-20} duration=${BENCH_DURATION:-30}
case ${BENCH_RECEIVER:-python} in
    python) receive="python3 bench/feed/receive.py" ;;
    java) receive="java bench/feed/Receive.java" ;;
    *) echo "bench: BENCH_RECEIVER is python or java" >&2; exit 2 ;;
esac
for tool in wrk psql python3 java curl git patch; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }
state=$( (git rev-parse HEAD; git diff HEAD; git ls-files --others --exclude-standard src | xargs -r cat) | sha1sum | cut -c1-12)
baseline_dir=${TMPDIR:-/tmp}/a4p-feed-without-outbox-$state
if [ ! -f "$baseline_dir/target/quarkus-app/quarkus-run.jar" ]; then
    echo "baseline: packaging the service without its outbox in $baseline_dir" >&2
    rm -rf "$baseline_dir" && mkdir -p "$baseline_dir"
    tar --exclude=./target --exclude=./.git -cf - . | tar -x -C "$baseline_dir"
    (cd "$baseline_dir" && patch -s -p1 < bench/feed/without-outbox.patch \
        && ./mvnw -o -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=false) >&2
fi

admin=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles admin --missions '*' --minutes 600)
officer=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles conduct_officer --missions '*' --minutes 600)
key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)
out_dir=$(mktemp -d)

run() {   # name, app directory, result name, consumers (yes/no), connections
    local name=$1 dir=$2 consumers=$4 connections=$5 out rps p50 p99 non2xx follower= receiver= secret load_start
    dropdb --if-exists a4p_feed_bench && createdb a4p_feed_bench
    app_start $port "$out_dir/app.log" env -C "$dir" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/a4p_feed_bench" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT=$port A4P_RATE_LIMIT_AUTH_FAILURES=0 \
        A4P_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 java -jar quarkus-run.jar
    psql -q -v cases=10000 -f bench/data/cases.sql a4p_feed_bench >/dev/null
    psql -q -c "VACUUM ANALYZE" a4p_feed_bench
    export MISSIONS=$(psql -tA -c "SELECT string_agg(acronym, ',') FROM mission" a4p_feed_bench)
    local -a args=(-t"$threads" -c"$connections" --timeout 10s -s bench/feed/create-case.lua -H "Authorization: Bearer $officer")
    wrk "${args[@]}" -d"${warmup}s" "http://127.0.0.1:$port" >/dev/null
    if [ "$consumers" = yes ]; then
        secret=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
            -d "{\"url\":\"http://127.0.0.1:$receiver_port/hook\",\"types\":[\"org.a4ptracker.case.created\"]}" \
            "http://127.0.0.1:$port/webhook-subscriptions" | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
        load_start=$(date -d '+2 seconds' +%s.%N)
        python3 bench/feed/follow.py "http://127.0.0.1:$port" "$officer" "$((duration + 2))" > "$out_dir/follow.txt" &
        follower=$!
        # The receiver counts the events of the measured load only, and listens 12 s past its end.
        echo "$load_start" | $receive "$receiver_port" "$secret" "$((duration + 14))" > "$out_dir/receive.txt" &
        receiver=$!
        sleep 2
    fi
    out=$(wrk "${args[@]}" -d"${duration}s" --latency "http://127.0.0.1:$port")
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    if [ "$consumers" = yes ]; then
        wait "$follower" "$receiver"
        events=$(psql -tA -c "SELECT count(*) FROM event WHERE type = 'org.a4ptracker.case.created'
            AND occurred_at >= to_timestamp($load_start)" a4p_feed_bench)
        answer_ms=$(psql -tA -c "SELECT round(avg(last_duration_ms), 1) FROM webhook_delivery
            WHERE status = 'succeeded'" a4p_feed_bench)
        CONSUMERS+="$name, $rps req/s:"$'\n'
        CONSUMERS+="- long-polling reader: $(cat "$out_dir/follow.txt")"$'\n'
        CONSUMERS+="- webhook receiver: $(cat "$out_dir/receive.txt") (the load created $events; the sender"
        CONSUMERS+=" saw answers in $answer_ms ms on average)"$'\n'
    fi
    app_stop "$APP_PID"; APP_PID=
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
    eval "RPS_$3=$rps"
}

APP_PID= CONSUMERS=
trap '[ -n "$APP_PID" ] && app_stop "$APP_PID"; rm -rf "$out_dir"' EXIT
echo "| POST /accountability-cases, ${duration} s after ${warmup} s of warm-up | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "without the outbox (bench/feed/without-outbox.patch), $conns connections" "$baseline_dir/target/quarkus-app" base no $conns
run "with the outbox, $conns connections" "$root/target/quarkus-app" outbox no $conns
run "with the outbox and its two consumers, $conns connections" "$root/target/quarkus-app" consumed yes $conns
run "with the outbox and its two consumers, $light connections" "$root/target/quarkus-app" light yes $light
echo
awk -v a="$RPS_outbox" -v b="$RPS_base" -v c="$RPS_consumed" \
    'BEGIN { printf "with / without the outbox: %.3f (with its two consumers on the same machine: %.3f)\n\n", a / b, c / b }'
printf '%s' "$CONSUMERS"
dropdb --if-exists a4p_feed_bench
