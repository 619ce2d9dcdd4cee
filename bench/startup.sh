#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar` to /actuator/health UP on the embedded servers, cold (fresh
# data directory: initdb, bucket, broker store) and warm (same directory again), and the JVM's RSS once up.
# Usage: bench/startup.sh            (builds the jar first if target/ has none)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls target/data-forge-*.jar 2>/dev/null | grep -v -e original -e lean | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -B -q -DskipTests package; JAR=$(ls target/data-forge-*.jar | grep -v -e original -e lean | head -1); fi
DATA=$(mktemp -d -p target bench-startup.XXXX)
PORT=${PORT:-18080}

run() {
  local label=$1 start pid up rss
  start=$(date +%s.%N)
  DATAFORGE_DATA_DIR="$DATA" DATAFORGE_ADMIN_PASSWORD=bench java -jar "$JAR" --server.port="$PORT" > "$DATA/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: application died, see $DATA/$label.log"; exit 1; }
    sleep 0.2
  done
  up=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {print a - b}')
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  printf '%-5s start-to-UP %6.1f s   JVM RSS %4d MB\n' "$label" "$up" "$rss"
  kill -TERM "$pid"; wait "$pid" || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run cold
run warm
rm -rf "$DATA"
