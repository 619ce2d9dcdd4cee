#!/usr/bin/env bash
# Exports of a generated events dataset (1,000,000 rows by default, all 14 columns) to each format through the API,
# against psql's \copy of the same SELECT to CSV piped through gzip, in the same run: rows/s (order to Succeeded),
# output size and the peak RSS of the application during each export (512 MB container flags).
# bench/export-formats.sh [ROWS=1000000] [EXPORTS="csv none,csv gzip,json none,ndjson gzip,xlsx none,pdf none"]
# (one export alone, in a fresh instance: bench/export-formats.sh 1000000 "pdf none")
source "$(dirname "$0")/common.sh"
ROWS=${1:-1000000}
EXPORTS=${2:-csv none,csv gzip,json none,ndjson gzip,xlsx none,pdf none}
command -v psql > /dev/null || { echo "psql is needed (the PostgreSQL client)"; exit 1; }

start_app 18092
start_measured 18093 DATAFORGE_LOAD_UPLOADS_PER_MINUTE=100
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt)
create_api_client export-bench '["LOADER","EXPORTER"]' bench/load/events-dataset.json
load_events "$ROWS"
COLUMNS='"event_id","user_id","session_id","event_type","amount","quantity","currency","country","is_mobile","created_at","event_date","url","user_agent","note"'
echo "dataset: $ROWS rows loaded"

# the SELECT an export without sort runs (tenant predicate, rows in load order), to CSV and through gzip
psql_copy() {
  local start; start=$(date +%s.%N)
  "${PSQL[@]}" -c "\\copy (SELECT $COLUMNS FROM datasets.bench_events t WHERE tenant_id = '$ACCOUNT' ORDER BY t.row_id) TO STDOUT CSV HEADER" \
    | gzip > "$DATA/psql.csv.gz"
  awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f", a - b }'
}
PSQL_BEFORE=$(psql_copy)
PSQL_BYTES=$(stat -c %s "$DATA/psql.csv.gz")

# export FORMAT COMPRESSION → prints "seconds bytes peakKB"
export_once() {
  local format=$1 compression=$2 body job start state
  body="{\"queryDefinition\":{\"dataset\":\"bench_events\"},\"format\":\"$format\""
  [ "$compression" != none ] && body="$body,\"compression\":\"$compression\""
  body="$body}"
  PEAK=0
  start=$(date +%s.%N)
  job=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$MEASURED_BASE/api/v1/exports" \
    | sed 's/.*"jobId":"\([^"]*\)".*/\1/')
  while true; do
    state=$(curl -fs -H "Authorization: Bearer $TOKEN" "$MEASURED_BASE/api/v1/exports/$job")
    case "$state" in *'"state":"Succeeded"'*) break ;; *'"state":"Failed"'*|*'"state":"Canceled"'*) echo "export failed: $state" >&2; exit 1 ;; esac
    sample_rss; sleep 0.2
  done
  awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f ", a - b }'
  echo "$(echo "$state" | sed 's/.*"sizeBytes":\([0-9]*\).*/\1/') $PEAK"
}

printf "%-34s %10s %12s %14s %12s\n" "export" "seconds" "rows/s" "size (MB)" "peak RSS MB"
IFS=',' read -r -a SPECS <<< "$EXPORTS"
for spec in "${SPECS[@]}"; do
  set -- $spec
  read -r seconds bytes peak < <(export_once "$1" "$2")
  [ "$1 $2" = "csv gzip" ] && OURS_CSV_GZ=$seconds
  awk -v n="$1 $2" -v s="$seconds" -v b="$bytes" -v p="$peak" -v rows="$ROWS" \
    'BEGIN { printf "%-34s %10.2f %12.0f %14.1f %12.0f\n", "Data Forge " n, s, rows / s, b / 1e6, p / 1024 }'
done
PSQL_AFTER=$(psql_copy)
PSQL_SECONDS=$(printf '%s\n%s\n' "$PSQL_BEFORE" "$PSQL_AFTER" | sort -n | head -1)
echo "psql \\copy | gzip runs (s): before ours $PSQL_BEFORE, after ours $PSQL_AFTER"
awk -v s="$PSQL_SECONDS" -v b="$PSQL_BYTES" -v rows="$ROWS" -v ours="${OURS_CSV_GZ:-0}" 'BEGIN {
  printf "%-34s %10.2f %12.0f %14.1f\n", "psql \\copy ... CSV HEADER | gzip", s, rows / s, b / 1e6
  if (ours > 0) printf "CSV+gzip export vs psql | gzip: %.2f (rows/s ratio)\n", s / ours
}'
