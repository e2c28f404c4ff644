-- The login back-off (LoginThrottle). A counter is a hash {failures, until}, until in ms of Redis's clock; it
-- expires by itself forget-after ms after its last failure (or once its wait is over, if that is later).
-- ARGV[1]: 'begin' or 'failed'; ARGV[2]: forget-after ms; ARGV[3..]: the wait in ms after 1, 2, ... failures
-- (the last one repeats).
--   begin   KEYS[1] the account's counter, KEYS[2] the address's: while either's wait runs, returns the ms left
--           and counts nothing; otherwise counts this try against the account (before its password is checked,
--           so of a burst of parallel guesses only as many pass as the back-off lets through) and returns 0.
--   failed  KEYS[1] the address's counter: counts a failed try, returns 0.
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local forget_after = tonumber(ARGV[2])
local waits = #ARGV - 2

local function count(key)
  local n = redis.call('HINCRBY', key, 'failures', 1)
  local delay = tonumber(ARGV[math.min(n, waits) + 2])
  if delay > 0 then redis.call('HSET', key, 'until', now + delay) end
  redis.call('PEXPIRE', key, math.max(forget_after, delay))
end

if ARGV[1] == 'begin' then
  local wait = 0
  for _, key in ipairs(KEYS) do
    local blocked = tonumber(redis.call('HGET', key, 'until') or '0') - now
    if blocked > wait then wait = blocked end
  end
  if wait > 0 then return wait end
elseif ARGV[1] ~= 'failed' then
  return redis.error_reply('login-throttle.lua: unknown mode ' .. tostring(ARGV[1]))
end
count(KEYS[1])
return 0
