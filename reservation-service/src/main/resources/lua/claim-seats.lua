-- Takes all the seats of one hold or none (SeatGuard.claim); the value says the owner: see seat-holders.lua.
-- KEYS: the concert's seat hash, its ready marker. ARGV: now (epoch ms), the value to store ("<expiry ms>:<owner>:<token>",
-- expiry 0 = confirmed), then the seats.
-- Returns {'OK'}, {'REBUILD'} when the hash must first be rebuilt from the database, or {'TAKEN', seats...}.
-- A seat whose hold has run out counts as free.
if redis.call('EXISTS', KEYS[2]) == 0 then return {'REBUILD'} end
local now = tonumber(ARGV[1])
local taken = {'TAKEN'}
for i = 3, #ARGV do
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  if held then
    local expiry = tonumber(string.match(held, '^(%d+):'))
    if expiry == 0 or expiry > now then table.insert(taken, ARGV[i]) end
  end
end
if #taken > 1 then return taken end
for i = 3, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[2]) end
return {'OK'}
