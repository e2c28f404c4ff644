package com.tickitecking.concert.availability;

import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.events.SeatUnblocked;

/** What seat counting keeps of one seat the owner blocked or unblocked, and the revision it was set from. */
record BlockedSeat(boolean blocked, long revision) {

    static BlockedSeat after(SeatEvent event) {
        boolean blocked = switch (event) {
            case SeatBlocked ignored -> true;
            case SeatUnblocked ignored -> false;
        };
        return new BlockedSeat(blocked, event.revision());
    }

    /** As with reservations, only a higher revision replaces what is stored. */
    boolean isNewerThan(BlockedSeat stored) {
        return revision > stored.revision;
    }

    /** How many seats this takes off sale: one while blocked. */
    int seatsBlocked() {
        return blocked ? 1 : 0;
    }
}
