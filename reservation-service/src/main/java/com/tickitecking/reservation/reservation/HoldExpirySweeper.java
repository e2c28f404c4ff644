package com.tickitecking.reservation.reservation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Writes down holds that ran out, in the background. Lapsed holds already stop blocking seats the moment they
 * lapse; this makes their state, their event and the metric follow. Each pass claims a batch with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances sweep side by side without waiting on each other.
 */
@Component
public class HoldExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldExpirySweeper.class);

    private final ReservationRepository reservations;
    private final ReservationService service;
    private final TransactionTemplate transactions;
    private final ReservationProperties properties;
    private final Clock clock;

    public HoldExpirySweeper(ReservationRepository reservations, ReservationService service, TransactionTemplate transactions,
                             ReservationProperties properties, Clock clock) {
        this.reservations = reservations;
        this.service = service;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Expires every lapsed hold, batch by batch; returns how many. Runs every sweep interval, the first after one. */
    @Scheduled(initialDelayString = "${tickitecking.reservation.sweep-interval:5s}",
            fixedDelayString = "${tickitecking.reservation.sweep-interval:5s}")
    public int sweep() {
        int total = 0;
        try {
            int swept;
            do {
                swept = sweepBatch();
                total += swept;
            } while (swept == properties.sweepBatchSize());
        } catch (RuntimeException e) {
            log.warn("hold expiry sweep failed, retrying on the next pass: {}", e.getMessage());
        }
        return total;
    }

    private int sweepBatch() {
        Integer swept = transactions.execute(status -> {
            Instant now = clock.instant();
            int expired = 0;
            for (long id : reservations.claimLapsedHolds(now, properties.sweepBatchSize())) {
                expired += service.expireIfLapsed(id, now) ? 1 : 0;
            }
            return expired;
        });
        return swept == null ? 0 : swept;
    }
}
