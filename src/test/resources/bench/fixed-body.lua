-- wrk script: POSTs the same body (BODY_FILE's content, passed as the first argument) on every request.
function init(args)
  local f = assert(io.open(args[1], "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
