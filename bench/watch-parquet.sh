#!/usr/bin/env bash
# Watched folder → Parquet in S3, against DuckDB's COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)
# on the same generated CSV in the same run; then the peak RSS of the application while it converts a file
# of several GB. bench/watch-parquet.sh [ROWS=1000000] [BIG_ROWS=15000000]
source "$(dirname "$0")/common.sh"
ROWS=${1:-1000000}
BIG_ROWS=${2:-15000000}
DUCKDB=target/bench-lib/duckdb_jdbc-1.4.4.0.jar
[ -f "$DUCKDB" ] || ./mvnw -B -q dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0 -DoutputDirectory=target/bench-lib

# The measured instance runs alone in its JVM, as in the 512 MB container; the first instance (watch off) hosts
# the embedded PostgreSQL, S3 and broker it uses, so their memory is not counted in its RSS.
start_app 18086 DATAFORGE_WATCH_DIR=
start_measured 18085 DATAFORGE_WATCH_QUIET_PERIOD=1s DATAFORGE_WATCH_POLL_INTERVAL=200ms
WATCH_DATA="$MEASURED_DATA"
mkdir -p "$WATCH_DATA/watch" "$DATA/in"

# TAKEN = seconds between the application's "Started NAME" and "Completed NAME" log lines; PEAK = its max RSS (KB)
convert() {
  local name=$1
  mv "$DATA/in/$name" "$WATCH_DATA/watch/$name"
  until grep -q "Completed $name" "$WATCH_DATA/app.log"; do
    grep -q "Failed $name" "$WATCH_DATA/app.log" && { grep "Failed $name" "$WATCH_DATA/app.log"; exit 1; }
    sample_rss; sleep 0.5
  done
  local started completed
  started=$(log_time "$(grep "Started $name" "$WATCH_DATA/app.log" | tail -1)")
  completed=$(log_time "$(grep "Completed $name" "$WATCH_DATA/app.log" | tail -1)")
  TAKEN=$(awk -v a="$(date -d "$completed" +%s.%N)" -v b="$(date -d "$started" +%s.%N)" 'BEGIN { printf "%.3f", a - b }')
}

java bench/watch/GenerateEventsCsv.java "$ROWS" > "$DATA/in/events.csv"
CSV_BYTES=$(stat -c %s "$DATA/in/events.csv")
# DuckDB single-thread: the median of three runs too
DUCK=()
for run in 1 2 3; do
  read -r _ seconds DUCK_BYTES < <(java -cp "$DUCKDB" bench/watch/DuckDbCsvToParquet.java \
    "$DATA/in/events.csv" "$DATA/in/duckdb.parquet" 1)
  DUCK+=("$seconds")
done
DUCK_SECONDS=$(printf '%s\n' "${DUCK[@]}" | sort -n | sed -n 2p)
echo "DuckDB 1-thread runs (s): ${DUCK[*]}"
read -r _ DUCK2_SECONDS _ < <(java -cp "$DUCKDB" bench/watch/DuckDbCsvToParquet.java \
  "$DATA/in/events.csv" "$DATA/in/duckdb.parquet" "$(nproc)")
rm -f "$DATA/in/duckdb.parquet"
for run in 1 2 3; do cp "$DATA/in/events.csv" "$DATA/in/again$run.csv"; done
convert events.csv
COLD_SECONDS=$TAKEN
OUR_BYTES=$(stat -c %s "$DATA/s3/dataforge/events.parquet")
# warm: the median of three more runs of the same file (single runs of ~3 s vary by ±10 % on this machine)
WARM=()
for run in 1 2 3; do convert "again$run.csv"; WARM+=("$TAKEN"); done
OUR_SECONDS=$(printf '%s\n' "${WARM[@]}" | sort -n | sed -n 2p)
echo "warm runs (s): ${WARM[*]}"

awk -v rows="$ROWS" -v csv="$CSV_BYTES" -v ds="$DUCK_SECONDS" -v d2="$DUCK2_SECONDS" -v db="$DUCK_BYTES" \
    -v os="$OUR_SECONDS" -v cs="$COLD_SECONDS" -v ob="$OUR_BYTES" 'BEGIN {
  printf "CSV: %d rows, %.1f MB\n", rows, csv / 1e6
  printf "%-48s %10s %12s %12s %10s\n", "tool", "seconds", "rows/s", "parquet MB", "vs CSV"
  printf "%-48s %10.2f %12.0f %12.1f %9.0f%%\n", "DuckDB 1.4.4, 1 thread (local file, median)", ds, rows / ds, db / 1e6, 100 * (1 - db / csv)
  printf "%-48s %10.2f %12.0f %12s %10s\n", "DuckDB 1.4.4, all threads (local file)", d2, rows / d2, "", ""
  printf "%-48s %10.2f %12.0f %12.1f %9.0f%%\n", "Data Forge watch → S3, first file (cold JVM)", cs, rows / cs, ob / 1e6, 100 * (1 - ob / csv)
  printf "%-48s %10.2f %12.0f %12.1f %9.0f%%\n", "Data Forge watch → S3, same file, warm (median)", os, rows / os, ob / 1e6, 100 * (1 - ob / csv)
  printf "ratios vs DuckDB 1 thread: speed %.2f (cold %.2f), output size %.2f\n", ds / os, ds / cs, ob / db
}'

PEAK=0
java bench/watch/GenerateEventsCsv.java "$BIG_ROWS" > "$DATA/in/big.csv"
BIG_BYTES=$(stat -c %s "$DATA/in/big.csv")
convert big.csv
BIG_SECONDS=$TAKEN
awk -v rows="$BIG_ROWS" -v bytes="$BIG_BYTES" -v s="$BIG_SECONDS" -v peak="$PEAK" 'BEGIN {
  printf "big file: %d rows, %.2f GB in %.1f s (%.0f rows/s), peak RSS of the measured instance %.0f MB\n",
    rows, bytes / 1e9, s, rows / s, peak / 1024 }'
