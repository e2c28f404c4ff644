-- One committed seat change: counts the change, then sets the seats' bits if the bitmap is cached.
-- A change never creates a bitmap (it would be partial); a rebuild in flight sees the counter move and does not
-- cache what its query may have missed.
-- KEYS[1] the bitmap, KEYS[2] the change counter
-- ARGV[1] the counter's TTL in ms, then pairs of (seat index, bit: 1 = not available)
if redis.call('EXISTS', KEYS[2]) == 0 then
  -- a new counter starts from the clock (microseconds), never from a value an expired one had: it is the ETag
  local now = redis.call('TIME')
  redis.call('SET', KEYS[2], now[1] .. string.format('%06d', tonumber(now[2])))
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  for i = 2, #ARGV, 2 do redis.call('SETBIT', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1
