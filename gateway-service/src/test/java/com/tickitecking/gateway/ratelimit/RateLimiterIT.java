package com.tickitecking.gateway.ratelimit;

import com.tickitecking.gateway.GatewayProperties;
import com.tickitecking.testing.TestNames;
import com.tickitecking.testing.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched token bucket against the real Redis: gateway instances share one budget per caller, spend it
 * locally a batch at a time, and together never admit more than the one bucket in Redis allows.
 */
class RateLimiterIT {

    private final String prefix = "it:" + TestNames.of(RateLimiterIT.class) + ":" + System.nanoTime() + ":";
    private final List<LettuceConnectionFactory> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    /** A gateway instance's limiter: its own Redis connection, the shared bucket. */
    private RateLimiter instance(int perSecond, int burst, Duration batch, SimpleMeterRegistry meters) {
        TestServers.Redis redis = TestServers.redis();
        var factory = new LettuceConnectionFactory(redis.host(), redis.port());
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        var properties = new GatewayProperties("http://unused", "tickitecking", Map.of(), List.of(),
                new GatewayProperties.RateLimit(perSecond, burst, prefix, batch), DataSize.ofMegabytes(1));
        return new RateLimiter(new ReactiveStringRedisTemplate(factory), properties, meters);
    }

    private static long waitOf(RateLimiter limiter, String caller) {
        return limiter.waitFor(caller).block(Duration.ofSeconds(5));
    }

    @Test
    void twoInstancesTogetherAdmitNoMoreThanTheSharedBurstAndAtMostOneBatchLess() {
        // 10/s, burst 20, a batch of 10 tokens: the two instances each take one batch and the bucket is empty
        RateLimiter first = instance(10, 20, Duration.ofSeconds(1), new SimpleMeterRegistry());
        RateLimiter second = instance(10, 20, Duration.ofSeconds(1), new SimpleMeterRegistry());
        long started = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < 60; i++) {
            if (waitOf(i % 2 == 0 ? first : second, "user:7") == 0) {
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // never more than the bucket plus its refill meanwhile; at most one batch (N - 1 = 1) stranded
        assertThat(allowed).isLessThanOrEqualTo(20 + (int) Math.ceil(seconds * 10)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void asksRedisOncePerBatchNotOncePerRequest() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = instance(100, 200, Duration.ofMillis(100), meters); // batches of 10

        for (int i = 0; i < 50; i++) {
            assertThat(waitOf(limiter, "ip:10.0.0.1")).isZero();
        }

        assertThat(meters.counter("tickitecking.ratelimit.redis.calls").count()).isEqualTo(5);
    }

    @Test
    void aRefusedCallerIsToldHowLongToWaitAndIsRefusedWithoutAskingRedisAgain() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = instance(1, 3, Duration.ofMillis(100), meters); // 1/s: batches of 1
        for (int i = 0; i < 3; i++) {
            assertThat(waitOf(limiter, "user:8")).isZero();
        }

        long firstWait = waitOf(limiter, "user:8");
        double callsAfterFirstRefusal = meters.counter("tickitecking.ratelimit.redis.calls").count();
        long secondWait = waitOf(limiter, "user:8");

        assertThat(firstWait).isBetween(1L, 1000L);
        assertThat(secondWait).isBetween(1L, firstWait);
        assertThat(meters.counter("tickitecking.ratelimit.redis.calls").count()).isEqualTo(callsAfterFirstRefusal);
        // another caller has a bucket of its own
        assertThat(waitOf(limiter, "user:9")).isZero();
    }

    @Test
    void concurrentRequestsOfOneCallerShareTheBatchInFlightAndNoneHangs() {
        RateLimiter limiter = instance(1, 50, Duration.ofSeconds(10), new SimpleMeterRegistry()); // batches of 10

        List<Long> waits = Flux.range(0, 200)
                .flatMap(i -> limiter.waitFor("ip:10.0.0.2"), 200)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(waits).hasSize(200);
        assertThat(waits.stream().filter(wait -> wait == 0).count()).isBetween(50L, 51L);
    }
}
