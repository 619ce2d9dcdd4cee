#!/usr/bin/env bash
# Issue 21's aims in one table: every bench that measures one, run RUNS times (the order rotated between runs, so
# neither warm caches nor a tired disk favour one), each figure the median of its runs, against the reference
# tool measured in the same run. Quiet machine only: nothing else may run meanwhile.
# bench/compare.sh [RUNS=3]   (logs stay in target/compare/)
# ONLY="auth batch" bench/compare.sh re-runs only those benches, keeping the other logs; ONLY=none prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
LOGS=target/compare
[ -n "${ONLY:-}" ] || rm -rf "$LOGS"
mkdir -p "$LOGS"

BENCHES=(
  "batch bench/batch-upload.sh 10 100"
  "load bench/load-copy.sh 2000000"
  "export bench/export-formats.sh 1000000 csv@gzip,xlsx@none,pdf@none"
  "auth bench/auth-load.sh 50 15"
  "watch bench/watch-parquet.sh 1000000"
)
for run in $(seq 1 "$RUNS"); do
  for i in "${!BENCHES[@]}"; do
    set -- ${BENCHES[$(( (i + run - 1) % ${#BENCHES[@]} ))]}
    name=$1; shift
    [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $name "* ]] || continue
    echo "run $run: $name ($(date +%T))"
    # export-formats takes "format compression" pairs; @ stands for the space inside one
    args=(); for arg in "$@"; do args+=("${arg//@/ }"); done
    bash "${args[@]}" > "$LOGS/$name.$run.log" 2>&1 || { echo "$name failed in run $run: $LOGS/$name.$run.log"; exit 1; }
  done
done

# figure NAME SED-EXPRESSION → one value per run, printed as the median
figure() {
  local name=$1 expr=$2
  for run in $(seq 1 "$RUNS"); do sed -n "$expr" "$LOGS/$name.$run.log" | head -1; done | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
# per run, requests/s of a wrk line against the floor's → the median of the ratios
floor_ratio() {
  local path=$1
  for run in $(seq 1 "$RUNS"); do
    awk -v p="$path: " 'index($0, p) == 1 { split($0, a, ", "); split(a[2], r, " "); own = r[1] }
      index($0, "/api/v1/no-such-resource: ") == 1 { split($0, a, ", "); split(a[2], r, " "); floor = r[1] }
      END { if (own && floor) printf "%.2f\n", own / floor }' "$LOGS/auth.$run.log"
  done | sort -g | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "n/a" }'
}

echo
grep -m1 '^machine:' "$LOGS/load.1.log" || true
printf "%-52s %12s %10s\n" "aim (medians of $RUNS runs)" "measured" "target"
row() { printf "%-52s %12s %10s\n" "$1" "$2" "$3"; }
row "batch upload / direct PutObject" "$(figure batch 's/.*; ratio \([0-9.]*\);.*/\1/p')" "≥ 0.80"
row "CSV upload / direct PutObject" "$(figure load 's/^upload vs direct PutObject: \([0-9.]*\).*/\1/p')" "≥ 0.80"
row "load / psql \\copy" "$(figure load 's/^load vs psql \\copy: \([0-9.]*\).*/\1/p')" "≥ 1.20"
row "export CSV+gzip / psql | gzip" "$(figure export 's/^CSV+gzip export vs psql | gzip: \([0-9.]*\).*/\1/p')" "≥ 0.90"
row "export XLSX rows/s" "$(figure export 's/^Data Forge xlsx none *[0-9.]* *\([0-9]*\).*/\1/p')" "≥ 60000"
row "export PDF rows/s" "$(figure export 's/^Data Forge pdf none *[0-9.]* *\([0-9]*\).*/\1/p')" "≥ 20000"
row "token issuance / floor (a 404), 50 clients" "$(floor_ratio /api/v1/auth/token)" "≥ 0.70"
row "admin account list / floor, 50 clients" "$(floor_ratio '/admin/accounts?page=0&size=20')" "≥ 0.70"
row "error reports req/s, 50 clients" "$(figure batch 's/^POST \/api\/v1\/error: [0-9]* requests, \([0-9]*\) req\/s.*/\1/p')" "≥ 800"
row "error reports p95 ms" "$(figure batch 's/^POST \/api\/v1\/error: .*p95 \([0-9.]*\) ms.*/\1/p')" "< 100"
row "Parquet (watch, warm) / DuckDB 1 thread" "$(figure watch 's/^ratios vs DuckDB 1 thread: speed \([0-9.]*\).*/\1/p')" "≥ 0.80"
