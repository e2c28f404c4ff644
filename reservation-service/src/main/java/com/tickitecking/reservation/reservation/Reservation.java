package com.tickitecking.reservation.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One user's reservation of 1 to 8 seats of one concert, with each seat's grade and price as they were when the
 * seats were held. {@code revision} counts state changes (HELD is 1); it travels on every event.
 *
 * @param guardToken identifies this hold's entries in the Redis seat guard, so releasing it never frees a
 *                   seat someone else holds now
 */
public record Reservation(long id, long concertId, String concertName, Instant concertStartTime, long userId,
                          ReservationStatus status, BigDecimal totalPrice, long revision, Instant heldAt,
                          Instant expiresAt, Instant confirmedAt, Instant endedAt, String guardToken,
                          List<ReservedSeat> seats) {

    /** One seat of a reservation, priced when held. */
    public record ReservedSeat(String seat, String grade, BigDecimal price) {
    }

    /** A HELD reservation past its expiry is EXPIRED even before the sweeper has written it down. */
    public ReservationStatus statusAt(Instant now) {
        return status == ReservationStatus.HELD && !expiresAt.isAfter(now) ? ReservationStatus.EXPIRED : status;
    }

    public boolean isLapsedHoldAt(Instant now) {
        return status == ReservationStatus.HELD && !expiresAt.isAfter(now);
    }

    public List<String> seatLabels() {
        return seats.stream().map(ReservedSeat::seat).toList();
    }
}
