#!/usr/bin/env bash
# CSV upload → S3 staging → queue → COPY, against psql's \copy of the same file into an identical table, in the
# same run: upload MB/s (and the ratio to a direct PutObject of the same file), load rows/s, peak RSS of the
# application (512 MB container flags), and the ratio of our load stage to psql. bench/load-copy.sh [ROWS=5000000]
source "$(dirname "$0")/common.sh"
ROWS=${1:-5000000}
command -v psql > /dev/null || { echo "psql is needed (the PostgreSQL client)"; exit 1; }

start_app 18088
start_measured 18089 DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100
BASE="$MEASURED_BASE"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt)

create_api_client load-bench '["LOADER"]' bench/load/events-dataset.json

java bench/watch/GenerateEventsCsv.java "$ROWS" > "$DATA/events.csv"
BYTES=$(stat -c %s "$DATA/events.csv")
COLUMNS=$(head -1 "$DATA/events.csv")

# psql \copy into an identical table (same columns, types, NOT NULLs and indexes; one tenant and one upload id as
# defaults, as in a load, so the two indexes on them see the same appends)
# run before and after ours (checkpoints and caches favour neither); the faster of the two is the reference
psql_copy() {
  "${PSQL[@]}" -c "CREATE TABLE public.bench_psql (LIKE datasets.bench_events INCLUDING ALL);
    ALTER TABLE public.bench_psql ALTER COLUMN tenant_id SET DEFAULT '$ACCOUNT', ALTER COLUMN upload_id SET DEFAULT '$(cat /proc/sys/kernel/random/uuid)';"
  local start; start=$(date +%s.%N)
  "${PSQL[@]}" -c "\\copy public.bench_psql ($COLUMNS) FROM '$DATA/events.csv' CSV HEADER"
  awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f", a - b }'
  "${PSQL[@]}" -c "DROP TABLE public.bench_psql"
}
PSQL_BEFORE=$(psql_copy)

# our upload (curl streams the file), then the load the worker runs; RSS sampled all along
UPLOAD_START=$(date +%s.%N)
curl -fs -H "Authorization: Bearer $TOKEN" -F dataset=bench_events -F "file=@$DATA/events.csv;type=text/csv" \
  "$BASE/api/v1/uploads" > "$DATA/accepted.json" &
CURL=$!
while kill -0 $CURL 2>/dev/null; do sample_rss; sleep 0.2; done
wait $CURL
UPLOAD_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$UPLOAD_START" 'BEGIN { printf "%.3f", a - b }')
UPLOAD_ID=$(sed 's/.*"uploadId":"\([^"]*\)".*/\1/' "$DATA/accepted.json")
# the same file straight into the same store with one PutObject: the upload's reference
S3_START=$(date +%s.%N)
curl -fs -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user dataforge:dataforge-secret \
  -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$DATA/events.csv" "$S3_URL/dataforge/direct/events.csv"
S3_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$S3_START" 'BEGIN { printf "%.3f", a - b }')
while true; do
  STATUS=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/uploads/$UPLOAD_ID")
  case "$STATUS" in *'"status":"completed"'*) break ;; *'"status":"failed"'*) echo "load failed: $STATUS"; exit 1 ;; esac
  sample_rss; sleep 0.5
done
LOAD_SECONDS=$("${PSQL[@]}" -c "SELECT extract(epoch FROM completed_at - processing_started_at) FROM uploads WHERE id = '$UPLOAD_ID'")
LOADED=$("${PSQL[@]}" -c "SELECT count(*) FROM datasets.bench_events")
PSQL_AFTER=$(psql_copy)
PSQL_SECONDS=$(printf '%s\n%s\n' "$PSQL_BEFORE" "$PSQL_AFTER" | sort -n | head -1)
echo "psql \\copy runs (s): before ours $PSQL_BEFORE, after ours $PSQL_AFTER"

awk -v rows="$ROWS" -v loaded="$LOADED" -v bytes="$BYTES" -v ps="$PSQL_SECONDS" -v us="$UPLOAD_SECONDS" \
    -v ls="$LOAD_SECONDS" -v peak="$PEAK" -v s3="$S3_SECONDS" 'BEGIN {
  printf "CSV: %d rows, %.2f GB; loaded %d rows\n", rows, bytes / 1e9, loaded
  printf "%-52s %10s %12s\n", "stage", "seconds", "rate"
  printf "%-52s %10.2f %9.0f rows/s\n", "psql \\copy into an identical table (faster run)", ps, rows / ps
  printf "%-52s %10.2f %9.1f MB/s\n", "Data Forge upload (curl → S3 staging, rows counted)", us, bytes / 1e6 / us
  printf "%-52s %10.2f %9.1f MB/s\n", "direct PutObject of the same file to the same store", s3, bytes / 1e6 / s3
  printf "%-52s %10.2f %9.0f rows/s\n", "Data Forge load (S3 → gunzip/CSV/checks → COPY)", ls, rows / ls
  printf "upload vs direct PutObject: %.2f\n", s3 / us
  printf "load vs psql \\copy: %.2f; peak RSS of the application %.0f MB\n", ps / ls, peak / 1024
}'
