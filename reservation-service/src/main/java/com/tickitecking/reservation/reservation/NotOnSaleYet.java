package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.time.Duration;
import java.time.Instant;

/**
 * A hold before the concert's sale opens ({@code reason: not-on-sale-yet}, the opening in {@code saleStartsAt}).
 * When the opening is less than {@link #RETRY_SOON} away the problem also says when to try again
 * ({@code Retry-After}); further off, a client should wait for the opening (or join the queue), not poll the hold.
 */
public class NotOnSaleYet extends DomainException {

    static final Duration RETRY_SOON = Duration.ofMinutes(1);

    private final Instant saleStartsAt;

    public NotOnSaleYet(Instant saleStartsAt, Instant now) {
        super(Kind.CONFLICT, "Not on sale yet", "This concert is not on sale yet; its sale opens at " + saleStartsAt + ".");
        this.saleStartsAt = saleStartsAt;
        with("reason", "not-on-sale-yet").with("saleStartsAt", saleStartsAt);
        Duration wait = Duration.between(now, saleStartsAt);
        if (wait.compareTo(RETRY_SOON) < 0) {
            retryAfter(wait);
        }
    }

    public Instant saleStartsAt() {
        return saleStartsAt;
    }
}
