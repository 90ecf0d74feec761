-- The environment goredis scripts run in, built once per Lua state by LuaSandbox: what Redis 7.0's
-- scriptingInit / luaRegisterRedisAPI / luaSetTableProtectionRecursively give a script, rebuilt in
-- Lua because the C Lua 5.1 here is vanilla (Redis patches its VM for read-only tables).
--
-- Called with one argument, `host`: a table of Java functions and library tables (see LuaSandbox).
-- Returns a table of what LuaSandbox keeps: the script environment, the API tables, the error
-- handler, the hook reset and the functions that switch the environment for FUNCTION LOAD.
local host = ...

local G = _G
local type, error, tostring, select, next, pairs, ipairs = type, error, tostring, select, next, pairs, ipairs
local rawget, rawset, rawequal = rawget, rawset, rawequal
local setmetatable, getmetatable, setfenv = setmetatable, getmetatable, setfenv
local loadstring, load, pcall, xpcall, unpack = loadstring, load, pcall, xpcall, unpack
local sethook, getinfo = debug.sethook, debug.getinfo
local concat, strsub, strfind, strbyte = table.concat, string.sub, string.find, string.byte
local cocreate, coresume = coroutine.create, coroutine.resume

-- read-only tables ---------------------------------------------------------------------------

-- Every library table a script reaches is a proxy: reads go to the real table, writes fail with
-- Redis's text. Without this a script could replace string.format for the next script of the state.
local protected = setmetatable({}, { __mode = 'k' })

local function readonly()
  error('Attempt to modify a readonly table', 2)
end

local function protect(t)
  local p = {}
  protected[p] = t
  setmetatable(p, { __index = t, __newindex = readonly, __metatable = false })
  return p
end

-- the script's globals: an empty table whose misses go to `current` (the full API, or the
-- library-loading API while FUNCTION LOAD runs a library's body)
local env = {}
protected[env] = true
local current

local function argerror(n, fname, expected, ...)
  local got = select('#', ...) < n and 'no value' or type((select(n, ...)))
  error('bad argument #' .. n .. " to '" .. fname .. "' (" .. expected .. ' expected, got ' .. got .. ')', 3)
end

setmetatable(env, {
  __index = function(_, k)
    local v = current[k]
    if v == nil then
      error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2)
    end
    return v
  end,
  __newindex = readonly,
  __metatable = false,
})

-- the kill hook (SCRIPT KILL, FUNCTION KILL) ---------------------------------------------------

local HOOK_COUNT = 100000
local killcheck = host.killcheck
local hook
hook = function()
  local why = killcheck()
  if why then
    sethook(hook, '', 1) -- every following instruction raises again, so pcall cannot swallow it
    error({ err = why }, 0)
  end
end
local function resethook()
  sethook(hook, '', HOOK_COUNT)
end
resethook()

-- base functions as Redis 7.0 leaves them ---------------------------------------------------------

local api = {}
for _, n in ipairs({ 'assert', 'collectgarbage', 'error', 'gcinfo', 'ipairs', 'next', 'pairs', 'rawequal',
                     'select', 'tonumber', 'tostring', 'type', 'unpack', '_VERSION' }) do
  api[n] = G[n]
end
api._G = env

api.rawset = function(...)
  local t, k, v = ...
  if type(t) ~= 'table' then argerror(1, 'rawset', 'table', ...) end
  if protected[t] then error('Attempt to modify a readonly table', 0) end
  return rawset(t, k, v)
end

api.setmetatable = function(...)
  local t, mt = ...
  if type(t) ~= 'table' then argerror(1, 'setmetatable', 'table', ...) end
  if protected[t] then error('Attempt to modify a readonly table', 0) end
  return setmetatable(t, mt)
end

-- rawget(_G, name) sees the globals, as in Redis where _G holds them
api.rawget = function(...)
  local t, k = ...
  if type(t) ~= 'table' then argerror(1, 'rawget', 'table', ...) end
  if t == env then return current[k] end
  local real = protected[t]
  if real and real ~= true then return rawget(real, k) end
  return rawget(t, k)
end

api.getmetatable = function(...)
  if select('#', ...) == 0 then error("bad argument #1 to 'getmetatable' (value expected)", 2) end
  local t = ...
  if t == env then return {} end
  if protected[t] then return nil end
  return getmetatable(t)
end

-- Redis 7.0's pcall: an error that is a table with a string `err` field comes back as that string
api.pcall = function(...)
  local function fix(ok, ...)
    if not ok then
      local e = ...
      if type(e) == 'table' and type(rawget(e, 'err')) == 'string' then
        return false, rawget(e, 'err')
      end
    end
    return ok, ...
  end
  return fix(pcall(...))
end
api.xpcall = xpcall

-- text only (5.1 has no bytecode verifier); chunks it compiles run in the script's environment
api.loadstring = function(s, name)
  if type(s) == 'string' and strbyte(s, 1) == 27 then
    return loadstring(' ' .. s, name or s) -- rejected as text, with Redis's message
  end
  local f, e = loadstring(s, name)
  if f then setfenv(f, env) end
  return f, e
