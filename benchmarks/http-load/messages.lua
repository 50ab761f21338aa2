-- POST /api/v1/sessions/{id}/messages (extractive answers) with the SciFact test queries in
-- turn, spread over the sessions listed in the generated sessions.lua (one bearer token each).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local queries = dofile(os.getenv("WORK_DIR") .. "/queries.lua")
local sessions = dofile(os.getenv("WORK_DIR") .. "/sessions.lua")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local base_init = init
function init(args)
   base_init(args)
   n = math.random(#queries)
end

function request()
   n = n + 1
   local session = sessions[n % #sessions + 1]
   local headers = { ["Authorization"] = "Bearer " .. session.token, ["Content-Type"] = "application/json" }
   return wrk.format(nil, "/api/v1/sessions/" .. session.id .. "/messages", headers,
      '{"message":' .. query_json(queries[n % #queries + 1]) .. '}')
end
