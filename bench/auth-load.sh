#!/usr/bin/env bash
# Identity load benchmark (wrk): starts the executable jar with the 512 MB container's flags (start_measured, on the
# embedded servers of a host instance), registers an account and a site,
# then drives POST /api/v1/auth/token (site Basic login) and GET /admin/accounts (admin bearer) with
# CLIENTS concurrent clients for SECONDS each, on loopback, after a warm-up round of WARMUP_SECONDS (10) each.
# Prints req/s and p50/p95/p99.
# Usage: bench/auth-load.sh [CLIENTS=50] [SECONDS=20]
CLIENTS=${1:-50}
SECONDS_EACH=${2:-20}
MEASURED_SECONDS=$SECONDS_EACH
source "$(dirname "$0")/common.sh"
start_app "${PORT:-18090}"
start_measured $((${PORT:-18090} + 1))
BASE=$MEASURED_BASE
create_site
ADMIN_TOKEN=$(curl -fs -u admin:bench-admin -X POST "$BASE/api/v1/auth/admin/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
SITE_BASIC="Basic $(printf 'bench-store:%s' "$SECRET" | base64 -w0)"
# wrk (C, from Debian's packages) keeps the load generator's own CPU small on 2 cores
ensure_wrk
load() {  # METHOD PATH AUTH
  WRK_METHOD=$1 WRK_AUTH=$3 wrk -t2 -c"$CLIENTS" -d"${SECONDS_EACH}s" -s bench/latency.lua "$BASE$2" | tail -1
}
load GET /actuator/health/liveness ""
# the floor: an authenticated 404 through the same stack (security filters and the bearer token's check, the
# servlet, the error body); without a token it would be a cheaper 401
FLOOR_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/no-such-resource")
[ "$FLOOR_STATUS" = 404 ] || { echo "the floor answered $FLOOR_STATUS, not 404"; exit 1; }
# a warm-up round of every measured request first, not printed: a JVM fresh from start still compiles its hot
# paths (C2 took half a core for the first minute), which cut token issuance to a third of what it ran warm, and
# the floor measured warm against a cold token would not be a ratio of like with like
measured_requests() {
  load GET /api/v1/no-such-resource "Bearer $ADMIN_TOKEN"
  load POST /api/v1/auth/token "$SITE_BASIC"
  load GET "/admin/accounts?page=0&size=20" "Bearer $ADMIN_TOKEN"
}
SECONDS_EACH=${WARMUP_SECONDS:-10} measured_requests > /dev/null
SECONDS_EACH=$MEASURED_SECONDS measured_requests
