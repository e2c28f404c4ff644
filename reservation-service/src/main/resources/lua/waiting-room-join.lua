-- Joins a concert's waiting room: one place per account, atomically (after waiting-room-open.lua).
-- KEYS: 1 meta, 2 pre (list), 3 users (userId -> pseudonym), 4 owners (pseudonym -> userId), 5 positions,
--       6 line (zset of waiting places by position), 7 seen (pseudonym -> last poll ms), 8 status
-- ARGV: 1 now ms, 2 opening ms or '', 3 seed, 4 commitment, 5 user id, 6 a fresh pseudonym, 7 lapse-after ms
-- Returns {pseudonym, 1} for a new place, {pseudonym, 0} for the caller's place already there.
local now = tonumber(ARGV[1])
local existing = redis.call('HGET', KEYS[3], ARGV[5])
if existing then
  local status = redis.call('HGET', KEYS[8], existing)
  local seen = tonumber(redis.call('HGET', KEYS[7], existing) or '0')
  if status == 'WAITING' and seen < now - tonumber(ARGV[7]) then
    -- came back after the place lapsed: it is expired, and the account starts again at the back
    redis.call('HSET', KEYS[8], existing, 'EXPIRED')
    redis.call('ZREM', KEYS[6], existing)
  elseif status == 'WAITING' or status == 'ADMITTED' then
    redis.call('HSET', KEYS[7], existing, ARGV[1])
    return {existing, 0}
  end
end
local place = ARGV[6]
redis.call('HSET', KEYS[3], ARGV[5], place)
redis.call('HSET', KEYS[4], place, ARGV[5])
redis.call('HSET', KEYS[7], place, ARGV[1])
redis.call('HSET', KEYS[8], place, 'WAITING')
if redis.call('HEXISTS', KEYS[1], 'closed') == 0 then
  redis.call('RPUSH', KEYS[2], place)
else
  local position = redis.call('HINCRBY', KEYS[1], 'next', 1)
  redis.call('HSET', KEYS[5], place, position)
  redis.call('ZADD', KEYS[6], position, place)
end
return {place, 1}
