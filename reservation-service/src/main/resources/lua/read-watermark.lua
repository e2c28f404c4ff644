-- Reads a shard's idempotency watermark for the restore (IdempotencyKeysRestore), writing it as begin-request.lua
-- does when absent, and Redis's own time, so that the restore's "scan start" is on the watermark's clock.
-- KEYS: the shard's watermark. Returns {watermark, now}, both ms as strings.
local time = redis.call('TIME')
local now = string.format('%.0f', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
local since = redis.call('GET', KEYS[1])
if not since then
  redis.call('SET', KEYS[1], now)
  since = now
end
return {since, now}
