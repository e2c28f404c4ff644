-- Changes only the seats this hold's token still has (SeatGuard.markConfirmed and releaseQuietly), never a seat
-- someone else holds by now; the expiry index follows the hash.
-- KEYS: the concert's seat hash, its expiry index. ARGV: the token, the new value ("<expiry ms>:<owner>:<token>") or '' to
-- delete, then the seats.
local suffix = ':' .. ARGV[1]
local expiry = string.match(ARGV[2], '^(%d+):')
local score = expiry == '0' and 'inf' or expiry
for i = 3, #ARGV do
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  if held and string.sub(held, -string.len(suffix)) == suffix then
    if ARGV[2] == '' then
      redis.call('HDEL', KEYS[1], ARGV[i])
      redis.call('ZREM', KEYS[2], ARGV[i])
    else
      redis.call('HSET', KEYS[1], ARGV[i], ARGV[2])
      redis.call('ZADD', KEYS[2], score, ARGV[i])
    end
  end
end
return 1
