# Shared by the bench scripts (source it): builds the jar when missing, starts it on embedded servers in a
# fresh data directory with -Xmx512m, and registers an account and a site.
# start_app PORT [ENV=VALUE...]  → sets DATA, BASE, APP; stops the app and removes DATA on exit
# create_site                    → sets ACCOUNT, SECRET (site "bench-store"), SITE_TOKEN
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

start_app() {
  local port=$1; shift
  JAR=$(ls target/data-forge-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$JAR" ]; then ./mvnw -B -q -DskipTests package; JAR=$(ls target/data-forge-*.jar | grep -v original | head -1); fi
  DATA=$(mktemp -d -p target bench.XXXX)
  BASE="http://127.0.0.1:$port"
  env DATAFORGE_DATA_DIR="$DATA" DATAFORGE_ADMIN_PASSWORD=bench-admin "$@" \
    java -Xmx512m -jar "$JAR" --server.port="$port" > "$DATA/app.log" 2>&1 &
  APP=$!
  trap 'status=$?; kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"; exit $status' EXIT
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $APP 2>/dev/null || { echo "application died: see $DATA/app.log"; exit 1; }; sleep 0.5
  done
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); app -Xmx512m"
}

create_site() {
  ACCOUNT=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","name":"Bench"}' "$BASE/admin/accounts" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  SECRET=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
    -d '{"domain":"bench-store","displayName":"Bench store"}' "$BASE/admin/accounts/$ACCOUNT/sites" \
    | sed 's/.*"clientSecret":"\([^"]*\)".*/\1/')
  SITE_TOKEN=$(curl -fs -u "bench-store:$SECRET" -X POST "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

ensure_wrk() {
  command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } > /dev/null
}
