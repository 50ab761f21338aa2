-- POST /api/v1/knowledge-bases/{kb}/search (SEARCH_MODE, default hybrid; top 5) with the SciFact test queries in
-- turn. KB, API_KEY come from the environment; QUERIES is the generated queries.lua.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local queries = dofile(os.getenv("WORK_DIR") .. "/queries.lua")
local next_query = 0
wrk.method = "POST"
wrk.path = "/api/v1/knowledge-bases/" .. os.getenv("KB") .. "/search"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY")

local base_init = init
function init(args)
   base_init(args)
   next_query = math.random(#queries)
end

function request()
   next_query = next_query % #queries + 1
   return wrk.format(nil, nil, nil, '{"query":' .. query_json(queries[next_query]) .. ',"mode":"' .. (os.getenv("SEARCH_MODE") or "hybrid") .. '","topK":5}')
end
