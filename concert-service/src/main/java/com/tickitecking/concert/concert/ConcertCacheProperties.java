package com.tickitecking.concert.concert;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** @param ttl how long a cached concert may live even if no eviction reaches it (a safety net, not the mechanism) */
@ConfigurationProperties("tickitecking.concerts.cache")
public record ConcertCacheProperties(Duration ttl) {

    public ConcertCacheProperties {
        ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
    }
}