end
api.load = function(fn, name)
  if type(fn) ~= 'function' then return load(fn, name) end
  local parts = {}
  while true do
    local piece = fn()
    if piece == nil or piece == '' then break end
    parts[#parts + 1] = piece
  end
  return api.loadstring(concat(parts), name or '=(load)')
end

-- coroutines get the kill hook too
local co = {}
for k, v in pairs(coroutine) do co[k] = v end
co.create = function(f)
  local c = cocreate(f)
  sethook(c, hook, '', HOOK_COUNT)
  return c
end
co.wrap = function(f)
  local c = co.create(f)
  local function ret(ok, ...)
    if not ok then
      local e = ...
      if type(e) == 'string' or type(e) == 'number' then error(e, 3) end
      error(e, 0)
    end
    return ...
  end
  return function(...) return ret(coresume(c, ...)) end
end

-- libraries ------------------------------------------------------------------------------------

-- Redis's math.random / randomseed: one server-wide lrand48 generator (MathRandom)
if host.math_random then
  math.random = host.math_random.random
  math.randomseed = host.math_random.randomseed
end

local string_proxy = protect(string)
getmetatable('').__index = string_proxy -- ("x"):rep() keeps working, through the proxy
api.string = string_proxy
api.table = protect(table)
api.math = protect(math)
api.coroutine = protect(co)
for _, name in ipairs({ 'bit', 'cjson', 'struct', 'cmsgpack' }) do
  if host[name] then api[name] = protect(host[name]) end
end

-- the redis table ------------------------------------------------------------------------------

-- luaPushErrorBuff: "-CODE msg" or "msg" (code ERR), newlines trimmed at both ends
local function error_table(s)
  local code, msg
  if strsub(s, 1, 1) == '-' then
    local space = strfind(s, ' ', 1, true)
    if space then
      code, msg = strsub(s, 2, space - 1), strsub(s, space + 1)
    else
      code, msg = 'ERR', strsub(s, 2)
    end
  else
    code, msg = 'ERR', s
  end
  msg = (msg:gsub('^[\r\n]+', ''):gsub('[\r\n]+$', ''))
  return { err = code .. ' ' .. msg }
end

local redis = {}
for k, v in pairs(host.redis) do redis[k] = v end

redis.error_reply = function(...)
  local s = ...
  if select('#', ...) ~= 1 or type(s) ~= 'string' then
    return error_table('wrong number or type of arguments')
  end
  if strsub(s, 1, 1) ~= '-' then s = '-' .. s end
  return error_table(s)
end

redis.status_reply = function(...)
  local s = ...
  if select('#', ...) ~= 1 or type(s) ~= 'string' then
    return error_table('wrong number or type of arguments')
  end
  return { ok = s }
end

redis.replicate_commands = function() return true end
redis.breakpoint = function() return false end
redis.debug = function() end

redis.REDIS_VERSION = '7.0.15'
redis.REDIS_VERSION_NUM = 0x07000f
redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3
redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL = 0, 1, 2, 2, 3

api.redis = protect(redis)


-- while FUNCTION LOAD runs a library's body, only this is reachable (Redis's library API)
local load_api = {}
local load_redis = { log = redis.log, register_function = host.register_function,
                     LOG_DEBUG = 0, LOG_VERBOSE = 1, LOG_NOTICE = 2, LOG_WARNING = 3,
                     REDIS_VERSION = redis.REDIS_VERSION, REDIS_VERSION_NUM = redis.REDIS_VERSION_NUM }
-- reading anything else of it fails as a missing global does
local load_redis_proxy = {}
protected[load_redis_proxy] = load_redis
setmetatable(load_redis_proxy, {
  __index = function(_, k)
    local v = load_redis[k]
    if v == nil then
      error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2)
    end
    return v
  end,
  __newindex = readonly,
  __metatable = false,
})
load_api.redis = load_redis_proxy
load_api.string = api.string
load_api.table = api.table
load_api.math = api.math
for _, name in ipairs({ 'bit', 'cjson', 'struct', 'cmsgpack' }) do load_api[name] = api[name] end
for _, n in ipairs({ 'assert', 'ipairs', 'next', 'pairs', 'pcall', 'rawequal', 'rawget', 'rawset', 'select',
                     'setmetatable', 'getmetatable', 'tonumber', 'tostring', 'type', 'unpack', 'xpcall',
                     '_VERSION', 'loadstring', 'load', 'coroutine', 'gcinfo', 'collectgarbage' }) do
  load_api[n] = api[n]
end
load_api._G = env

current = api

-- Redis's __redis__err__handler: where the error was raised, and 'ERR ' before a plain message.
-- Redis raises its read-only and kill errors from C; here they come from this file's functions,
-- which are skipped like the C frame Redis skips.
local function handler(err)
  local level = 2
  local i = getinfo(level, 'nSl')
  local function skip_sandbox()
    while i and i.source == '=sandbox' do
      level = level + 1
      i = getinfo(level, 'nSl')
    end
  end
  skip_sandbox()
  if i and i.what == 'C' then
    level = level + 1
    i = getinfo(level, 'nSl')
    skip_sandbox()
  end
  if type(err) ~= 'table' then
    err = { err = 'ERR ' .. tostring(err) }
  elseif type(rawget(err, 'err')) ~= 'string' and type(rawget(err, 'err')) ~= 'number' then
    err = { err = 'ERR Error running script: the error object is a table without an err field' }
  end
  if i then
    err.source = i.source
    err.line = i.currentline
  end
  return err
end

api.__redis__err__handler = handler

return {
  env = env,
  api = api,
  handler = handler,
  resethook = resethook,
  loading = function() current = load_api end,
  running = function() current = api end,
  functions = function() current = api end, -- the same as EVAL's, KEYS and ARGV aside
}
