-- Shared by search.lua and messages.lua: counts non-2xx answers per thread and prints
-- one machine-readable summary line at the end (wrk's own text report is printed too).
local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_id", #threads)
end

-- the query as a JSON string: as given, or (UNIQUE_QUERIES=1) with a suffix no other
-- request of the run has, so that no cache sees a query twice
local unique = os.getenv("UNIQUE_QUERIES") == "1"
local sent = 0
function query_json(query)
   if not unique then
      return query
   end
   sent = sent + 1
   return string.sub(query, 1, -2) .. " (" .. (thread_id or 0) .. "-" .. sent .. ")\""
end

function init(args)
   non2xx = 0
   thread_index = tonumber(args[1] or 0)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if non2xx <= 3 then
         io.stderr:write("non-2xx " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
      end
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
   end
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   io.write(string.format(
      "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, socket))
end
