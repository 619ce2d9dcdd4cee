#!/usr/bin/env bash
# What tracing costs, in the same run: the query API (100-row filtered pages, offset and keyset, CLIENTS clients)
# and a CSV load (upload → S3 staging → queue → COPY) on the measured instance (the container's 512 MB flags),
# in three modes: off (OTEL_SDK_DISABLED, Camel's tracer off: no spans, no trace ids), idle (the default: no OTLP
# endpoint, nothing recorded, trace ids in logs and errors) and on: OTLP http/protobuf to a local receiver
# (bench/tracing/OtlpSink.java) at the default sampling ratio of 10 %, every trace recorded for the tail decision.
# Every instance reads the same loaded dataset with the same token. Prints queries/s and load rows/s of each and
# their ratios to off.
# bench/tracing-overhead.sh [QUERY_ROWS=1000000] [LOAD_ROWS=2000000] [SECONDS=30] [CLIENTS=50]
# TRACING_ORDER="on off idle" changes the order of the phases: rotate it between runs.
source "$(dirname "$0")/common.sh"
QUERY_ROWS=${1:-1000000}
LOAD_ROWS=${2:-2000000}
SECONDS_EACH=${3:-30}
CLIENTS=${4:-50}
ORDER=${TRACING_ORDER:-off idle on}
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
start_mode() {
  local mode=$1 tracing=()
  case "$mode" in
    on) tracing=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" OTEL_TRACES_SAMPLER_ARG=0.1) ;;
    off) tracing=(OTEL_SDK_DISABLED=true CAMEL_OPENTELEMETRY2_ENABLED=false) ;;
  esac
  start_measured 18095 DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100 "${tracing[@]}"
  if [ -z "$TOKEN" ]; then
    create_api_client tracing-bench '["LOADER","VIEWER"]' bench/query/events-dataset.json
    load_events "$QUERY_ROWS"
  fi
  # every phase meets the database as the others do: nothing left to write out from the one before
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qAt -c "CHECKPOINT"
}
stop_mode() { kill "$MEASURED"; wait "$MEASURED" 2>/dev/null || true; }
# all query phases first, then all loads: a load's 2M rows (and their autovacuum) stay out of the query phases
for mode in $ORDER; do
  start_mode "$mode"
  echo "--- queries, tracing $mode"
  QUERY_SCENARIOS=offset,keyset QUERY_API_ONLY=1 java -cp "$PGJDBC" bench/query/QueryBench.java "$MEASURED_BASE" \
    "$TOKEN" "$DB_URL" bench_events "$ACCOUNT" "$CLIENTS" "$SECONDS_EACH" | tee "$DATA/queries-$mode.txt"
  stop_mode
done
for mode in $ORDER; do
  start_mode "$mode"
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
  echo "--- load, tracing $mode: $LOAD_ROWS rows in $(cat "$DATA/load-$mode.txt") s; peak RSS $(( PEAK / 1024 )) MB"
  stop_mode
done
kill "$SINK"; wait "$SINK" 2>/dev/null || true
cat "$DATA/sink.log"

qps() { grep "^Data Forge API, .*$2" "$DATA/queries-$1.txt" | awk '{print $NF}'; }
printf "%-40s %12s %12s %12s %8s %8s\n" "workload" "off" "idle" "on" "idle/off" "on/off"
for scenario in offset keyset; do
  awk -v n="queries/s, 100-row pages, $scenario" -v off="$(qps off $scenario)" -v idle="$(qps idle $scenario)" \
      -v on="$(qps on $scenario)" 'BEGIN { printf "%-40s %12.1f %12.1f %12.1f %8.3f %8.3f\n", n, off, idle, on, idle / off, on / off }'
done
awk -v off="$(cat "$DATA/load-off.txt")" -v idle="$(cat "$DATA/load-idle.txt")" -v on="$(cat "$DATA/load-on.txt")" \
    -v rows="$LOAD_ROWS" 'BEGIN { printf "%-40s %12.0f %12.0f %12.0f %8.3f %8.3f\n", "load rows/s (S3 → COPY)", rows / off,
    rows / idle, rows / on, off / idle, off / on }'
