-- The public status of a concert's waiting room (GET .../queue), one round trip; makes the seed if it is the
-- first to see the waiting room (so the commitment is published from then on).
-- KEYS: 1 meta, 2 pre, 3 line, 4 active
-- ARGV: 1 now ms, 2 a fresh seed, 3 its commitment
-- Returns {commitment, seed or '' (only once shuffled), closed (1/0), shuffled (1/0), nowServing, soldOut,
-- waiting, active, admission limit or ''}.
redis.call('HSETNX', KEYS[1], 'seed', ARGV[2])
redis.call('HSETNX', KEYS[1], 'commitment', ARGV[3])
local shuffled = redis.call('HEXISTS', KEYS[1], 'shuffled')
local waiting = redis.call('ZCARD', KEYS[3])
if shuffled == 0 then
  waiting = waiting + redis.call('LLEN', KEYS[2])
end
local seed = ''
if shuffled == 1 then
  seed = redis.call('HGET', KEYS[1], 'seed')
end
return {redis.call('HGET', KEYS[1], 'commitment'), seed, redis.call('HEXISTS', KEYS[1], 'closed'), shuffled,
        redis.call('HGET', KEYS[1], 'nowServing') or '0', redis.call('HGET', KEYS[1], 'soldOut') or '0', waiting,
        redis.call('ZCOUNT', KEYS[4], '(' .. ARGV[1], '+inf'), redis.call('HGET', KEYS[1], 'limit') or ''}
