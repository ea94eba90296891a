-- wrk script: GETs /ccompat/schemas/ids/{id} for ids drawn uniformly from 1..N (the first argument).
function init(args)
  n = tonumber(args[1])
  math.randomseed(os.time() + (wrk.thread:get("tid") or 0))
end

local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function request()
  return wrk.format("GET", "/ccompat/schemas/ids/" .. math.random(1, n))
end
