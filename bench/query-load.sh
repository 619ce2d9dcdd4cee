#!/usr/bin/env bash
# Query API under load against the same SQL over plain JDBC, in the same run: loads a generated events dataset
# (5,000,000 rows by default) through the upload API, then drives 100-row filtered pages and 5000-row pages with
# 50 concurrent clients and prints p50/p95/p99, queries/s and the overhead ratios.
# bench/query-load.sh [ROWS=5000000] [SECONDS=30] [CLIENTS=50]; QUERY_SCENARIOS=keyset (say) runs only some of offset,keyset,5000;
# QUERY_WARMUP_SECONDS (30) of unmeasured calls over those scenarios first warm the server up
source "$(dirname "$0")/common.sh"
ROWS=${1:-5000000}
SECONDS_EACH=${2:-30}
CLIENTS=${3:-50}
command -v psql > /dev/null || { echo "psql is needed (the PostgreSQL client)"; exit 1; }

start_app 18090
start_measured 18091 DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100
BASE="$MEASURED_BASE"
mkdir -p target/bench-lib
PGJDBC=$(ls target/bench-lib/postgresql-*.jar 2>/dev/null | head -1 || true)
if [ -z "$PGJDBC" ]; then
  (cd target/bench-lib && unzip -q -j -o "../../$JAR" 'BOOT-INF/lib/postgresql-*.jar')
  PGJDBC=$(ls target/bench-lib/postgresql-*.jar | head -1)
fi

create_api_client query-bench '["LOADER","VIEWER"]' bench/query/events-dataset.json

load_events "$ROWS"
echo "dataset: $ROWS rows loaded; $CLIENTS clients, ${SECONDS_EACH} s per phase after a 3 s warm-up"

java -cp "$PGJDBC" bench/query/QueryBench.java "$BASE" "$TOKEN" "$DB_URL" bench_events "$ACCOUNT" "$CLIENTS" "$SECONDS_EACH"
