-- Moves a shard's idempotency watermark back once its keys were restored from the database (IdempotencyKeysRestore).
-- KEYS: the shard's watermark (see begin-request.lua).
-- ARGV: the watermark the restore read before it began, the earlier time it may now claim (both ms).
-- Compare-and-set: a watermark that changed meanwhile (Redis was flushed during the restore and a request wrote a
-- new one, or it is gone) is left as it is, because the keys restored before the flush are lost. Returns 1 if moved.
local since = redis.call('GET', KEYS[1])
if since ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
