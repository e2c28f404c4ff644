-- The pre-queue for the fairness check (GET .../queue/pre-queue): its pseudonyms in join order with their
-- positions once shuffled, the commitment and (once shuffled) the seed.
-- KEYS: 1 meta, 2 pre, 3 positions
-- Returns {commitment or '', seed or '', pseudonym, position or '', pseudonym, position or '', ...}.
local shuffled = redis.call('HEXISTS', KEYS[1], 'shuffled') == 1
local answer = {redis.call('HGET', KEYS[1], 'commitment') or '', ''}
if shuffled then
  answer[2] = redis.call('HGET', KEYS[1], 'seed')
end
for _, place in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  table.insert(answer, place)
  table.insert(answer, shuffled and (redis.call('HGET', KEYS[3], place) or '') or '')
end
return answer
