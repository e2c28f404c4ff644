package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationEvent;
import com.tickitecking.seat.seat.Seat;

/**
 * The latest state of a reservation that seat-service applied. Reservation events can arrive late, twice or out
 * of order; the revision (HELD is 1, every later state higher) says which one counts, so a Cancelled that overtook
 * its Created leaves nothing for the Created to hold.
 */
public record ReservationState(long reservationId, long concertId, long revision, ReservationStatus status) {

    /** The state the event announces. */
    public static ReservationState of(ReservationEvent event) {
        return new ReservationState(event.reservationId(), event.concertId(), event.revision(), ReservationStatus.of(event));
    }

    /** Only a newer revision replaces what was applied; an older or equal one arrived late or twice. */
    public boolean supersedes(ReservationState applied) {
        return revision > applied.revision;
    }

    /** What this state does to one of the reservation's seats. */
    public Seat applyTo(Seat seat) {
        return status.applyTo(seat, reservationId);
    }
}
