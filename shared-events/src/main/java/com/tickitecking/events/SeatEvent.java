package com.tickitecking.events;

/** Events about one seat of a concert, published by seat-service. */
public sealed interface SeatEvent extends DomainEvent permits SeatBlocked, SeatUnblocked {

    long concertId();

    /** The seat as the layout names it, e.g. {@code "A-B-12"} (see {@link SeatId}). */
    String seat();

    /** The seat's block revision; grows with every block or unblock of this seat. */
    long revision();

    @Override
    default String aggregateId() {
        return "concert-" + concertId();
    }
}
