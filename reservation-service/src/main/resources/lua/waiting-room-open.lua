-- The waiting room's common first step, run at the top of the join and admission scripts (prepended by
-- QueueScripts; KEYS[1] is always the concert's meta hash, KEYS[2] its pre-queue list, ARGV[1] now in ms,
-- ARGV[2] the opening in ms ('' = open from the start), ARGV[3] a fresh seed (hex), ARGV[4] its commitment).
-- 1. The seed is made once: the first caller's seed wins (HSETNX), with its commitment, never replaced.
-- 2. At or after the opening the pre-queue closes, once: its size N is written down and later arrivals count on
--    from N ('next'), so the pre-queue gets 1..N after the shuffle and they get N+1, N+2, ...
redis.call('HSETNX', KEYS[1], 'seed', ARGV[3])
redis.call('HSETNX', KEYS[1], 'commitment', ARGV[4])
if redis.call('HEXISTS', KEYS[1], 'closed') == 0 and (ARGV[2] == '' or tonumber(ARGV[1]) >= tonumber(ARGV[2])) then
  local n = redis.call('LLEN', KEYS[2])
  redis.call('HSET', KEYS[1], 'closed', ARGV[1], 'n', n, 'next', n)
  if n == 0 then
    -- nobody to shuffle: the seed is published at once
    redis.call('HSET', KEYS[1], 'shuffled', ARGV[1])
  end
end
