-- Gives the closed pre-queue its positions 1..N in the order computed from the seed (Shuffle.order), once: the
-- first instance to get here wins, a later one (which computed the same order) changes nothing.
-- KEYS: 1 meta, 2 pre, 3 positions, 4 line, 5 status
-- ARGV: 1 now ms, 2.. the pre-queue's pseudonyms, position 1 first
-- Returns 1 when this call shuffled, 0 when it had been done, -1 when the order does not match the pre-queue.
if redis.call('HEXISTS', KEYS[1], 'shuffled') == 1 then
  return 0
end
if #ARGV - 1 ~= tonumber(redis.call('HGET', KEYS[1], 'n')) or #ARGV - 1 ~= redis.call('LLEN', KEYS[2]) then
  return -1
end
for i = 2, #ARGV do
  local position = i - 1
  redis.call('HSET', KEYS[3], ARGV[i], position)
  if redis.call('HGET', KEYS[5], ARGV[i]) == 'WAITING' then
    redis.call('ZADD', KEYS[4], position, ARGV[i])
  end
end
redis.call('HSET', KEYS[1], 'shuffled', ARGV[1])
return 1
