package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.time.Instant;

/** A hold after the concert's sale closed ({@code reason: sale-ended}, the end in {@code saleEndsAt}). */
public class SaleEnded extends DomainException {

    public SaleEnded(Instant saleEndsAt) {
        super(Kind.CONFLICT, "Sale ended", "The sale of this concert ended at " + saleEndsAt + ".");
        with("reason", "sale-ended").with("saleEndsAt", saleEndsAt);
    }
}
