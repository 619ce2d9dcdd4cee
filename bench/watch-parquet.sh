#!/usr/bin/env bash
# Watched folder → Parquet in S3, against DuckDB's COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)
# on the same generated CSV in the same run; then the peak RSS of the application while it converts a file
# of several GB. bench/watch-parquet.sh [ROWS=1000000] [BIG_ROWS=15000000]
source "$(dirname "$0")/common.sh"
ROWS=${1:-1000000}
BIG_ROWS=${2:-15000000}
DUCKDB=target/bench-lib/duckdb_jdbc-1.4.4.0.jar
[ -f "$DUCKDB" ] || ./mvnw -B -q dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0 -DoutputDirectory=target/bench-lib

start_app 18085 DATAFORGE_WATCH_QUIET_PERIOD=1s DATAFORGE_WATCH_POLL_INTERVAL=200ms
mkdir -p "$DATA/in"

# TAKEN = seconds between the application's "Started NAME" and "Completed NAME" log lines; PEAK = its max RSS (KB)
convert() {
  local name=$1
  mv "$DATA/in/$name" "$DATA/watch/$name"
  until grep -q "Completed $name" "$DATA/app.log"; do
    grep -q "Failed $name" "$DATA/app.log" && { grep "Failed $name" "$DATA/app.log"; exit 1; }
    sample_rss; sleep 0.5
  done
  local started completed
  started=$(grep "Started $name" "$DATA/app.log" | tail -1 | cut -c1-24)
  completed=$(grep "Completed $name" "$DATA/app.log" | tail -1 | cut -c1-24)
  TAKEN=$(awk -v a="$(date -d "$completed" +%s.%N)" -v b="$(date -d "$started" +%s.%N)" 'BEGIN { printf "%.3f", a - b }')
}
PEAK=0
sample_rss() {
  local rss; rss=$(ps -o rss= -p "$APP" | tr -d ' ')
  [ "${rss:-0}" -gt "$PEAK" ] && PEAK=$rss || true
}

java bench/watch/GenerateEventsCsv.java "$ROWS" > "$DATA/in/events.csv"
CSV_BYTES=$(stat -c %s "$DATA/in/events.csv")
read -r DUCK_ROWS DUCK_SECONDS DUCK_BYTES < <(java -cp "$DUCKDB" bench/watch/DuckDbCsvToParquet.java \
  "$DATA/in/events.csv" "$DATA/in/duckdb.parquet" 1)
read -r _ DUCK2_SECONDS _ < <(java -cp "$DUCKDB" bench/watch/DuckDbCsvToParquet.java \
  "$DATA/in/events.csv" "$DATA/in/duckdb.parquet" "$(nproc)")
rm -f "$DATA/in/duckdb.parquet"
convert events.csv
OUR_SECONDS=$TAKEN
OUR_BYTES=$(stat -c %s "$DATA/s3/dataforge/events.parquet")

awk -v rows="$ROWS" -v csv="$CSV_BYTES" -v ds="$DUCK_SECONDS" -v d2="$DUCK2_SECONDS" -v db="$DUCK_BYTES" \
    -v os="$OUR_SECONDS" -v ob="$OUR_BYTES" 'BEGIN {
  printf "CSV: %d rows, %.1f MB\n", rows, csv / 1e6
  printf "%-44s %10s %12s %12s %10s\n", "tool", "seconds", "rows/s", "parquet MB", "vs CSV"
  printf "%-44s %10.2f %12.0f %12.1f %9.0f%%\n", "DuckDB 1.4.4, 1 thread (local file)", ds, rows / ds, db / 1e6, 100 * (1 - db / csv)
  printf "%-44s %10.2f %12.0f %12s %10s\n", "DuckDB 1.4.4, all threads (local file)", d2, rows / d2, "", ""
  printf "%-44s %10.2f %12.0f %12.1f %9.0f%%\n", "Data Forge watch → S3 (checksum+convert+upload)", os, rows / os, ob / 1e6, 100 * (1 - ob / csv)
  printf "ratios vs DuckDB 1 thread: speed %.2f, output size %.2f\n", (rows / os) / (rows / ds), ob / db
}'

PEAK=0
java bench/watch/GenerateEventsCsv.java "$BIG_ROWS" > "$DATA/in/big.csv"
BIG_BYTES=$(stat -c %s "$DATA/in/big.csv")
convert big.csv
BIG_SECONDS=$TAKEN
awk -v rows="$BIG_ROWS" -v bytes="$BIG_BYTES" -v s="$BIG_SECONDS" -v peak="$PEAK" 'BEGIN {
  printf "big file: %d rows, %.2f GB in %.1f s (%.0f rows/s), peak RSS of the application %.0f MB (-Xmx512m)\n",
    rows, bytes / 1e9, s, rows / s, peak / 1024 }'
