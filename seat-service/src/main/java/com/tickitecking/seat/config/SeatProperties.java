package com.tickitecking.seat.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of seat-service.
 *
 * @param insertBatchSize rows per JDBC batch when a concert's seats are created
 * @param deleteChunk     seats deleted per statement (and per transaction) when a concert goes
 * @param bitmapTtl       how long a cached availability bitmap lives before it is rebuilt from the database; bounds
 *                        how long a missed Redis update (Redis down at the wrong moment) can show
 * @param purgeInterval   how often leftover seats of deleted concerts are looked for
 * @param totalSeatsCacheSize how many concerts' seat counts one instance keeps in memory
 */
@ConfigurationProperties("tickitecking.seat")
public record SeatProperties(int insertBatchSize, int deleteChunk, Duration bitmapTtl, Duration purgeInterval,
                             int totalSeatsCacheSize) {

    public SeatProperties {
        insertBatchSize = insertBatchSize <= 0 ? 1000 : insertBatchSize;
        deleteChunk = deleteChunk <= 0 ? 5000 : deleteChunk;
        bitmapTtl = bitmapTtl == null ? Duration.ofMinutes(10) : bitmapTtl;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(1) : purgeInterval;
        totalSeatsCacheSize = totalSeatsCacheSize <= 0 ? 10_000 : totalSeatsCacheSize;
    }
}
