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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per caller in Redis, shared by every gateway instance, spent locally in small batches.
 * <p>
 * The Lua script ({@code lua/token-bucket.lua}) refills by the time elapsed (Redis's clock, so instances need not
 * agree on theirs). Asking it on every request cost the gateway a Redis round trip per request (see
 * docs/performance.md, "Where the gateway's time goes"), so an instance takes a caller's tokens a batch at a time
 * ({@code requests-per-second × batch}, 5 at 50/s and 100 ms) and spends them here; when Redis says the bucket is
 * empty, the instance remembers until when and refuses locally until then.
 * <p>
 * Error bound: tokens are taken from Redis before they are spent, so all instances together never admit more than
 * the one shared bucket allows. The error is the other way, and bounded: a caller whose requests land on
 * {@code N} instances may be refused while up to {@code (N - 1) × batch} of its tokens sit unspent on the others,
 * and an instance forgets a caller idle for {@value #IDLE_SECONDS} s with at most one batch unspent. A remembered
 * refusal lasts exactly as long as Redis said the wait is, so it refuses nothing Redis would have allowed (apart
 * from tokens stranded on another instance, as above).
 * <p>
 * When Redis does not answer quickly the request is allowed: a rate limiter must not take the site down.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** Read once: a script resource would be checked for changes on every request. */
    private static final RedisScript<Long> TOKEN_BUCKET = script("lua/token-bucket.lua");
    private static final Mono<Long> ALLOWED = Mono.just(0L);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(300);
    /** A caller not seen for this long is forgotten (its unspent batch with it): memory stays bounded by activity. */
    static final long IDLE_SECONDS = 10;
    /**
     * Beyond this many callers remembered at once (a flood from many addresses), a new caller is checked in Redis
     * request by request, as before batching, instead of growing the map without bound.
     */
    private static final int MAX_CALLERS = 100_000;

    private final ReactiveStringRedisTemplate redis;
    private final GatewayProperties.RateLimit settings;
    private final List<String> arguments;
    private final List<String> singleArguments;
    private final Counter failOpen;
    private final Counter redisCalls;
    private final ConcurrentHashMap<String, Allowance> allowances = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

    public RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.settings = properties.rateLimit();
        String rate = String.valueOf(settings.requestsPerSecond());
        String burst = String.valueOf(settings.burst());
        this.arguments = List.of(rate, burst, String.valueOf(settings.batchTokens()));
        this.singleArguments = List.of(rate, burst, "1");
        this.failOpen = Counter.builder("tickitecking.ratelimit.unchecked")
                .description("Requests let through because Redis did not answer").register(meters);
        this.redisCalls = Counter.builder("tickitecking.ratelimit.redis.calls")
                .description("Token batches asked of Redis (one per batch of a caller's requests, not one per request)")
                .register(meters);
    }

    /** Milliseconds the caller must wait, or 0 when the request may go on. */
    public Mono<Long> waitFor(String caller) {
        sweepNowAndThen();
        Allowance allowance = allowances.get(caller);
        if (allowance == null) {
            if (allowances.size() >= MAX_CALLERS) {
                return take(caller, singleArguments).map(answer -> answer > 0 || answer == FAILED_OPEN ? 0L : -answer);
            }
            allowance = allowances.computeIfAbsent(caller, key -> new Allowance());
        }
        return allowance.waitFor(caller);
    }

    /** One call of the script: tokens taken (> 0) or minus the milliseconds to wait; 1 (allowed) when Redis fails. */
    private Mono<Long> take(String caller, List<String> args) {
        redisCalls.increment();
        return redis.execute(TOKEN_BUCKET, List.of(settings.keyPrefix() + "ratelimit:" + caller), args)
                .next()
                .timeout(REDIS_TIMEOUT)
                .onErrorResume(e -> {
                    log.debug("rate limit not checked: {}", e.toString());
                    failOpen.increment();
                    return Mono.just(FAILED_OPEN);
                })
                .defaultIfEmpty(FAILED_OPEN);
    }

    /** What {@link #take} answers when Redis did not: let the request through, keep no tokens. */
    private static final long FAILED_OPEN = Long.MIN_VALUE;

    private void sweepNowAndThen() {
        long now = System.nanoTime();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + TimeUnit.SECONDS.toNanos(IDLE_SECONDS))) {
            long idleSince = now - TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
            allowances.values().removeIf(allowance -> allowance.idleSince(idleSince));
        }
    }

    /** One caller's tokens on this instance: those taken from Redis and not yet spent, or until when Redis said no. */
    private final class Allowance {
        private int tokens;
        private long refusedUntil;
        private boolean refused;
        private long lastUsed = System.nanoTime();
        /**
         * The Redis call in flight for this caller, shared by every request that waits for it. A future rather than
         * a cached Mono: the call runs to its end (at most the Redis time-out) even if the request that started it
         * is cancelled, so it always lands and never leaves the caller waiting on nothing.
         */
        private CompletableFuture<Long> pending;

        Mono<Long> waitFor(String caller) {
            Mono<Long> batch;
            synchronized (this) {
                long now = System.nanoTime();
                lastUsed = now;
                if (tokens > 0) {
                    tokens--;
                    return ALLOWED;
                }
                if (refused && now - refusedUntil < 0) {
                    return Mono.just(Math.max(1, TimeUnit.NANOSECONDS.toMillis(refusedUntil - now)));
                }
                CompletableFuture<Long> call = pending;
                if (call == null) {
                    CompletableFuture<Long> started = new CompletableFuture<>();
                    pending = started; // before the call starts: it may land on this very thread
                    take(caller, arguments).subscribe(answer -> {
                        landed(answer);
                        started.complete(answer);
                    });
                    call = started;
                }
                batch = Mono.fromFuture(call, true);
            }
            // The batch has landed (or Redis said no): try again with what is here now. Redis not answering, or an
            // answer the script never gives (0), lets the request through rather than asking again in a loop.
            return batch.flatMap(answer -> answer == FAILED_OPEN || answer == 0 ? ALLOWED : waitFor(caller));
        }

        private synchronized void landed(long answer) {
            pending = null;
            if (answer > 0) {
                tokens += (int) answer;
                refused = false;
            } else if (answer != FAILED_OPEN) {
                refused = true;
                refusedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(-answer);
            }
        }

        synchronized boolean idleSince(long since) {
            return pending == null && lastUsed - since < 0;
        }
    }

    private static RedisScript<Long> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
