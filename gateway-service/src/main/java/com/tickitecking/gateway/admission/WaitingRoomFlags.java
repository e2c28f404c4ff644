package com.tickitecking.gateway.admission;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which concerts have a waiting room, as reservation-service publishes it: Redis key
 * {@code <prefix>waiting-room:<concertId>} = {@code "1"} (re-written every few seconds with a TTL while the sale is on).
 * Each answer is kept {@code flag-cache} (≤ 1 s) so a rush of holds costs one Redis read per concert per second on
 * each gateway; concurrent holds of a concert whose flag is not cached wait for the same read (Caffeine's async
 * cache shares the pending future). A read that fails is not kept: the next hold asks again.
 */
@Component
public class WaitingRoomFlags {

    /** More concerts on sale at once than this is not a rush the gateway plans for; the rest are just read again. */
    private static final int MAX_CONCERTS = 10_000;

    private final ReactiveStringRedisTemplate redis;
    private final AdmissionProperties settings;
    private final AsyncCache<Long, Boolean> flags;

    public WaitingRoomFlags(ReactiveStringRedisTemplate redis, AdmissionProperties settings) {
        this.redis = redis;
        this.settings = settings;
        this.flags = Caffeine.newBuilder().expireAfterWrite(settings.flagCache()).maximumSize(MAX_CONCERTS).buildAsync();
    }

    /** Whether a hold of this concert needs an admission token; an error when Redis cannot tell. */
    public Mono<Boolean> requireAdmission(long concertId) {
        return Mono.fromFuture(() -> flags.get(concertId, (id, executor) -> read(id).toFuture()), true);
    }

    private Mono<Boolean> read(long concertId) {
        return redis.opsForValue().get(settings.keyPrefix() + "waiting-room:" + concertId)
                .map("1"::equals)
                .defaultIfEmpty(false)
                .timeout(settings.redisTimeout());
    }
}
