-- One request against the token bucket KEYS[1]: ARGV[1] capacity, ARGV[2] tokens gained per second.
-- State: hash {tokens, micros}; time is the Redis server's, so every gateway replica counts alike.
-- Returns {1, 0} when allowed, {0, microseconds until one token is back} when refused.
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'micros')
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - updated) * refill / 1000000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000000 / refill)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'micros', tostring(now))
-- a bucket idle long enough to be full again is the same as no bucket
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / refill) + 1000)
return {allowed, wait}
