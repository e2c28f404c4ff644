-- Caches a rebuilt bitmap unless a change was counted since the rebuild read the counter (its query may have
-- missed that change). NX: a bitmap cached meanwhile by another rebuild is kept.
-- KEYS[1] the bitmap, KEYS[2] the change counter
-- ARGV[1] the bitmap's bytes, ARGV[2] the counter as read before the query ('' for none), ARGV[3] the TTL in ms
-- Returns 1 when it stored the bitmap, 0 when a change forbade it.
local changes = redis.call('GET', KEYS[2]) or ''
if changes ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'NX')
return 1
