-- wrk script: /api/search with the query mix of `readout bench --stages
-- search` (words, phrases, prefixes, boolean queries; some with filters).
--   readout serve --db LEDGER --addr 127.0.0.1:8080 &
--   wrk -t2 -c16 -d30s --latency -s bench/search.lua http://127.0.0.1:8080
local words = {"energy", "investment", "defense", "trade", "cooperation", "sanctions",
               "infrastructure", "space", "cyber", "jobs"}
local shapes = {"%s", "%%22%s%%20cooperation%%22", "%s*", "%s%%20AND%%20japan",
                "%s%%20OR%%20security", "%s%%20NOT%%20china"}
local paths = {}
for i = 0, 999 do
  local w = words[(i % #words) + 1]
  local shape = shapes[(math.floor(i / #words) % #shapes) + 1]
  local term = (shape == "%s*") and string.sub(w, 1, 4) or w
  local q = string.format(shape, term)
  local filters = ""
  if i % 3 == 0 then filters = filters .. "&actor=JPN" end
  if i % 5 == 0 then filters = filters .. "&kind=commitment" end
  if i % 7 == 0 then filters = filters .. "&since=2017" end
  paths[#paths + 1] = "/api/search?q=" .. q .. filters
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
