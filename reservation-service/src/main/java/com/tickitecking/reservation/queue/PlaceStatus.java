package com.tickitecking.reservation.queue;

/** Where a place in the waiting room stands, as its holder sees it. */
public enum PlaceStatus {
    /** In the pre-queue or in line. */
    WAITING,
    /** Let in: the admission token may hold seats until it expires. */
    ADMITTED,
    /** Lapsed (its holder stopped polling) or its admission ran out. */
    EXPIRED,
    /** No seat is left, and none can come free: waiting is no use. */
    SOLD_OUT
}
