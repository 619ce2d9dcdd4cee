#!/usr/bin/env bash
# Batch lifecycle under load: CLIENTS sites (one wrk thread and connection each) start a batch, complete it,
# start the next, for SECONDS, on loopback, against an instance with the 512 MB container's flags. Prints req/s and p50/p95/p99 over both calls.
# Usage: bench/batch-lifecycle.sh [CLIENTS=50] [SECONDS=15]
CLIENTS=${1:-50}
SECONDS_EACH=${2:-15}
source "$(dirname "$0")/common.sh"
start_app "${PORT:-18092}"
start_measured $((${PORT:-18092} + 1)) DATAFORGE_BATCH_MAX_ACTIVE_PER_ACCOUNT=1000
BASE=$MEASURED_BASE
create_site
TOKENS=""
for i in $(seq 1 "$CLIENTS"); do
  SITE_SECRET=$(curl -fs -u admin:bench-admin -H 'Content-Type: application/json' \
    -d "{\"domain\":\"bench-$i\",\"displayName\":\"Bench $i\"}" "$BASE/admin/accounts/$ACCOUNT/sites" \
    | sed 's/.*"clientSecret":"\([^"]*\)".*/\1/')
  T=$(curl -fs -u "bench-$i:$SITE_SECRET" -X POST "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  TOKENS="$TOKENS${TOKENS:+,}$T"
done
ensure_wrk
WRK_TOKENS="$TOKENS" wrk -t"$CLIENTS" -c"$CLIENTS" -d"${SECONDS_EACH}s" -s bench/batch-lifecycle.lua "$BASE" | tail -1
