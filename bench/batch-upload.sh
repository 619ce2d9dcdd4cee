#!/usr/bin/env bash
# Batch upload benchmark: 10 gzip files of 100 MB each through POST /api/v1/batch/{id}/upload (multipart,
# streamed to S3) against a direct S3 PutObject of the same bytes to the same store (curl --aws-sigv4), in
# the same run; plus the peak RSS (VmHWM) of the instance that takes the uploads, started with the 512 MB
# container's flags (start_measured; a host instance runs the embedded S3, database and broker). Then 50
# concurrent clients on POST /api/v1/error (wrk). Both after an untimed warm-up (two files each way; 10 s of
# reports), so the figures are the JIT-compiled code's and not its first minute's.
# Usage: bench/batch-upload.sh [FILES=10] [MB=100]
FILES=${1:-10}
MB=${2:-100}
source "$(dirname "$0")/common.sh"
start_app "${PORT:-18091}"
start_measured $((${PORT:-18091} + 1)) DATAFORGE_BATCH_MAX_FILE_SIZE=$((MB + 8))MB
BASE=$MEASURED_BASE
create_site
TOKEN=$SITE_TOKEN
S3=$(grep -o 'S3 http://127.0.0.1:[0-9]*' "$DATA/app.log" | head -1 | cut -d' ' -f2)
# the fixture: incompressible bytes in gzip framing (what a site sends after compressing), made once
FILE="$DATA/fixture.csv.gz"
head -c $((MB * 1024 * 1024)) /dev/urandom | gzip -1 > "$FILE"
BYTES=$(stat -c %s "$FILE")

BATCH=$(curl -fs -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/batch/start" | sed 's/.*"batchId":"\([^"]*\)".*/\1/')
# warm-up, not timed: two files each way, so neither side is measured while its JIT still compiles the hot paths
for i in 1 2; do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -F "files=@$FILE;filename=warm$i.csv.gz;type=application/gzip" \
    "$BASE/api/v1/batch/$BATCH/upload"
  curl -fs -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user dataforge:dataforge-secret \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$FILE" "$S3/dataforge/direct/warm$i.csv.gz"
done
T0=$(date +%s.%N)
for i in $(seq 1 "$FILES"); do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -F "files=@$FILE;filename=f$i.csv.gz;type=application/gzip" \
    "$BASE/api/v1/batch/$BATCH/upload"
done
T1=$(date +%s.%N)
for i in $(seq 1 "$FILES"); do
  curl -fs -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user dataforge:dataforge-secret \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$FILE" "$S3/dataforge/direct/f$i.csv.gz"
done
T2=$(date +%s.%N)
RSS=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$MEASURED/status")
awk -v b="$BYTES" -v n="$FILES" -v a="$T0" -v m="$T1" -v z="$T2" -v rss="$RSS" 'BEGIN {
  api = b * n / 1048576 / (m - a); s3 = b * n / 1048576 / (z - m);
  printf "upload API: %d x %.0f MB in %.1f s = %.1f MB/s; direct PutObject: %.1f s = %.1f MB/s; ratio %.2f; app peak RSS %d MB\n",
    n, b / 1048576, m - a, api, z - m, s3, api / s3, rss }'
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/batch/$BATCH/complete"

ensure_wrk
cat > "$DATA/report.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("WRK_AUTH")
wrk.body = '{"type":"IO","title":"bench","message":"disk full, \\"C:\\" drive","metadata":{"free":0}}'
function done(summary, latency, requests)
  io.write(string.format("POST /api/v1/error: %d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors/non-2xx: %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.timeout))
end
LUA
WRK_AUTH="Bearer $TOKEN" wrk -t2 -c50 -d10s -s "$DATA/report.lua" "$BASE/api/v1/error" > /dev/null  # warm-up
WRK_AUTH="Bearer $TOKEN" wrk -t2 -c50 -d15s -s "$DATA/report.lua" "$BASE/api/v1/error" | tail -1
