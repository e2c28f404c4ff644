package com.tickitecking.seat.concert;

import com.tickitecking.seat.config.SeatProperties;
import com.tickitecking.seat.seat.SeatRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;

/**
 * Deletes the seats of deleted concerts in chunks, each its own short statement: a 60,000-seat delete in one
 * transaction would hold its locks and undo log for the whole time. A crash half-way leaves the rest to the
 * periodic sweep.
 */
@Component
public class SeatPurger {

    private static final Logger log = LoggerFactory.getLogger(SeatPurger.class);
    private static final int SWEEP_CONCERTS = 20;

    private final SeatRepository seats;
    private final ConcertRepository concerts;
    private final TaskScheduler scheduler;
    private final int chunk;

    public SeatPurger(SeatRepository seats, ConcertRepository concerts, TaskScheduler scheduler, SeatProperties properties) {
        this.seats = seats;
        this.concerts = concerts;
        this.scheduler = scheduler;
        this.chunk = properties.deleteChunk();
    }

    public void purgeAfterCommit(long concertId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    // Still inside the finished transaction's thread-bound resources: run it on the scheduler's pool.
                    scheduler.schedule(() -> purge(concertId), Instant.now());
                }
            }
        });
    }

    /** Deletes the concert's seats chunk by chunk; returns how many. */
    public long purge(long concertId) {
        long deleted = 0;
        try {
            int n;
            do {
                n = seats.deleteChunk(concertId, chunk);
                deleted += n;
            } while (n > 0);
            log.info("concert {}: deleted {} seats", concertId, deleted);
        } catch (RuntimeException e) {
            log.warn("purge of concert {} stopped after {} seats; the sweep will finish it", concertId, deleted, e);
        }
        return deleted;
    }

    @Scheduled(fixedDelayString = "${tickitecking.seat.purge-interval:1m}", initialDelayString = "${tickitecking.seat.purge-interval:1m}")
    public void sweep() {
        try {
            concerts.deletedWithSeats(SWEEP_CONCERTS).forEach(this::purge);
        } catch (RuntimeException e) {
            log.warn("seat purge sweep failed: {}", e.getMessage());
        }
    }
}
