package com.tickitecking.concert.concert;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.platform.domain.DomainException;

/**
 * The organiser's buyer limit of a concert: the most seats one account may hold and buy. Left out, it is the
 * contract's default; set, it must lie between 1 and the configured most.
 */
final class BuyerLimit {

    static final String FIELD = "maxTicketsPerBuyer";

    private BuyerLimit() {
    }

    static int of(Integer requested, int most) {
        if (requested == null) {
            return Math.min(ConcertDetails.DEFAULT_MAX_TICKETS_PER_BUYER, most);
        }
        if (requested < 1 || requested > most) {
            throw DomainException.invalid(FIELD, "must be 1 to " + most);
        }
        return requested;
    }
}
