-- Changes only the seats this hold's token still has (SeatGuard.markConfirmed and releaseQuietly), never a seat
-- someone else holds by now.
-- KEYS: the concert's seat hash. ARGV: the token, the new value or '' to delete, then the seats.
local suffix = ':' .. ARGV[1]
for i = 3, #ARGV do
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  if held and string.sub(held, -string.len(suffix)) == suffix then
    if ARGV[2] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[2]) end
  end
end
return 1
