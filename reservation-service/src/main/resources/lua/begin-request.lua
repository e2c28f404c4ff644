-- Starts a request under an Idempotency-Key in one round trip (IdempotencyKeys.begin), and says whether Redis alone
-- can tell that the key is new.
-- KEYS: the key's entry, its shard's watermark (the time in ms since which this Redis has remembered every key of
-- the shard; written when absent, so a flush or a restart of Redis starts it again at "now").
-- ARGV: the in-flight value (PENDING:<hash>), its TTL in ms, the idempotency TTL in ms.
-- Returns {'SEEN', value} when the key is in flight or done; otherwise takes the key for this request and returns
-- {'NEW'} when Redis has remembered for a whole idempotency TTL (a key it does not know was not used within it), or
-- {'UNSURE'} when it has not (the database must be asked).
local seen = redis.call('GET', KEYS[1])
if seen then return {'SEEN', seen} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local since = tonumber(redis.call('GET', KEYS[2]))
if not since then
  redis.call('SET', KEYS[2], string.format('%.0f', now))
  return {'UNSURE'}
end
if now - since >= tonumber(ARGV[3]) then return {'NEW'} end
return {'UNSURE'}
