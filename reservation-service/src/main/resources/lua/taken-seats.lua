-- Which of the given seats of one concert are taken now (SeatGuard.takenAmong): held and not run out, or
-- confirmed. Reads only those seats (HMGET), not the concert's whole hash.
-- KEYS: the concert's seat hash, its ready marker. ARGV: now (epoch ms), then the seats.
-- Returns {'REBUILD'} when the hash must first be rebuilt from the database, or {'OK', seats...}.
if redis.call('GET', KEYS[2]) ~= '2' then return {'REBUILD'} end
local now = tonumber(ARGV[1])
local taken = {'OK'}
-- HMGET a thousand at a time: unpack has a limit on how many values it spreads
for first = 2, #ARGV, 1000 do
  local last = math.min(first + 999, #ARGV)
  local values = redis.call('HMGET', KEYS[1], unpack(ARGV, first, last))
  for i = 1, #values do
    if values[i] then
      local expiry = tonumber(string.match(values[i], '^(%d+):') or '')
      if expiry and (expiry == 0 or expiry > now) then table.insert(taken, ARGV[first + i - 1]) end
    end
  end
end
return taken
