package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.seat.seat.Seat;

/** A reservation's status as its events announce it, and what each does to the reservation's seats. */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    CANCELLED,
    EXPIRED;

    public static ReservationStatus of(ReservationEvent event) {
        return switch (event) {
            case ReservationCreated _ -> HELD;
            case ReservationConfirmed _ -> CONFIRMED;
            case ReservationCancelled _ -> CANCELLED;
            case ReservationExpired _ -> EXPIRED;
        };
    }

    /** HELD holds the seat, CONFIRMED reserves it, CANCELLED and EXPIRED release it. */
    public Seat applyTo(Seat seat, long reservationId) {
        return switch (this) {
            case HELD -> seat.heldBy(reservationId);
            case CONFIRMED -> seat.reservedBy(reservationId);
            case CANCELLED, EXPIRED -> seat.releasedBy(reservationId);
        };
    }
}
