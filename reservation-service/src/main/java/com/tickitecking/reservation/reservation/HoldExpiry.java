package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationExpired;
import com.tickitecking.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;

/**
 * Writes down that a hold ran out: EXPIRED, seats freed, {@code ReservationExpired} in the outbox, all in the
 * caller's transaction. Used by the sweeper and, lazily, by a new hold that needs a lapsed hold's seats.
 */
@Component
public class HoldExpiry {

    private final ReservationRepository reservations;
    private final OutboxWriter outbox;
    private final SeatGuard guard;
    private final ReservationMetrics metrics;

    public HoldExpiry(ReservationRepository reservations, OutboxWriter outbox, SeatGuard guard, ReservationMetrics metrics) {
        this.reservations = reservations;
        this.outbox = outbox;
        this.guard = guard;
        this.metrics = metrics;
    }

    /** Expires the reservation if it is still a lapsed hold once locked; returns whether it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean expire(long reservationId, Instant now) {
        Reservation hold = reservations.lock(reservationId).orElse(null);
        if (hold == null || !hold.isLapsedHoldAt(now)) {
            return false;
        }
        long revision = hold.revision() + 1;
        reservations.end(hold.id(), ReservationStatus.EXPIRED, revision, now);
        outbox.append(ReservationExpired.of(hold.id(), hold.concertId(), hold.userId(), hold.seatLabels(), revision));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.holdExpired();
                guard.releaseQuietly(hold.concertId(), hold.seatLabels(), hold.guardToken());
            }
        });
        return true;
    }
}
