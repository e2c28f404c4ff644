package com.tickitecking.seat.seat;

/** A seat's state as seat-service sees it. Only AVAILABLE seats can be reserved; BLOCKED is the owner's doing. */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    RESERVED,
    BLOCKED;

    public boolean isTaken() {
        return this == HELD || this == RESERVED;
    }
}
