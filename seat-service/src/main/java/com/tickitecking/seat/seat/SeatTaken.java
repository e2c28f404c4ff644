package com.tickitecking.seat.seat;

import com.tickitecking.platform.domain.DomainException;

/** The owner tried to block or unblock a seat a reservation holds or bought. */
public class SeatTaken extends DomainException {

    public SeatTaken(String label, SeatStatus status) {
        super(Kind.CONFLICT, "Conflict", "Seat " + label + " is " + status + " by a reservation.");
        with("seatStatus", status.name());
    }
}
