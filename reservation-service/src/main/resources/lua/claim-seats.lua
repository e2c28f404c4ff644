-- Takes all the seats of one hold or none (SeatGuard.claim); the value says the owner: see seat-holders.lua.
-- KEYS: the concert's seat hash, its ready marker, its expiry index. ARGV: now (epoch ms), the value to store
-- ("<expiry ms>:<owner>:<token>", expiry 0 = confirmed), then the seats.
-- Returns {'OK'}, {'REBUILD'} when the hash must first be rebuilt from the database, or {'TAKEN', seats...}.
-- A seat whose hold has run out counts as free. The expiry index (seat → expiry, inf = confirmed) follows the hash
-- in the same script, so the taken seats can be counted without reading them (count-seats.lua).
if redis.call('GET', KEYS[2]) ~= '2' then return {'REBUILD'} end
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
local expiry = string.match(ARGV[2], '^(%d+):')
local score = expiry == '0' and 'inf' or expiry
for i = 3, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[2])
  redis.call('ZADD', KEYS[3], score, ARGV[i])
end
return {'OK'}
