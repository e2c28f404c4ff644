package com.tickitecking.gateway.ratelimit;

import com.tickitecking.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A token bucket per caller in Redis, shared by every gateway instance. The Lua script
 * ({@code lua/token-bucket.lua}) refills by the time elapsed (Redis's clock, so instances need not agree on theirs)
 * and answers 0 (allowed) or how many milliseconds until the next token. When Redis does not answer quickly the
 * request is allowed: a rate limiter must not take the site down.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** Read once: a script resource would be checked for changes on every request. */
    private static final RedisScript<Long> TOKEN_BUCKET = script("lua/token-bucket.lua");

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

    private static RedisScript<Long> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
