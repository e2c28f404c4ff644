-- What Redis remembers of an Idempotency-Key, without taking the key (IdempotencyKeys.peek).
-- KEYS: the key's entry, its shard's watermark (see begin-request.lua, which this writes as it does when absent).
-- ARGV: the idempotency TTL in ms.
-- Returns {'SEEN', value} when the key is in flight or done; {'NEW'} when Redis does not know it and has remembered
-- every key of the shard for a whole idempotency TTL (the key was not used within it); {'UNSURE'} when it does not
-- know it and has not (the database must be asked).
local seen = redis.call('GET', KEYS[1])
if seen then return {'SEEN', seen} end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local since = tonumber(redis.call('GET', KEYS[2]))
if not since then
  redis.call('SET', KEYS[2], string.format('%.0f', now))
  return {'UNSURE'}
end
if now - since >= tonumber(ARGV[1]) then return {'NEW'} end
return {'UNSURE'}
