#!/usr/bin/env bash
# Batch upload benchmark: 10 gzip files of 100 MB each through POST /api/v1/batch/{id}/upload (multipart,
# streamed to S3) against a direct S3 PutObject of the same bytes to the same store (curl --aws-sigv4), in
# the same run; plus the application's peak RSS (VmHWM). Then 50 concurrent clients on POST /api/v1/error
# (wrk). The application runs from the executable jar on its embedded servers with -Xmx512m.
# Usage: bench/batch-upload.sh [FILES=10] [MB=100]
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-10}
MB=${2:-100}
JAR=$(ls target/data-forge-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -B -q -DskipTests package; JAR=$(ls target/data-forge-*.jar | grep -v original | head -1); fi
DATA=$(mktemp -d -p target bench-batch.XXXX)
PORT=${PORT:-18091}
BASE="http://127.0.0.1:$PORT"
DATAFORGE_DATA_DIR="$DATA" DATAFORGE_ADMIN_PASSWORD=bench-admin DATAFORGE_BATCH_MAX_FILE_SIZE=$((MB + 8))MB \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $APP 2>/dev/null || { echo "application died: see $DATA/app.log"; exit 1; }; sleep 0.5
done
S3=$(grep -o 'S3 http://127.0.0.1:[0-9]*' "$DATA/app.log" | head -1 | cut -d' ' -f2)
ACCOUNT=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","name":"Bench"}' "$BASE/admin/accounts" | sed 's/.*"id":"\([^"]*\)".*/\1/')
SECRET=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
  -d '{"domain":"bench-store","displayName":"Bench store"}' "$BASE/admin/accounts/$ACCOUNT/sites" \
  | sed 's/.*"clientSecret":"\([^"]*\)".*/\1/')
TOKEN=$(curl -fs -u "bench-store:$SECRET" -X POST "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
# the fixture: incompressible bytes in gzip framing (what a site sends after compressing), made once
FILE="$DATA/fixture.csv.gz"
head -c $((MB * 1024 * 1024)) /dev/urandom | gzip -1 > "$FILE"
BYTES=$(stat -c %s "$FILE")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); app -Xmx512m"
BATCH=$(curl -fs -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/batch/start" | sed 's/.*"batchId":"\([^"]*\)".*/\1/')
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
RSS=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$APP/status")
awk -v b="$BYTES" -v n="$FILES" -v a="$T0" -v m="$T1" -v z="$T2" -v rss="$RSS" 'BEGIN {
  api = b * n / 1048576 / (m - a); s3 = b * n / 1048576 / (z - m);
  printf "upload API: %d x %.0f MB in %.1f s = %.1f MB/s; direct PutObject: %.1f s = %.1f MB/s; ratio %.2f; app peak RSS %d MB\n",
    n, b / 1048576, m - a, api, z - m, s3, api / s3, rss }'
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/batch/$BATCH/complete"

command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } > /dev/null
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
WRK_AUTH="Bearer $TOKEN" wrk -t2 -c50 -d15s -s "$DATA/report.lua" "$BASE/api/v1/error" | tail -1
