package com.tickitecking.reservation.queue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A concert's waiting room as everyone sees it (cacheable for a second).
 *
 * @param opensAt        when the sale opens and the pre-queue is shuffled; null when on sale from the start
 * @param nowServing     the highest position admitted so far
 * @param waiting        places still waiting (the pre-queue included)
 * @param activeShoppers admitted shoppers who have not finished and whose admission has not expired
 * @param admissionLimit the most active shoppers the admission job lets in now (it adapts to the back end); null
 *                       before the first admission run
 * @param commitment     hex SHA-256 of the seed's bytes, published before the opening
 * @param seed           the seed (hex), published once the pre-queue is shuffled
 */
public record QueueStatus(long concertId, @Nullable Instant opensAt, QueueState state, long nowServing, long waiting,
                          long activeShoppers, @Nullable Long admissionLimit, String commitment, @Nullable String seed) {
}
