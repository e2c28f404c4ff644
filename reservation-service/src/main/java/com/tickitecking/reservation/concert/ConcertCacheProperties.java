package com.tickitecking.reservation.concert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-memory cache in front of the concert projection.
 *
 * @param ttl     how long a concert (or the answer "no such concert") is served from memory at most: a change drops
 *                it on every instance (ConcertRepository), so this only bounds a change an instance missed
 * @param maxSize the most concerts kept: holds may name any concert id, so the cache must not grow with them
 */
@ConfigurationProperties("tickitecking.reservation.concert-cache")
public record ConcertCacheProperties(@DefaultValue("1m") Duration ttl, @DefaultValue("10000") long maxSize) {
}
