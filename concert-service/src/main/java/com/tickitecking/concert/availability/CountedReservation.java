package com.tickitecking.concert.availability;

import com.tickitecking.events.ReservationEvent;

/** What seat counting keeps of one reservation: its state, how many seats it names, the revision it was set from. */
record CountedReservation(ReservationState state, int seats, long revision) {

    static CountedReservation after(ReservationEvent event) {
        return new CountedReservation(ReservationState.after(event), event.seats().size(), event.revision());
    }

    /** Events may come out of order: only a higher revision replaces what is stored, so a late Created loses. */
    boolean isNewerThan(CountedReservation stored) {
        return revision > stored.revision;
    }

    /** HELD and CONFIRMED take their seats; CANCELLED and EXPIRED take none. */
    int seatsTaken() {
        return state.takesSeats() ? seats : 0;
    }
}
