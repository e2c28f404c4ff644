package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationExpired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.tickitecking.reservation.reservation.ReservationStatus.CANCELLED;
import static com.tickitecking.reservation.reservation.ReservationStatus.CONFIRMED;
import static com.tickitecking.reservation.reservation.ReservationStatus.EXPIRED;

/**
 * One user's reservation of 1 to 8 seats of one concert, with each seat's grade and price as they were when the
 * seats were held. {@code revision} counts state changes (HELD is 1); it travels on every event.
 * <p>
 * The state machine is here ({@link ReservationStatus} names the states): {@link #confirm}, {@link #cancel} and
 * {@link #expire} each return the change and its event, empty when the reservation is in that state already (so
 * a repeated request is harmless), or throw {@link ReservationAlreadyEnded} when the change is not allowed.
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
        return isLapsedHoldAt(now) ? EXPIRED : status;
    }

    public boolean isLapsedHoldAt(Instant now) {
        return status == ReservationStatus.HELD && !expiresAt.isAfter(now);
    }

    public List<String> seatLabels() {
        return seats.stream().map(ReservedSeat::seat).toList();
    }

    /**
     * HELD → CONFIRMED (payment stands in here); empty when confirmed already.
     *
     * @throws ReservationAlreadyEnded when it was cancelled or expired, or its hold has run out (carrying the expiry)
     */
    public Optional<ReservationChange> confirm(Instant now) {
        if (isLapsedHoldAt(now)) {
            throw new ReservationAlreadyEnded("This hold has expired; its seats were released.", expiry(now));
        }
        return switch (status) {
            case CONFIRMED -> Optional.empty();
            case CANCELLED, EXPIRED -> throw new ReservationAlreadyEnded("This reservation is " + status + ".", null);
            case HELD -> {
                Reservation confirmed = next(CONFIRMED, now, endedAt);
                yield Optional.of(new ReservationChange(confirmed,
                        ReservationConfirmed.of(id, concertId, userId, seatLabels(), confirmed.revision)));
            }
        };
    }

    /**
     * HELD or CONFIRMED → CANCELLED, freeing the seats; empty when cancelled already.
     *
     * @throws ReservationAlreadyEnded when it expired, or its hold has run out (carrying the expiry)
     */
    public Optional<ReservationChange> cancel(Instant now) {
        String expired = "This hold has already expired; its seats were released.";
        if (isLapsedHoldAt(now)) {
            throw new ReservationAlreadyEnded(expired, expiry(now));
        }
        return switch (status) {
            case CANCELLED -> Optional.empty();
            case EXPIRED -> throw new ReservationAlreadyEnded(expired, null);
            case HELD, CONFIRMED -> {
                Reservation cancelled = next(CANCELLED, confirmedAt, now);
                yield Optional.of(new ReservationChange(cancelled,
                        ReservationCancelled.of(id, concertId, userId, seatLabels(), cancelled.revision)));
            }
        };
    }

    /**
     * HELD past its expiry → EXPIRED, freeing the seats; empty for anything else (a hold still running, or one
     * confirmed or cancelled before the sweeper got to it), since a hold only ever runs out by itself.
     */
    public Optional<ReservationChange> expire(Instant now) {
        return isLapsedHoldAt(now) ? Optional.of(expiry(now)) : Optional.empty();
    }

    private ReservationChange expiry(Instant now) {
        Reservation expired = next(EXPIRED, confirmedAt, now);
        return new ReservationChange(expired, ReservationExpired.of(id, concertId, userId, seatLabels(), expired.revision));
    }

    private Reservation next(ReservationStatus status, Instant confirmedAt, Instant endedAt) {
        return new Reservation(id, concertId, concertName, concertStartTime, userId, status, totalPrice, revision + 1,
                heldAt, expiresAt, confirmedAt, endedAt, guardToken, seats);
    }
}
