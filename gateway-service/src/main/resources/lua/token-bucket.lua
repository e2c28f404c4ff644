-- A token bucket per caller (KEYS[1]), refilled by the time elapsed on Redis's clock, so gateway instances need
-- not agree on theirs. ARGV[1]: tokens per second, ARGV[2]: capacity (the burst), ARGV[3]: how many tokens the
-- gateway would like to take at once (it spends them locally, see RateLimiter).
-- Returns how many whole tokens were taken (1 .. ARGV[3]) when at least one was there, else minus the number of
-- milliseconds until the next one (always < 0).
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
local taken = math.min(want, math.floor(tokens))
local answer
if taken >= 1 then
  tokens = tokens - taken
  answer = taken
else
  answer = -math.max(1, math.ceil((1 - tokens) * 1000 / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
-- gone once it would be full again anyway
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return answer
