-- An admitted shopper confirmed: the slot is free for the next in line (the token stays good until it expires,
-- within its holds per admission and the buyer limit).
-- KEYS: 1 users, 2 active
-- ARGV: 1 user id
-- Returns 1 when an active shopper finished, 0 otherwise.
local place = redis.call('HGET', KEYS[1], ARGV[1])
if not place then
  return 0
end
return redis.call('ZREM', KEYS[2], place)
