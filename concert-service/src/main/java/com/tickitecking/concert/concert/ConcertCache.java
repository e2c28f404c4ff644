package com.tickitecking.concert.concert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that forgets cached concerts. Called inside the changing transaction, it acts once the change has
 * committed: evicting earlier would let a concurrent reader cache the old state again before the commit. A cache
 * that cannot be reached is logged and otherwise ignored (entries expire after the TTL anyway): the change itself
 * has already been committed and must not be reported as failed.
 */
@Component
public class ConcertCache {

    static final String DETAIL = "concert";
    static final String FIRST_PAGE = "concerts-first-page";

    private static final Logger log = LoggerFactory.getLogger(ConcertCache.class);

    private final CacheManager caches;

    public ConcertCache(CacheManager caches) {
        this.caches = caches;
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

    private void evictNow(long concertId) {
        try {
            // evictIfPresent/invalidate, unlike evict/clear, are done before they return
            cache(DETAIL).evictIfPresent(concertId);
            cache(FIRST_PAGE).invalidate();
        } catch (RuntimeException e) {
            log.warn("could not evict cached concert {}: {}", concertId, e.toString());
        }
    }

    private Cache cache(String name) {
        Cache cache = caches.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("cache " + name + " is not configured");
        }
        return cache;
    }
}
