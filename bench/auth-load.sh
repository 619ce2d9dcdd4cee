#!/usr/bin/env bash
# Identity load benchmark (wrk): starts the executable jar on embedded servers, registers an account and a site,
# then drives POST /api/v1/auth/token (site Basic login) and GET /admin/accounts (admin bearer) with
# CLIENTS concurrent clients for SECONDS each, on loopback. Prints req/s and p50/p95/p99.
# Usage: bench/auth-load.sh [CLIENTS=50] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-50}
SECONDS_EACH=${2:-20}
JAR=$(ls target/data-forge-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -B -q -DskipTests package; JAR=$(ls target/data-forge-*.jar | grep -v original | head -1); fi
DATA=$(mktemp -d -p target bench-auth.XXXX)
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT"
DATAFORGE_DATA_DIR="$DATA" DATAFORGE_ADMIN_PASSWORD=bench-admin java -Xmx512m -jar "$JAR" --server.port="$PORT" \
  > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $APP 2>/dev/null || { echo "application died: see $DATA/app.log"; exit 1; }; sleep 0.5
done
ACCOUNT=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","name":"Bench"}' "$BASE/admin/accounts" | sed 's/.*"id":"\([^"]*\)".*/\1/')
SECRET=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
  -d '{"domain":"bench-store","displayName":"Bench store"}' "$BASE/admin/accounts/$ACCOUNT/sites" \
  | sed 's/.*"clientSecret":"\([^"]*\)".*/\1/')
ADMIN_TOKEN=$(curl -fs -u admin:bench-admin -X POST "$BASE/api/v1/auth/admin/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
SITE_BASIC="Basic $(printf 'bench-store:%s' "$SECRET" | base64 -w0)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); app -Xmx512m"
# wrk (C, from Debian's packages) keeps the load generator's own CPU small on 2 cores
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } > /dev/null
load() {  # METHOD PATH AUTH
  WRK_METHOD=$1 WRK_AUTH=$3 wrk -t2 -c"$CLIENTS" -d"${SECONDS_EACH}s" -s bench/latency.lua "$BASE$2" | tail -1
}
load GET /actuator/health/liveness ""
load POST /api/v1/auth/token "$SITE_BASIC"
load GET "/admin/accounts?page=0&size=20" "Bearer $ADMIN_TOKEN"
