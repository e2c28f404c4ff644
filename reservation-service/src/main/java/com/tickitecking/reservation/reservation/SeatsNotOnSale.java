package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;

import java.util.List;

/** A hold of seats the owner took off sale ({@code reason: blocked}, naming them in {@code seats}). */
public class SeatsNotOnSale extends DomainException {

    private final List<String> seats;

    public SeatsNotOnSale(List<String> seats) {
        super(Kind.CONFLICT, "Conflict", "Seats not on sale: " + String.join(", ", seats));
        this.seats = List.copyOf(seats);
        with("reason", "blocked").with("seats", this.seats);
    }

    public List<String> seats() {
        return seats;
    }
}
