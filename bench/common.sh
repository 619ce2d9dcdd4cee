# Shared by the bench scripts (source it): builds the jar when missing, starts it on embedded servers in a
# fresh data directory with -Xmx512m (the API role only), and registers an account and a site.
# start_app PORT [ENV=VALUE...]  → sets DATA, BASE, APP; stops the app and removes DATA on exit
# create_site                    → sets ACCOUNT, SECRET (site "bench-store"), SITE_TOKEN
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

start_app() {
  local port=$1; shift
  JAR=$(ls target/data-forge-*.jar 2>/dev/null | grep -v -e original -e lean | head -1 || true)
  if [ -z "$JAR" ]; then ./mvnw -B -q -DskipTests package; JAR=$(ls target/data-forge-*.jar | grep -v -e original -e lean | head -1); fi
  DATA=$(mktemp -d -p target bench.XXXX)
  BASE="http://127.0.0.1:$port"
  # API only (BENCH_HOST_ROLES to change it): every worker queue and timer is left to the measured instance
  # (start_measured), which would otherwise share the loads and exports with this one and be measured idle
  env DATAFORGE_DATA_DIR="$DATA" DATAFORGE_ADMIN_PASSWORD=bench-admin DATAFORGE_ROLES="${BENCH_HOST_ROLES:-api}" "$@" \
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

# start_measured PORT [ENV=VALUE...] → a second instance as in the Dockerfile's 512 MB container (-XX:MaxRAM=512m and
# deploy/jvm.env) on the embedded PostgreSQL, S3 and broker of the instance start_app started, so only
# its own memory is measured. Sets MEASURED (pid), MEASURED_DATA, MEASURED_BASE, DB_URL (and its PG_PORT, PG_DB),
# S3_URL, AMQP_PORT; PEAK
# (KB) grows with each sample_rss.
# BENCH_JVM_FLAGS adds flags for a profiling run (a JFR recording, say); the recorded figures use none.
# BENCH_MEASURED_FLAGS and BENCH_MEASURED_ENV replace the container's flags and environment, to try others.
# The container's flags come from deploy/jvm.env (the Dockerfile's too); -XX:MaxRAM=512m stands in for its limit.
CONTAINER_JVM=$(env -u JAVA_TOOL_OPTIONS -u MALLOC_ARENA_MAX sh -c '. deploy/jvm.env; echo "$JAVA_TOOL_OPTIONS"')
# and the Dockerfile's log format (JSON lines): log_time reads a line's time in either format
CONTAINER_ENV="$(env -u JAVA_TOOL_OPTIONS -u MALLOC_ARENA_MAX sh -c '. deploy/jvm.env; echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"')\
 LOGGING_STRUCTURED_FORMAT_CONSOLE=$(sed -n 's/^ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=//p' Dockerfile)"
MEASURED_FLAGS="${BENCH_MEASURED_FLAGS:--XX:MaxRAM=512m $CONTAINER_JVM} ${BENCH_JVM_FLAGS:-}"
MEASURED_ENV="${BENCH_MEASURED_ENV:-$CONTAINER_ENV}"
start_measured() {
  local port=$1; shift
  local services; services=$(grep -m1 "Embedded servers for" "$DATA/app.log")
  DB_URL=$(echo "$services" | sed 's/.*database \([^,]*\),.*/\1/')
  S3_URL=$(echo "$services" | sed 's/.*S3 \([^,]*\),.*/\1/')
  AMQP_PORT=$(echo "$services" | sed 's/.*AMQP 127.0.0.1:\([0-9]*\).*/\1/')
  MEASURED_DATA="$DATA/measured"
  MEASURED_BASE="http://127.0.0.1:$port"
  mkdir -p "$MEASURED_DATA"
  # shellcheck disable=SC2086
  env DATAFORGE_DATA_DIR="$MEASURED_DATA" DATAFORGE_ADMIN_PASSWORD=bench-admin SPRING_DATASOURCE_URL="$DB_URL" \
      SPRING_DATASOURCE_USERNAME=postgres DATAFORGE_S3_ENDPOINT="$S3_URL" SPRING_RABBITMQ_HOST=127.0.0.1 \
      SPRING_RABBITMQ_PORT="$AMQP_PORT" SPRING_RABBITMQ_VIRTUAL_HOST=default $MEASURED_ENV "$@" \
    java $MEASURED_FLAGS -jar "$JAR" --server.port="$port" > "$MEASURED_DATA/app.log" 2>&1 &
  MEASURED=$!
  trap 'status=$?; kill $MEASURED $APP 2>/dev/null; wait $MEASURED $APP 2>/dev/null || true; rm -rf "$DATA"; exit $status' EXIT
  until curl -fs "$MEASURED_BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $MEASURED 2>/dev/null || { echo "measured instance died: see $MEASURED_DATA/app.log"; exit 1; }; sleep 0.5
  done
  PG_PORT=$(echo "$DB_URL" | sed 's|.*://[^:]*:\([0-9]*\)/.*|\1|')
  PG_DB=$(echo "$DB_URL" | sed 's|.*/\([^/?]*\)\(?.*\)\{0,1\}$|\1|')
  PEAK=0
  echo "measured instance: $MEASURED_ENV java $MEASURED_FLAGS (as in the Dockerfile, 512 MB container);" \
    "idle RSS $(( $(ps -o rss= -p $MEASURED) / 1024 )) MB"
}

# log_time LINE → the time a log line was written: the text format starts with it, a JSON line names it @timestamp
log_time() {
  case "$1" in
    "{"*) echo "$1" | sed 's/.*"@timestamp":"\([^"]*\)".*/\1/' ;;
    *) echo "${1:0:24}" ;;
  esac
}

