package com.tickitecking.seat.seat;

/**
 * A seat's state as seat-service sees it: AVAILABLE → HELD → RESERVED by a reservation (back to AVAILABLE when it
 * is released), AVAILABLE ⇄ BLOCKED by the owner. Only AVAILABLE seats can be reserved.
 */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    RESERVED,
    BLOCKED;

    /** A reservation has the seat. */
    public boolean isTaken() {
        return this == HELD || this == RESERVED;
    }

    /** Whether the seat can be reserved now; its bit in the availability bitmap is the opposite. */
    public boolean isAvailable() {
        return this == AVAILABLE;
    }
}
