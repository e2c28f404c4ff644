-- Sign-ups per client address in a fixed window (SignupThrottle). Counts and checks in one step, so parallel
-- sign-ups cannot all pass, and gives the first count of a window its expiry, so a window always ends whatever
-- happened to the key.
-- KEYS[1]: the address's counter; ARGV[1]: sign-ups allowed per window; ARGV[2]: the window in ms.
-- Returns 0 to go on, else the ms until the window ends.
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
if n > tonumber(ARGV[1]) then return ttl end
return 0
