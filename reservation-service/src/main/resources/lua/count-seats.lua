-- How many of one concert's seats are taken now, and how many of them are only held (SeatGuard.takenCount, for
-- the admission job): two range counts of the expiry index (seat → expiry ms, inf = confirmed), O(log n), however
-- many seats the concert has. A hold that ran out has a score ≤ now and is not counted.
-- KEYS: the concert's ready marker, its expiry index. ARGV: now (epoch ms).
-- Returns {'REBUILD'} when the hash must first be rebuilt from the database, or {'OK', taken, held}.
if redis.call('GET', KEYS[1]) ~= '2' then return {'REBUILD'} end
local taken = redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[1], '+inf')
local confirmed = redis.call('ZCOUNT', KEYS[2], '+inf', '+inf')
return {'OK', tostring(taken), tostring(taken - confirmed)}
