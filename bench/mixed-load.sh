#!/usr/bin/env bash
# Everything at once on one instance with the 512 MB container's flags (deploy/jvm.env, -XX:MaxRAM=512m):
# UPLOADS parallel batch uploads of MB MB gzip files into one batch, 4 CSV uploads (CSV_ROWS rows each) with their
# loads, an export of EXPORT_ROWS rows (EXPORT_FORMAT) and a WATCH_ROWS-row CSV dropped into the watched folder.
# Checks what a user would: every upload answers 200 or 202 and its bytes are exact in S3, every load, the export and
# the conversion complete; prints the peak RSS of the instance (sampled every 0.2 s) and the seconds each part took.
# bench/mixed-load.sh [UPLOADS=16] [MB=100] [CSV_ROWS=500000] [EXPORT_ROWS=1000000] [WATCH_ROWS=2000000] [EXPORT_FORMAT=xlsx]
UPLOADS=${1:-16}
MB=${2:-100}
CSV_ROWS=${3:-500000}
EXPORT_ROWS=${4:-1000000}
WATCH_ROWS=${5:-2000000}
EXPORT_FORMAT=${6:-xlsx}
source "$(dirname "$0")/common.sh"

start_app 18097 DATAFORGE_WATCH_DIR=
start_measured 18098 DATAFORGE_BATCH_MAX_FILE_SIZE=$((MB + 8))MB DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100 \
  DATAFORGE_WATCH_QUIET_PERIOD=1s DATAFORGE_WATCH_POLL_INTERVAL=200ms
grep -E "Heap budget|Parquet conversions" "$MEASURED_DATA/app.log" | sed 's/.*: //'
OUT="$DATA/out"
mkdir -p "$OUT" "$DATA/in" "$MEASURED_DATA/watch"

# set-up, not measured: an API client with the events dataset holding EXPORT_ROWS rows, a site, the fixtures
create_api_client mixed '["LOADER","EXPORTER"]' bench/load/events-dataset.json
load_events "$EXPORT_ROWS"
BASE=$MEASURED_BASE create_site
head -c $((MB * 1024 * 1024)) /dev/urandom | gzip -1 > "$DATA/in/site.csv.gz"
java bench/watch/GenerateEventsCsv.java "$CSV_ROWS" > "$DATA/in/upload.csv"
java bench/watch/GenerateEventsCsv.java "$WATCH_ROWS" > "$DATA/in/watched.csv"
BATCH=$(curl -fs -H "Authorization: Bearer $SITE_TOKEN" -X POST "$MEASURED_BASE/api/v1/batch/start" \
  | sed 's/.*"batchId":"\([^"]*\)".*/\1/')
PEAK=0
T0=$(date +%s.%N)
elapsed() { awk -v a="$(date +%s.%N)" -v b="$T0" 'BEGIN { printf "%.1f", a - b }'; }

# the storm: each client writes its HTTP status, its body and when it ended
for i in $(seq 1 "$UPLOADS"); do
  ( curl -s -o "$OUT/batch$i.json" -w '%{http_code}' -H "Authorization: Bearer $SITE_TOKEN" \
      -F "files=@$DATA/in/site.csv.gz;filename=f$i.csv.gz;type=application/gzip" \
      "$MEASURED_BASE/api/v1/batch/$BATCH/upload" > "$OUT/batch$i.status"; elapsed > "$OUT/batch$i.done" ) &
