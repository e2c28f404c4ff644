package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.util.List;

/** A hold of seats another reservation holds or has confirmed ({@code reason: taken}, naming them in {@code seats}). */
public class SeatsTaken extends DomainException {

    private final List<String> seats;

    public SeatsTaken(List<String> seats) {
        super(Kind.CONFLICT, "Conflict", "Seats already taken: " + String.join(", ", seats));
        this.seats = List.copyOf(seats);
        with("reason", "taken").with("seats", this.seats);
    }

    public List<String> seats() {
        return seats;
    }
}
