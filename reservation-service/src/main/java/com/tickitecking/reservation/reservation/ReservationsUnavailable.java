package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.time.Duration;

/**
 * Redis (the seat guard, the Idempotency-Keys) cannot be reached: no hold is written without its guards, so the
 * request is refused at once, to be tried again in a second.
 */
public class ReservationsUnavailable extends DomainException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    public ReservationsUnavailable() {
        this("Reservations are unavailable right now; try again shortly.");
    }

    public ReservationsUnavailable(String detail) {
        super(Kind.UNAVAILABLE, "Service unavailable", detail);
        retryAfter(RETRY_AFTER);
    }
}
