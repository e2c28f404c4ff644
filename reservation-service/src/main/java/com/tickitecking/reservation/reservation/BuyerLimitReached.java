package com.tickitecking.reservation.reservation;

/** A hold that would take the buyer past the concert's limit of tickets per buyer. */
public class BuyerLimitReached extends RuntimeException {

    private final TicketAllowance allowance;
    private final int requested;

    public BuyerLimitReached(TicketAllowance allowance, int requested) {
        super("This concert allows at most " + allowance.limit() + " tickets per buyer; you already have "
                + allowance.held() + " (held or confirmed), so " + requested + " more "
                + (requested == 1 ? "is" : "are") + " too many.");
        this.allowance = allowance;
        this.requested = requested;
    }

    public TicketAllowance allowance() {
        return allowance;
    }

    public int requested() {
        return requested;
    }
}
