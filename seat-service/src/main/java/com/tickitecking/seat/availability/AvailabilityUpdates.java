package com.tickitecking.seat.availability;

import com.tickitecking.seat.seat.SeatStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries committed seat changes into the Redis bitmap. The bits are computed inside the transaction (its own
 * writes, under the concert's row lock) and sent only after it commits, so Redis never shows a change the database
 * rolled back. If Redis fails then, the bitmap is dropped (rebuilt on the next read); if even that fails, its TTL
 * bounds how long it can be wrong.
 */
@Component
public class AvailabilityUpdates {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityUpdates.class);

    private final AvailabilityRepository bitmap;
    private final TotalSeatsCache totals;

    public AvailabilityUpdates(AvailabilityRepository bitmap, TotalSeatsCache totals) {
        this.bitmap = bitmap;
        this.totals = totals;
    }

    public void afterCommit(long concertId, Map<Integer, SeatStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        Map<Integer, Boolean> bits = new LinkedHashMap<>();
        statuses.forEach((index, status) -> bits.put(index, !status.isAvailable()));
        runAfterCommit(() -> {
            try {
                bitmap.apply(concertId, bits);
            } catch (RuntimeException e) {
                log.warn("could not update the availability bitmap of concert {}; dropping it", concertId, e);
                dropQuietly(concertId);
            }
        });
    }

    /** The concert's seats changed wholesale (deleted): forget its bitmap. */
    public void dropAfterCommit(long concertId) {
        runAfterCommit(() -> {
            totals.forget(concertId);
            dropQuietly(concertId);
        });
    }

    private void dropQuietly(long concertId) {
        try {
            bitmap.delete(concertId);
        } catch (RuntimeException e) {
            log.warn("could not drop the availability bitmap of concert {}; its TTL will", concertId, e);
        }
    }

    private static void runAfterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