sample_rss() {
  local rss; rss=$(ps -o rss= -p "$MEASURED" | tr -d ' ')
  [ "${rss:-0}" -gt "$PEAK" ] && PEAK=$rss || true
}

# create_api_client NAME ROLES DATASET_JSON → on the measured instance: an account, an API client with ROLES (a JSON
# list) and its token, and the dataset bench_events declared by DATASET_JSON. Sets ACCOUNT, TOKEN.
create_api_client() {
  local name=$1 roles=$2 dataset=$3 client client_id client_secret
  ACCOUNT=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
    -d "{\"email\":\"$name@example.com\",\"name\":\"$name\"}" "$MEASURED_BASE/admin/accounts" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  client=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' -d "{\"name\":\"bench\",\"roles\":$roles}" \
    "$MEASURED_BASE/admin/accounts/$ACCOUNT/clients")
  client_id=$(echo "$client" | sed 's/.*"clientId":"\([^"]*\)".*/\1/')
  client_secret=$(echo "$client" | sed 's/.*"clientSecret":"\([^"]*\)".*/\1/')
  TOKEN=$(curl -fs -d "grant_type=client_credentials&client_id=$client_id&client_secret=$client_secret" \
    "$MEASURED_BASE/api/v1/auth/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -fs -u admin:bench-admin -X PUT -H 'Content-Type: application/json' --data "@$dataset" \
    "$MEASURED_BASE/admin/datasets/bench_events" > /dev/null
}

# load_events ROWS → generates the events CSV (ROWS rows), uploads it into bench_events with $TOKEN and waits for
# the load to complete, then VACUUM ANALYZE (as autovacuum would after a large insert). Needs create_api_client.
load_events() {
  local rows=$1 upload_id
  java bench/watch/GenerateEventsCsv.java "$rows" > "$DATA/events.csv"
  upload_id=$(curl -fs -H "Authorization: Bearer $TOKEN" -F dataset=bench_events -F "file=@$DATA/events.csv;type=text/csv" \
    "$MEASURED_BASE/api/v1/uploads" | sed 's/.*"uploadId":"\([^"]*\)".*/\1/')
  rm -f "$DATA/events.csv"
  until curl -fs -H "Authorization: Bearer $TOKEN" "$MEASURED_BASE/api/v1/uploads/$upload_id" | grep -q '"status":"completed"'; do
    sleep 1
  done
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qAt -c "VACUUM ANALYZE datasets.bench_events"
}
