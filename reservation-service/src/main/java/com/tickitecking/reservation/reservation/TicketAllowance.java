package com.tickitecking.reservation.reservation;

/**
 * How many seats of one concert a buyer may still take: the concert's limit less the seats the buyer holds or has
 * confirmed already. Cancelled and expired reservations count for nothing.
 *
 * @param limit the concert's most tickets per buyer
 * @param held  the buyer's seats of the concert in active holds and confirmed reservations
 */
public record TicketAllowance(int limit, int held) {

    public TicketAllowance {
        if (limit < 1 || held < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and held at least 0, were " + limit + ", " + held);
        }
    }

    public int remaining() {
        return Math.max(0, limit - held);
    }

    public boolean admits(int seats) {
        return seats <= remaining();
    }

    /** @throws BuyerLimitReached when the buyer may not take that many more seats */
    public void claim(int seats) {
        if (!admits(seats)) {
            throw new BuyerLimitReached(this, seats);
        }
    }
}
