package com.tickitecking.concert.availability;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * The remaining seat count of each concert, derived from reservation and seat-block events:
 * {@code total − seats of HELD/CONFIRMED reservations − blocked seats}, the last two kept as counters on the
 * concert so that one event costs the same however many reservations the concert already has.
 *
 * <p>Events may come twice (the inbox drops the second) and out of order: each reservation and each blocked seat
 * keeps the revision it was last set from, and an event only wins over a lower one. A Cancelled arriving before
 * its Created therefore stays cancelled. A winning event moves the counters by the difference between the row's
 * old and new state.
 */
@Component
public class AvailabilityEventsHandler {

    private final AvailabilityRepository availability;
    private final ConcertCache cache;

    public AvailabilityEventsHandler(AvailabilityRepository availability, ConcertCache cache) {
        this.availability = availability;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ReservationEvent event) {
        availability.lockConcert(event.concertId());
        Optional<CountedReservation> before = availability.findReservation(event.reservationId());
        CountedReservation after = CountedReservation.after(event);
        if (before.isPresent() && !after.isNewerThan(before.get())) {
            return;
        }
        availability.saveReservation(event.reservationId(), event.concertId(), after);
        int takenBefore = before.map(CountedReservation::seatsTaken).orElse(0);
        adjust(event.concertId(), after.seatsTaken() - takenBefore, 0);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SeatEvent event) {
        availability.lockConcert(event.concertId());
        Optional<BlockedSeat> before = availability.findBlockedSeat(event.concertId(), event.seat());
        BlockedSeat after = BlockedSeat.after(event);
        if (before.isPresent() && !after.isNewerThan(before.get())) {
            return;
        }
        availability.saveBlockedSeat(event.concertId(), event.seat(), after);
        int blockedBefore = before.map(BlockedSeat::seatsBlocked).orElse(0);
        adjust(event.concertId(), 0, after.seatsBlocked() - blockedBefore);
    }

    private void adjust(long concertId, int taken, int blocked) {
        if (taken == 0 && blocked == 0) {
            return;
        }
        availability.adjustCounters(concertId, taken, blocked);
        availability.recount(concertId);
        cache.evict(concertId);
    }
}
