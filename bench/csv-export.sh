#!/usr/bin/env bash
# CSV export benchmark (issue 14): GET /accountability-cases with Accept: text/csv over CASES
# accountability cases, from the packaged app against a throwaway database. Reports the rows, the
# time, rows per second, and how much the service's heap grew during the export.
# Usage: bench/csv-export.sh [CASES]            (default 1000000)
# Needs: the packaged app (./mvnw package -DskipTests), psql, curl and a JDK (java, jstat, jcmd), and
# a PostgreSQL server: PGHOST/PGPORT/PGUSER (default postgres@127.0.0.1:5432, trust). The database
# a4p_csv_bench (CSV_BENCH_DB) is created, loaded with bench/data/cases.sql and dropped at the end
# (CSV_BENCH_KEEP=1 keeps it, and a later run with it reuses a database holding CASES cases).
# Port: CSV_BENCH_PORT (8391). JVM flags of the measured runs: CSV_BENCH_HEAPS, one run per entry,
# default "default -Xmx64m" (the JVM's default heap, then a heap capped at 64 MB in all). The
# export batch size is the app's (2000 rows) unless A4P_CSV_BATCH_SIZE is set.
#
# CPU: the time the app's JVM and the database's server processes serving it used during the export
# (from /proc): on a shared machine a steadier measure than the wall clock.
# Heap: jstat samples the used heap (eden, survivors, old generation) every 200 ms. "Live before"
# is the heap used after a full GC just before the export; "peak" the most the samples saw during
# it (garbage not yet collected included); "live after" after a full GC once it finished. The
# capped run shows the same export in a heap whose whole size is 64 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/peer.sh
cases=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=${CSV_BENCH_DB:-a4p_csv_bench}
port=${CSV_BENCH_PORT:-8391}
heaps=${CSV_BENCH_HEAPS:-default -Xmx64m}
app=target/quarkus-app
for tool in psql curl java jstat jcmd; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }; done
[ -f $app/quarkus-run.jar ] || { echo "bench: package the app first (./mvnw package -DskipTests)" >&2; exit 2; }

key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)
token=$(java src/test/java/org/a4ptracker/support/DevTokens.java --roles reader --missions '*' --minutes 600)
out=$(mktemp -d)
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && app_stop "$APP_PID" || true
    [ -n "${CSV_BENCH_KEEP:-}" ] || dropdb --if-exists "$db" || true
    rm -rf "$out"
}
trap cleanup EXIT

start_app() {
    local flags=()
    [ "$1" != default ] && flags=("$1")
    local cds=()
    [ -f $app/app-cds.jsa ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
    app_start "$port" "$out/app.log" env -C "$root/$app" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        MP_JWT_VERIFY_PUBLICKEY="$key" QUARKUS_HTTP_PORT="$port" A4P_RATE_LIMIT_AUTH_FAILURES=0 \
        ${A4P_CSV_BATCH_SIZE:+A4P_CSV_BATCH_SIZE=$A4P_CSV_BATCH_SIZE} \
        java "${flags[@]}" "${cds[@]}" -jar quarkus-run.jar
}

# Heap used in KB: survivors, eden and old generation from jstat -gc.
heap_kb() { jstat -gc "$1" | awk 'NR == 2 {printf "%.0f", $3 + $4 + $6 + $8}'; }
live_kb() { jcmd "$1" GC.run >/dev/null; heap_kb "$1"; }
max_heap_mb() { jcmd "$1" VM.flags | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" {printf "%.0f", $2 / 1048576}'; }
# CPU time of the database's server processes that serve the app (the pool's connections), in ms.
db_cpu_ms() {
    local total=0 pid
    for pid in $(psql -tA -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()" "$db"); do
        total=$(( total + $(cpu_ms "$pid" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}
export_csv() {
    curl -sS --fail -H "Authorization: Bearer $token" -H 'Accept: text/csv' \
        "http://127.0.0.1:$port/accountability-cases" -o "$out/cases.csv"
}

echo "== $cases accountability cases: database $db on $PGHOST:$PGPORT"
loaded=$(psql -tA -c "SELECT count(*) FROM accountability_case" "$db" 2>/dev/null || echo 0)
if [ -n "${CSV_BENCH_KEEP:-}" ] && [ "$loaded" = "$cases" ]; then
    echo "data: $cases cases already there (CSV_BENCH_KEEP)"
else
    dropdb --if-exists "$db" && createdb "$db"
    start_app default   # migrates the database
    start=$(date +%s%N)
    psql -q -v cases="$cases" -f bench/data/cases.sql "$db" >/dev/null
    psql -q -c "VACUUM ANALYZE" "$db"
    echo "data: $cases cases in $(( ($(date +%s%N) - start) / 1000000 )) ms (and VACUUM ANALYZE)"
    app_stop "$APP_PID"
    APP_PID=
fi

echo
echo "| JVM heap flags | max heap (MB) | rows | seconds | rows/s | app CPU (s) | database CPU (s) | rows per CPU second | CSV size (MB) | live heap before (MB) | peak heap during (MB) | live heap after (MB) | peak minus live before (MB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for heap in $heaps; do
    start_app "$heap"
    # Warm-up: one export, so that the measured one runs compiled code.
    export_csv
    before=$(live_kb "$APP_PID")
    app_cpu=$(cpu_ms "$APP_PID")
    db_cpu=$(db_cpu_ms)
    ( while kill -0 "$APP_PID" 2>/dev/null; do heap_kb "$APP_PID"; echo; sleep 0.2; done ) >"$out/heap.txt" 2>/dev/null &
    sampler=$!
    t0=$(date +%s%N)
    export_csv
    t1=$(date +%s%N)
    app_cpu=$(( $(cpu_ms "$APP_PID") - app_cpu ))
    db_cpu=$(( $(db_cpu_ms) - db_cpu ))
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    after=$(live_kb "$APP_PID")
    peak=$(sort -n "$out/heap.txt" | tail -1)
    rows=$(( $(wc -l <"$out/cases.csv") - 1 ))
    ms=$(( (t1 - t0) / 1000000 ))
    awk -v h="$heap" -v mx="$(max_heap_mb "$APP_PID")" -v r="$rows" -v ms="$ms" -v sz="$(stat -c %s "$out/cases.csv")" \
        -v ac="$app_cpu" -v dc="$db_cpu" -v b="$before" -v p="$peak" -v a="$after" 'BEGIN {
        printf "| %s | %s | %d | %.1f | %.0f | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f |\n",
            h, mx, r, ms / 1000, r / (ms / 1000), ac / 1000, dc / 1000, r / ((ac + dc) / 1000),
            sz / 1048576, b / 1024, p / 1024, a / 1024, (p - b) / 1024 }'
    app_stop "$APP_PID"
    APP_PID=
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
