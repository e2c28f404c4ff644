-- Refills a concert's seat hash from the database's active reservations and marks it ready (SeatGuard.rebuild).
-- KEYS: the concert's seat hash, its ready marker. ARGV: seat, value, seat, value...
redis.call('DEL', KEYS[1])
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('SET', KEYS[2], '1')
return 1
