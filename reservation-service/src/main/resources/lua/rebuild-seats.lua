-- Refills a concert's seat hash and its expiry index from the database's active reservations and marks them ready
-- (SeatGuard.rebuild). KEYS: the concert's seat hash, its ready marker, its expiry index. ARGV: seat, value, seat,
-- value... The marker's value '2' says "hash and expiry index": a hash written before the index existed (marker
-- '1') is rebuilt once.
redis.call('DEL', KEYS[1], KEYS[3])
for i = 1, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  local expiry = string.match(ARGV[i + 1], '^(%d+):')
  redis.call('ZADD', KEYS[3], expiry == '0' and 'inf' or expiry, ARGV[i])
end
redis.call('SET', KEYS[2], '2')
return 1
