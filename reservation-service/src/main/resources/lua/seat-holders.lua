-- Who holds a hold's seats right now, read only (SeatGuard.holders): lets a hold of taken seats be refused in one
-- round trip, before its Idempotency-Key is taken.
-- KEYS: the concert's seat hash, its ready marker. ARGV: now (epoch ms), the caller's user id, then the seats.
-- A seat's entry is "<expiry ms>:<owner's user id>:<token>" (expiry 0 = confirmed); an entry of the older shape
-- "<expiry ms>:<token>" says no owner. A seat whose hold has run out counts as free.
-- Returns {'REBUILD'} when the hash must first be rebuilt from the database, {'FREE'} when no seat is held,
-- {'OWN'} when a seat is held by the caller or by an owner the entry does not say (the request may be a repeat of
-- the hold that took it), or {'TAKEN', seats...} when seats are held, all by others.
if redis.call('GET', KEYS[2]) ~= '2' then return {'REBUILD'} end
local now = tonumber(ARGV[1])
local taken = {'TAKEN'}
for i = 3, #ARGV do
  local held = redis.call('HGET', KEYS[1], ARGV[i])
  if held then
    local expiry, rest = string.match(held, '^(%d+):(.*)$')
    expiry = tonumber(expiry)
    if expiry == 0 or expiry > now then
      local owner = string.match(rest, '^(%d+):')
      if owner == nil or owner == ARGV[2] then return {'OWN'} end
      table.insert(taken, ARGV[i])
    end
  end
end
if #taken > 1 then return taken end
return {'FREE'}
