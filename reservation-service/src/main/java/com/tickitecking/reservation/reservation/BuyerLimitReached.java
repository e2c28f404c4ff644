package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

/**
 * A hold that would take the buyer past the concert's limit of tickets per buyer: a conflict with what the buyer
 * has already, so the problem says how much of it ({@code reason: limit}, {@code limit}, {@code held},
 * {@code requested}).
 */
public class BuyerLimitReached extends DomainException {

    private final TicketAllowance allowance;
    private final int requested;

    public BuyerLimitReached(TicketAllowance allowance, int requested) {
        super(Kind.CONFLICT, "Conflict", "This concert allows at most " + allowance.limit()
                + " tickets per buyer; you already have " + allowance.held() + " (held or confirmed), so " + requested
                + " more " + (requested == 1 ? "is" : "are") + " too many.");
        this.allowance = allowance;
        this.requested = requested;
        with("reason", "limit").with("limit", allowance.limit()).with("held", allowance.held()).with("requested", requested);
    }

    public TicketAllowance allowance() {
        return allowance;
    }

    public int requested() {
        return requested;
    }
}
