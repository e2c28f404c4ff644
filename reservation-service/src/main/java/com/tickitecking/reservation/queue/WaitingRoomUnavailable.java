package com.tickitecking.reservation.queue;

import com.tickitecking.platform.domain.DomainException;

import java.time.Duration;

/** Redis, where the waiting room lives, cannot be reached: fail closed (503), never a way around the queue. */
public class WaitingRoomUnavailable extends DomainException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public WaitingRoomUnavailable() {
        super(Kind.UNAVAILABLE, "Service unavailable", "The waiting room is unavailable right now; try again shortly.");
        retryAfter(RETRY_AFTER);
    }
}
