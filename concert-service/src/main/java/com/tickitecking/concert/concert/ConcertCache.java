package com.tickitecking.concert.concert;

import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.platform.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * The one place that caches and forgets concerts (a concert's detail, and the unfiltered first listing page per
 * size). Forgetting acts once the change has committed: evicting earlier would let a concurrent reader cache the old
 * state again before the commit.
 *
 * <p>Even after the commit a reader may have loaded the old state just before it and put it into the cache just
 * after the eviction. So every eviction first bumps a generation counter, and a reader that saw the generation move
 * while it loaded removes what it put. (A writer bumps, then evicts; a reader puts, then checks: whichever comes
 * last removes the stale entry.)
 *
 * <p>A cache that cannot be reached is logged and otherwise ignored: reads go to the database, and entries expire
 * after the TTL anyway; a change that has committed must not be reported as failed.
 */
@Component
public class ConcertCache {

    public static final String DETAIL = "concert";
    public static final String FIRST_PAGE = "concerts-first-page";

    private static final Logger log = LoggerFactory.getLogger(ConcertCache.class);

    private final CacheManager caches;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ConcertCacheProperties properties;

    public ConcertCache(CacheManager caches, StringRedisTemplate redis, RedisKeys keys, ConcertCacheProperties properties) {
        this.caches = caches;
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    /** The concert's detail, from the cache, or loaded and cached. */
    public ConcertDetailResponse detail(long concertId, Supplier<ConcertDetailResponse> load) {
        return cached(DETAIL, concertId, detailGeneration(concertId), ConcertDetailResponse.class, load);
    }

    /** The unfiltered first listing page of this size, from the cache, or loaded and cached. */
    @SuppressWarnings("unchecked")
    public PageResponse<ConcertSummary> firstPage(int size, Supplier<PageResponse<ConcertSummary>> load) {
        return cached(FIRST_PAGE, size, firstPageGeneration(), PageResponse.class, load);
    }

    /** The concert's detail and the first listing page (which may show it) are stale. */
    public void evict(long concertId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictNow(concertId);
                }
            });
        } else {
            evictNow(concertId);
        }
    }

    private <T> T cached(String cacheName, Object key, String generationKey, Class<?> type, Supplier<T> load) {
        try {
            @SuppressWarnings("unchecked")
            T hit = (T) cache(cacheName).get(key, type);
            if (hit != null) {
                return hit;
            }
        } catch (RuntimeException e) {
            log.warn("could not read cached {} {}: {}", cacheName, key, e.toString());
            return load.get();
        }
        String before = generation(generationKey);
        T loaded = load.get();
        try {
            cache(cacheName).put(key, loaded);
            if (!before.equals(generation(generationKey))) {
                cache(cacheName).evictIfPresent(key); // changed while we loaded: what we put may be old
            }
        } catch (RuntimeException e) {
            log.warn("could not cache {} {}: {}", cacheName, key, e.toString());
        }
        return loaded;
    }

    private void evictNow(long concertId) {
        try {
            bump(detailGeneration(concertId));
            bump(firstPageGeneration());
            // evictIfPresent/invalidate, unlike evict/clear, are done before they return
            cache(DETAIL).evictIfPresent(concertId);
            cache(FIRST_PAGE).invalidate();
        } catch (RuntimeException e) {
            log.warn("could not evict cached concert {}: {}", concertId, e.toString());
        }
    }

    private String generation(String generationKey) {
        String value = redis.opsForValue().get(generationKey);
        return value == null ? "0" : value;
    }

    private void bump(String generationKey) {
        redis.opsForValue().increment(generationKey);
        // outlives every entry it guards; if it lapses anyway, a reader sees it change and does not keep its entry
        redis.expire(generationKey, properties.ttl().multipliedBy(2));
    }

    private String detailGeneration(long concertId) {
        return keys.key("cache", "generation", DETAIL, String.valueOf(concertId));
    }

    private String firstPageGeneration() {
        return keys.key("cache", "generation", FIRST_PAGE);
    }

    private Cache cache(String name) {
        Cache cache = caches.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("cache " + name + " is not configured");
        }
        return cache;
    }
}
