-- One run of the admission job for one concert (after waiting-room-open.lua). Atomic, so any number of
-- instances may run it side by side: each run sees the active shoppers the runs before it admitted.
-- KEYS: 1 meta, 2 pre, 3 positions, 4 line, 5 seen, 6 status, 7 admission (pseudonym -> jti:iat:exp),
--       8 active (zset pseudonym -> admission expiry ms), 9 admitted (zset pseudonym -> admission time ms)
-- ARGV: 1 now ms, 2 opening ms or '', 3 seed, 4 commitment, 5 lapse-after ms, 6 ceiling of active shoppers,
--       7 sold out (1/0), 8 admission ttl ms, 9 most lapsed places to skip, 10 rate window ms,
--       11 the database is under pressure (1/0), 12 the admission limit's floor, 13 its step up, 14 its top
--       (max-active-shoppers), 15.. fresh jtis
-- Returns {'PRE_QUEUE'} before the opening, {'SHUFFLE', seed, pseudonym...} when the pre-queue is closed but not
-- yet shuffled (the caller orders it and runs waiting-room-shuffle.lua), else {'OPEN', admitted, active, waiting, limit}.
-- The admission limit (meta 'limit') adapts to the back end, shared by every instance: three quarters of it after
-- a run whose instance saw its database pool queue (ARGV 11), one step more after a calm run in which the limit
-- was what held admissions back, never below the floor nor above the top. The run admits while
-- active < min(ceiling, limit).
local now = tonumber(ARGV[1])
if redis.call('HEXISTS', KEYS[1], 'shuffled') == 0 then
  if redis.call('HEXISTS', KEYS[1], 'closed') == 0 then
    return {'PRE_QUEUE'}
  end
  local answer = {'SHUFFLE', redis.call('HGET', KEYS[1], 'seed')}
  for _, place in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
    table.insert(answer, place)
  end
  return answer
end
redis.call('HSET', KEYS[1], 'soldOut', ARGV[7])
-- admissions that ran out free their slot
for _, place in ipairs(redis.call('ZRANGEBYSCORE', KEYS[8], '-inf', now)) do
  if redis.call('HGET', KEYS[6], place) == 'ADMITTED' then
    redis.call('HSET', KEYS[6], place, 'EXPIRED')
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', now - tonumber(ARGV[10]))
local active = redis.call('ZCARD', KEYS[8])
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or ARGV[14])
if ARGV[11] == '1' then
  limit = math.max(tonumber(ARGV[12]), math.floor(limit * 0.75))
elseif active >= limit then
  limit = math.min(tonumber(ARGV[14]), limit + tonumber(ARGV[13]))
end
limit = math.min(limit, tonumber(ARGV[14]))
redis.call('HSET', KEYS[1], 'limit', limit)
local ceiling = math.min(tonumber(ARGV[6]), limit)
-- for the poll advice: a place with fewer people ahead than (ceiling - active) is in the next run's batch
redis.call('HSET', KEYS[1], 'ceiling', ceiling)
local lapsedBefore = now - tonumber(ARGV[5])
local expiresAt = now + tonumber(ARGV[8])
local skips, admitted, nextJti = 0, 0, 15
while active < ceiling and nextJti <= #ARGV and skips < tonumber(ARGV[9]) do
  local head = redis.call('ZPOPMIN', KEYS[4])
  if #head == 0 then
    break
  end
  local place, position = head[1], tonumber(head[2])
  if redis.call('HGET', KEYS[6], place) == 'WAITING' then
    if tonumber(redis.call('HGET', KEYS[5], place) or '0') < lapsedBefore then
      redis.call('HSET', KEYS[6], place, 'EXPIRED')
      skips = skips + 1
    else
      redis.call('HSET', KEYS[6], place, 'ADMITTED')
      redis.call('HSET', KEYS[7], place, ARGV[nextJti] .. ':' .. now .. ':' .. expiresAt)
      redis.call('ZADD', KEYS[8], expiresAt, place)
      redis.call('ZADD', KEYS[9], now, place)
      if position > tonumber(redis.call('HGET', KEYS[1], 'nowServing') or '0') then
        redis.call('HSET', KEYS[1], 'nowServing', position)
      end
      nextJti = nextJti + 1
      admitted = admitted + 1
      active = active + 1
    end
  end
end
return {'OPEN', admitted, active, redis.call('ZCARD', KEYS[4]), limit}
