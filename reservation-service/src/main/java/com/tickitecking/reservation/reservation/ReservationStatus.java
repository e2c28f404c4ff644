package com.tickitecking.reservation.reservation;

/**
 * A reservation's life: HELD (seats kept until {@code expiresAt}) → CONFIRMED (paid), or → CANCELLED by its
 * owner, or → EXPIRED when the hold runs out. Only HELD and CONFIRMED occupy seats.
 */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED;

    public boolean occupiesSeats() {
        return this == HELD || this == CONFIRMED;
    }
}
