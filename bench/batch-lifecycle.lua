-- wrk script: each thread is one site (its token from WRK_TOKENS, comma separated) that starts a batch,
-- completes it, starts the next... Prints p50/p95/p99 and req/s over both calls.
local tokens = {}
for t in string.gmatch(os.getenv("WRK_TOKENS") or "", "[^,]+") do table.insert(tokens, t) end
local next_index = 1

function setup(thread)
  thread:set("token", tokens[next_index])
  next_index = next_index + 1
end

function init(args)
  batch = nil
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. token }
  if batch == nil then
    return wrk.format("POST", "/api/v1/batch/start", headers)
  end
  return wrk.format("POST", "/api/v1/batch/" .. batch .. "/complete", headers)
end

function response(status, headers, body)
  if batch == nil then
    batch = string.match(body, '"batchId":"([^"]+)"')
  else
    batch = nil
  end
end

function done(summary, latency, requests)
  io.write(string.format("start/complete: %d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors/non-2xx: %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.timeout))
end
