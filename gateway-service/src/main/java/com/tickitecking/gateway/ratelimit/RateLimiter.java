package com.tickitecking.gateway.ratelimit;

import com.tickitecking.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * A token bucket per caller in Redis, shared by every gateway instance. The Lua script refills by the time
 * elapsed (Redis's clock, so instances need not agree on theirs) and answers 0 (allowed) or how many
 * milliseconds until the next token. When Redis does not answer quickly the request is allowed: a rate limiter
 * must not take the site down.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final RedisScript<Long> TOKEN_BUCKET = RedisScript.of("""
            local rate = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
            return wait
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final GatewayProperties.RateLimit settings;
    private final Counter failOpen;

    public RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.settings = properties.rateLimit();
        this.failOpen = Counter.builder("tickitecking.ratelimit.unchecked")
                .description("Requests let through because Redis did not answer").register(meters);
    }

    /** Milliseconds the caller must wait, or 0 when the request may go on. */
    public Mono<Long> waitFor(String caller) {
        String key = settings.keyPrefix() + "ratelimit:" + caller;
        return redis.execute(TOKEN_BUCKET, List.of(key),
                        List.of(String.valueOf(settings.requestsPerSecond()), String.valueOf(settings.burst())))
                .next()
                .timeout(Duration.ofMillis(300))
                .onErrorResume(e -> {
                    log.debug("rate limit not checked: {}", e.toString());
                    failOpen.increment();
                    return Mono.just(0L);
                })
                .defaultIfEmpty(0L);
    }
}
