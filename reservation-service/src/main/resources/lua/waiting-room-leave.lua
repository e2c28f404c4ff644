-- Leaves the waiting room (DELETE .../queue/me): the place is LEFT, an admitted one frees its slot, and the account
-- may join again (at the back).
-- KEYS: 1 users, 2 line, 3 status, 4 active
-- ARGV: 1 user id
-- Returns 1 when a place was left, 0 when the account had none.
local place = redis.call('HGET', KEYS[1], ARGV[1])
if not place then
  return 0
end
redis.call('HSET', KEYS[3], place, 'LEFT')
redis.call('ZREM', KEYS[2], place)
redis.call('ZREM', KEYS[4], place)
redis.call('HDEL', KEYS[1], ARGV[1])
return 1
