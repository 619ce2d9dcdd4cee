#!/usr/bin/env bash
# Identity load benchmark: starts the executable jar on embedded servers, registers an account and a site,
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
for C in ${EXTRA_CLIENTS:-}; do java bench/AuthLoad.java "$BASE/api/v1/auth/token" POST "$SITE_BASIC" "$C" 5; done
java bench/AuthLoad.java "$BASE/api/v1/auth/token" POST "$SITE_BASIC" "$CLIENTS" "$SECONDS_EACH"
java bench/AuthLoad.java "$BASE/admin/accounts?page=0&size=20" GET "Bearer $ADMIN_TOKEN" "$CLIENTS" "$SECONDS_EACH"
