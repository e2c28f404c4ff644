-- The seats of one concert taken now (SeatGuard.takenSeats): held and not run out, or confirmed.
-- KEYS: the concert's seat hash, its ready marker. ARGV: now (epoch ms).
-- Returns {'REBUILD'} when the hash must first be rebuilt from the database, or {'OK', seats...}.
if redis.call('EXISTS', KEYS[2]) == 0 then return {'REBUILD'} end
local now = tonumber(ARGV[1])
local taken = {'OK'}
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local expiry = tonumber(string.match(all[i + 1], '^(%d+):') or '')
  if expiry and (expiry == 0 or expiry > now) then table.insert(taken, all[i]) end
end
return taken
