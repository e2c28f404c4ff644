package com.tickitecking.concert.availability;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.ReservationExpired;

/** A reservation's state as far as seat counting goes: HELD and CONFIRMED take seats, the others free them. */
enum ReservationState {
    HELD, CONFIRMED, CANCELLED, EXPIRED;

    boolean takesSeats() {
        return this == HELD || this == CONFIRMED;
    }

    static ReservationState after(ReservationEvent event) {
        return switch (event) {
            case ReservationCreated ignored -> HELD;
            case ReservationConfirmed ignored -> CONFIRMED;
            case ReservationCancelled ignored -> CANCELLED;
            case ReservationExpired ignored -> EXPIRED;
        };
    }
}
