-- The caller's place (GET .../queue/me); a poll counts as "still here".
-- KEYS: 1 meta, 2 users, 3 positions, 4 line, 5 seen, 6 status, 7 admission, 8 active, 9 admitted
-- ARGV: 1 user id, 2 now ms, 3 lapse-after ms, 4 rate window ms
-- Returns nil when the account has no place, else {pseudonym, status, position or '', ahead, admission or '',
-- sold out flag, admitted in the rate window, oldest admission in the window (ms) or '', active shoppers,
-- the last admission run's ceiling of active shoppers or ''}.
local place = redis.call('HGET', KEYS[2], ARGV[1])
if not place then
  return nil
end
local now = tonumber(ARGV[2])
local status = redis.call('HGET', KEYS[6], place)
local admission = redis.call('HGET', KEYS[7], place) or ''
if status == 'WAITING' then
  if tonumber(redis.call('HGET', KEYS[5], place) or '0') < now - tonumber(ARGV[3]) then
    status = 'EXPIRED'
    redis.call('HSET', KEYS[6], place, status)
    redis.call('ZREM', KEYS[4], place)
  else
    redis.call('HSET', KEYS[5], place, ARGV[2])
  end
elseif status == 'ADMITTED' then
  local expiresAt = tonumber(string.match(admission, ':(%d+)$'))
  if expiresAt <= now then
    status = 'EXPIRED'
    redis.call('HSET', KEYS[6], place, status)
    redis.call('ZREM', KEYS[8], place)
  else
    redis.call('HSET', KEYS[5], place, ARGV[2])
  end
end
local position = redis.call('HGET', KEYS[3], place) or ''
local ahead = 0
if status == 'WAITING' and position ~= '' then
  ahead = redis.call('ZCOUNT', KEYS[4], '-inf', '(' .. position)
end
local since = now - tonumber(ARGV[4])
local rate = redis.call('ZCOUNT', KEYS[9], since, '+inf')
local oldest = redis.call('ZRANGEBYSCORE', KEYS[9], since, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
return {place, status, position, ahead, admission, redis.call('HGET', KEYS[1], 'soldOut') or '0', rate,
        oldest[2] or '', redis.call('ZCARD', KEYS[8]), redis.call('HGET', KEYS[1], 'ceiling') or ''}