done
for i in 1 2 3 4; do
  ( curl -s -o "$OUT/csv$i.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -F dataset=bench_events \
      -F "file=@$DATA/in/upload.csv;filename=upload$i.csv;type=text/csv" "$MEASURED_BASE/api/v1/uploads" \
      > "$OUT/csv$i.status" ) &
done
( curl -s -o "$OUT/export.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"queryDefinition\":{\"dataset\":\"bench_events\"},\"format\":\"$EXPORT_FORMAT\"}" \
    "$MEASURED_BASE/api/v1/exports" > "$OUT/export.status" ) &
cp "$DATA/in/watched.csv" "$MEASURED_DATA/watch/.watched.csv.part" && mv "$MEASURED_DATA/watch/.watched.csv.part" "$MEASURED_DATA/watch/watched.csv"

# wait for every part, sampling the RSS; each check is what the client or operator sees
fail() { echo "FAILED: $*"; grep -E "ERROR|OutOfMemory" "$MEASURED_DATA/app.log" | tail -5; exit 1; }
done_uploads=""; done_loads=""; done_export=""; done_watch=""
until [ -n "$done_uploads" ] && [ -n "$done_loads" ] && [ -n "$done_export" ] && [ -n "$done_watch" ]; do
  kill -0 "$MEASURED" 2>/dev/null || fail "the measured instance died (see $MEASURED_DATA/app.log)"
  sample_rss
  if [ -z "$done_uploads" ] && [ "$(ls "$OUT"/batch*.done 2>/dev/null | wc -l)" -eq "$UPLOADS" ]; then
    done_uploads=$(elapsed)
  fi
  if [ -z "$done_loads" ] && [ "$(find "$OUT" -name 'csv*.status' -size +0 | wc -l)" -eq 4 ]; then
    loads=0
    for i in 1 2 3 4; do
      [ "$(cat "$OUT/csv$i.status")" = 202 ] || fail "CSV upload $i answered $(cat "$OUT/csv$i.status"): $(cat "$OUT/csv$i.json")"
      id=$(sed 's/.*"uploadId":"\([^"]*\)".*/\1/' "$OUT/csv$i.json")
      state=$(curl -fs -H "Authorization: Bearer $TOKEN" "$MEASURED_BASE/api/v1/uploads/$id")
      case "$state" in *'"status":"completed"'*) loads=$((loads + 1)) ;; *'"status":"failed"'*) fail "load $i: $state" ;; esac
    done
    [ "$loads" -eq 4 ] && done_loads=$(elapsed)
  fi
  if [ -z "$done_export" ] && [ -s "$OUT/export.status" ]; then
    [ "$(cat "$OUT/export.status")" = 202 ] || fail "export order answered $(cat "$OUT/export.status"): $(cat "$OUT/export.json")"
    job=$(sed 's/.*"jobId":"\([^"]*\)".*/\1/' "$OUT/export.json")
    state=$(curl -fs -H "Authorization: Bearer $TOKEN" "$MEASURED_BASE/api/v1/exports/$job")
    case "$state" in *'"state":"Succeeded"'*) done_export=$(elapsed); EXPORT_STATE=$state ;;
      *'"state":"Failed"'*|*'"state":"Canceled"'*) fail "export: $state" ;; esac
  fi
  if [ -z "$done_watch" ]; then
    grep -q "Failed watched.csv" "$MEASURED_DATA/app.log" && fail "$(grep "Failed watched.csv" "$MEASURED_DATA/app.log")"
    grep -q "Completed watched.csv" "$MEASURED_DATA/app.log" && done_watch=$(elapsed)
  fi
  sleep 0.2
done

# every batch upload answered 200 and its object holds exactly the bytes sent
SENT=$(md5sum < "$DATA/in/site.csv.gz" | cut -d' ' -f1)
for i in $(seq 1 "$UPLOADS"); do
  [ "$(cat "$OUT/batch$i.status")" = 200 ] || fail "batch upload $i answered $(cat "$OUT/batch$i.status"): $(cat "$OUT/batch$i.json")"
  stored=$(find "$DATA/s3/dataforge" -path "*bench-store*" -name "f$i.csv.gz" | head -1)
  [ -n "$stored" ] && [ "$(md5sum < "$stored" | cut -d' ' -f1)" = "$SENT" ] || fail "f$i.csv.gz in S3 differs from what was sent"
done
LOADED=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qAt -c "SELECT count(*) FROM datasets.bench_events")
[ "$LOADED" -eq $((EXPORT_ROWS + 4 * CSV_ROWS)) ] || fail "the dataset holds $LOADED rows, not $((EXPORT_ROWS + 4 * CSV_ROWS))"
# the export reads one snapshot: the dataset as it was when it started, loads committed before it included
EXPORTED=$(echo "$EXPORT_STATE" | sed 's/.*"rowsProcessed":\([0-9]*\).*/\1/')
[ "$EXPORTED" -ge "$EXPORT_ROWS" ] || fail "the export holds $EXPORTED rows, fewer than $EXPORT_ROWS"

echo "all at once: $UPLOADS x $MB MB batch uploads (200, bytes exact) done at ${done_uploads} s;" \
  "4 x $CSV_ROWS-row CSV uploads loaded at ${done_loads} s ($LOADED rows in the dataset);" \
  "$EXPORTED-row $EXPORT_FORMAT export succeeded at ${done_export} s; $WATCH_ROWS-row CSV converted at ${done_watch} s"
echo "peak RSS of the measured instance: $((PEAK / 1024)) MB"
echo "OutOfMemoryError lines in the log: $(grep -c OutOfMemoryError "$MEASURED_DATA/app.log" || true)"
