package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

/** A hold of a concert that has begun: its seats can no longer be reserved ({@code reason: started}). */
public class ConcertAlreadyStarted extends DomainException {

    public ConcertAlreadyStarted() {
        super(Kind.CONFLICT, "Conflict", "This concert has already started; it can no longer be reserved.");
        with("reason", "started");
    }
}
