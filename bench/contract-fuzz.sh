#!/usr/bin/env bash
# Contract fuzz run against the packaged app on a throwaway database (see bench/README.md).
# Usage: bench/contract-fuzz.sh [ROUNDS_PER_OPERATION] [SEED]
# Needs: a local PostgreSQL reachable as postgres@127.0.0.1:5432 (trust) and a built app
# (./mvnw package -DskipTests). Port 8390 by default (FUZZ_PORT). The failed-authentication limit is
# off by default here (FUZZ_AUTH_FAILURES=0): its bad tokens would otherwise turn the rest of the run
# into 429s from 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-25}
seed=${2:-42}
port=${FUZZ_PORT:-8390}
db=${FUZZ_DB:-a4p_fuzz}
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
key=$(grep '^%test.mp.jwt.verify.publickey=' src/main/resources/application.properties | cut -d= -f2-)
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
  MP_JWT_VERIFY_PUBLICKEY=$key QUARKUS_HTTP_PORT=$port A4P_DEMO_DATA=true \
  A4P_RATE_LIMIT_AUTH_FAILURES=${FUZZ_AUTH_FAILURES:-0} \
  java -jar target/quarkus-app/quarkus-run.jar > target/contract-fuzz-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break
  sleep 1
done
token=target/contract-fuzz.token
java src/test/java/org/a4ptracker/support/DevTokens.java --roles admin --missions '*' --minutes 60 > "$token"
cp=target/contract-fuzz.classpath
[ -s "$cp" ] || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" > /dev/null
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat "$cp")" bench/ContractFuzz.java "http://127.0.0.1:$port" "$token" "$rounds" "$seed"
