-- wrk script: POST the JSON body in the file named by BODY_FILE to the path given as the first script argument.
local path = "/access/v1/evaluation"
local body = ""

function init(args)
  if args[1] ~= nil then path = args[1] end
  local f = assert(io.open(args[2], "r"))
  body = f:read("*a")
  f:close()
end

function request()
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
