#!/usr/bin/env bash
# What tracing costs, in the same run: the query API (100-row filtered pages, offset and keyset, CLIENTS clients)
# and a CSV load (upload → S3 staging → queue → COPY) on the measured instance (the container's 512 MB flags),
# first with tracing off (OTEL_SDK_DISABLED, Camel's tracer off: no spans, no trace ids), then on: OTLP http/protobuf to a local receiver
# (bench/tracing/OtlpSink.java) at the default sampling ratio of 10 %, every trace recorded for the tail decision.
# Both instances read the same loaded dataset with the same token. Prints queries/s and load rows/s of each and
# the on/off ratios.
# bench/tracing-overhead.sh [QUERY_ROWS=1000000] [LOAD_ROWS=2000000] [SECONDS=30] [CLIENTS=50]
# TRACING_ORDER="on off" measures tracing on first: alternate it between runs, the later phase meets a warmer
# database and a longer table.
source "$(dirname "$0")/common.sh"
QUERY_ROWS=${1:-1000000}
LOAD_ROWS=${2:-2000000}
SECONDS_EACH=${3:-30}
CLIENTS=${4:-50}
ORDER=${TRACING_ORDER:-off on}
SINK_PORT=18097
command -v psql > /dev/null || { echo "psql is needed (the PostgreSQL client)"; exit 1; }

start_app 18094
mkdir -p target/bench-lib
PGJDBC=$(ls target/bench-lib/postgresql-*.jar 2>/dev/null | head -1 || true)
if [ -z "$PGJDBC" ]; then
  (cd target/bench-lib && unzip -q -j -o "../../$JAR" 'BOOT-INF/lib/postgresql-*.jar')
  PGJDBC=$(ls target/bench-lib/postgresql-*.jar | head -1)
fi
timeout 3h java bench/tracing/OtlpSink.java "$SINK_PORT" > "$DATA/sink.log" 2>&1 &
SINK=$!
java bench/watch/GenerateEventsCsv.java "$LOAD_ROWS" > "$DATA/load.csv"

TOKEN=
measure() {
  local mode=$1 tracing=() upload_id
  if [ "$mode" = on ]; then
    tracing=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" OTEL_TRACES_SAMPLER_ARG=0.1)
  else # no SDK and no Camel tracer: what the application costs without any tracing
    tracing=(OTEL_SDK_DISABLED=true CAMEL_OPENTELEMETRY2_ENABLED=false)
  fi
  start_measured 18095 DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100 "${tracing[@]}"
  if [ -z "$TOKEN" ]; then
    create_api_client tracing-bench '["LOADER","VIEWER"]' bench/query/events-dataset.json
    load_events "$QUERY_ROWS"
  fi
  echo "--- tracing $mode"
  QUERY_SCENARIOS=offset,keyset QUERY_API_ONLY=1 java -cp "$PGJDBC" bench/query/QueryBench.java "$MEASURED_BASE" \
    "$TOKEN" "$DB_URL" bench_events "$ACCOUNT" "$CLIENTS" "$SECONDS_EACH" | tee "$DATA/queries-$mode.txt"
  curl -fs -u admin:bench-admin -X PUT -H 'Content-Type: application/json' --data @bench/load/events-dataset.json \
    "$MEASURED_BASE/admin/datasets/bench_load_$mode" > /dev/null
  upload_id=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "dataset=bench_load_$mode" \
    -F "file=@$DATA/load.csv;type=text/csv" "$MEASURED_BASE/api/v1/uploads" | sed 's/.*"uploadId":"\([^"]*\)".*/\1/')
  until curl -fs -H "Authorization: Bearer $TOKEN" "$MEASURED_BASE/api/v1/uploads/$upload_id" \
      | grep -q '"status":"completed"'; do
    sample_rss; sleep 0.5
  done
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qAt -c \
    "SELECT extract(epoch FROM completed_at - processing_started_at) FROM uploads WHERE id = '$upload_id'" \
    > "$DATA/load-$mode.txt"
  echo "load of $LOAD_ROWS rows: $(cat "$DATA/load-$mode.txt") s; peak RSS $(( PEAK / 1024 )) MB"
  kill "$MEASURED"; wait "$MEASURED" 2>/dev/null || true
}
for mode in $ORDER; do measure "$mode"; done
kill "$SINK"; wait "$SINK" 2>/dev/null || true
cat "$DATA/sink.log"

qps() { grep "^Data Forge API, .*$2" "$DATA/queries-$1.txt" | awk '{print $NF}'; }
awk -v offoff="$(qps off offset)" -v offon="$(qps on offset)" -v keyoff="$(qps off keyset)" -v keyon="$(qps on keyset)" \
    -v loadoff="$(cat "$DATA/load-off.txt")" -v loadon="$(cat "$DATA/load-on.txt")" -v rows="$LOAD_ROWS" 'BEGIN {
  printf "%-40s %12s %12s %8s\n", "workload", "tracing off", "tracing on", "on/off"
  printf "%-40s %12.1f %12.1f %8.3f\n", "queries/s, 100-row pages, offset", offoff, offon, offon / offoff
  printf "%-40s %12.1f %12.1f %8.3f\n", "queries/s, 100-row pages, keyset", keyoff, keyon, keyon / keyoff
  printf "%-40s %12.0f %12.0f %8.3f\n", "load rows/s (S3 → COPY)", rows / loadoff, rows / loadon, loadoff / loadon
}'
