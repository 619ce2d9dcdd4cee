-- wrk script: method and Authorization header from the environment; prints p50/p95/p99 and req/s.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("%s: %d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors/non-2xx: %d\n",
    wrk.path, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
