-- Counts one hold made with an admission token (by its jti); the counter lives as long as the token could.
-- KEYS: 1 the token's counter
-- ARGV: 1 life of the counter in ms
-- Returns the holds made with this token so far, this one included.
local holds = redis.call('INCR', KEYS[1])
if holds == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return holds
