package com.tickitecking.concert.availability;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The remaining seat count of each concert, derived from reservation and seat-block events:
 * {@code total − seats of HELD/CONFIRMED reservations − blocked seats}, the last two kept as counters on the
 * concert so that one event costs the same however many reservations the concert already has.
 *
 * <p>Events may come twice (the inbox drops the second) and out of order: each reservation and each blocked seat
 * keeps the revision it was last set from, and an event only wins over a lower one. A Cancelled arriving before
 * its Created therefore stays cancelled. A winning event moves the counters by the difference between the row's
 * old and new state.
 *
 * <p>A batch of reservation events is counted with a few statements whatever its size: its concerts locked in one
 * query, its reservations read in one, the events applied in the order received on those rows in memory (as one
 * transaction per event would), the changed reservations written in one statement and each concert's counters
 * moved once by the sum.
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
        applyAll(List.of(event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAll(List<ReservationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        TreeSet<Long> concertIds = new TreeSet<>();
        events.forEach(event -> concertIds.add(event.concertId()));
        availability.lockConcerts(concertIds);
        Map<Long, CountedReservation> counted = availability.findReservations(
                events.stream().map(ReservationEvent::reservationId).distinct().toList());
        Map<Long, AvailabilityRepository.Counted> changed = new LinkedHashMap<>();
        Map<Long, Integer> taken = new TreeMap<>();
        for (ReservationEvent event : events) {
            CountedReservation before = counted.get(event.reservationId());
            CountedReservation after = CountedReservation.after(event);
            if (before != null && !after.isNewerThan(before)) {
                continue;
            }
            counted.put(event.reservationId(), after);
            changed.put(event.reservationId(), new AvailabilityRepository.Counted(event.concertId(), after));
            int takenBefore = before == null ? 0 : before.seatsTaken();
            taken.merge(event.concertId(), after.seatsTaken() - takenBefore, Integer::sum);
        }
        if (!changed.isEmpty()) {
            availability.saveReservations(changed);
        }
        taken.forEach((concertId, difference) -> adjust(concertId, difference, 0));
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
