package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.util.Optional;

/**
 * Refused: the reservation was cancelled or its hold ran out, so it can change no more. When the hold ran out
 * only now, nobody has written that down yet: {@link #expiry()} carries the expiry the caller must still record
 * before it answers with the refusal.
 */
public class ReservationAlreadyEnded extends DomainException {

    private final ReservationChange expiry;

    ReservationAlreadyEnded(String detail, ReservationChange expiry) {
        super(Kind.CONFLICT, "Conflict", detail);
        this.expiry = expiry;
    }

    public Optional<ReservationChange> expiry() {
        return Optional.ofNullable(expiry);
    }
}
