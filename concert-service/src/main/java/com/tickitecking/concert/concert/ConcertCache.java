package com.tickitecking.concert.concert;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The one place that forgets cached concerts. Called inside the changing transaction; the cache manager is
 * transaction-aware, so the keys go once the change has committed.
 */
@Component
public class ConcertCache {

    static final String DETAIL = "concert";
    static final String FIRST_PAGE = "concerts-first-page";

    private final CacheManager caches;

    public ConcertCache(CacheManager caches) {
        this.caches = caches;
    }

    /** The concert's detail and the first listing page (which may show it) are stale. */
    public void evict(long concertId) {
        cache(DETAIL).evict(concertId);
        cache(FIRST_PAGE).clear();
    }

    private Cache cache(String name) {
        Cache cache = caches.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("cache " + name + " is not configured");
        }
        return cache;
    }
}
