-- wrk script: POSTs a 20-field Avro schema with one extra defaulted field whose name is new on every
-- request (thread id + counter), so the server parses every body and, for registrations, every request
-- is a new compatible version. PATH_TEMPLATE's %d, when present, spreads requests over 64 subjects.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  tid = wrk.thread:get("tid")
  counter = 0
  template = args[1] or wrk.path
end

local function fields()
  local parts = {}
  for i = 0, 19 do
    parts[#parts + 1] = '{\\"name\\":\\"f' .. i .. '\\",\\"type\\":\\"string\\",\\"default\\":\\"\\"}'
  end
  return table.concat(parts, ",")
end
local base = fields()

function request()
  counter = counter + 1
  local extra = 'x' .. tid .. '_' .. counter
  local body = '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"Order\\",\\"fields\\":[' .. base
      .. ',{\\"name\\":\\"' .. extra .. '\\",\\"type\\":\\"string\\",\\"default\\":\\"\\"}]}"}'
  local path = template
  if string.find(template, "%%d") then
    path = string.format(template, counter % 64)
  end
  -- The key given with -H rides along: headers given here replace wrk.headers.
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}, body)
end
