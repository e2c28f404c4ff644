-- Caches a rebuilt bitmap unless a change was counted since the rebuild read the counter (its query may have
-- missed that change). NX: a bitmap cached meanwhile by another rebuild is kept. Either way the counter moves (a
-- stored bitmap is a new version: the counter is the ETag); a new counter starts from the clock, as in apply.
-- KEYS[1] the bitmap, KEYS[2] the change counter
-- ARGV[1] the bitmap's bytes, ARGV[2] the counter as read before the query ('' for none), ARGV[3] the TTL in ms,
-- ARGV[4] the counter's TTL in ms
-- Returns the counter (the version of the cached bitmap) when it stored the bitmap, 0 when a change forbade it.
local changes = redis.call('GET', KEYS[2]) or ''
if changes ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'NX')
if changes == '' then
  local now = redis.call('TIME')
  redis.call('SET', KEYS[2], now[1] .. string.format('%06d', tonumber(now[2])))
end
local version = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return version
