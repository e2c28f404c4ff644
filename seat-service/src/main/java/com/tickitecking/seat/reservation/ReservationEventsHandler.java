package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.seat.availability.AvailabilityUpdates;
import com.tickitecking.seat.concert.Concert;
import com.tickitecking.seat.concert.ConcertRepository;
import com.tickitecking.seat.seat.Seat;
import com.tickitecking.seat.seat.SeatRepository;
import com.tickitecking.seat.seat.SeatStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The seat-status read model fed by reservation-service. Idempotent through the inbox; order-tolerant through
 * {@link ReservationState} (an event older than the reservation's latest is ignored) and through the seat's holder
 * (see {@link Seat}: a release frees only the seats this reservation still has).
 *
 * <p>A batch of events is applied in one transaction with a few statements whatever its size: the concerts'
 * rows locked in one query, the reservations' states in one, each concert's seats in one; then the events in the
 * order received, one after the other on those rows in memory, exactly as one transaction per event would; then
 * one write of the states, one update per set of seats changed alike, and one bitmap update per concert after the
 * commit.
 */
@Component
public class ReservationEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(ReservationEventsHandler.class);

    private final ConcertRepository concerts;
    private final ReservationStateRepository states;
    private final SeatRepository seats;
    private final AvailabilityUpdates availability;

    public ReservationEventsHandler(ConcertRepository concerts, ReservationStateRepository states, SeatRepository seats,
                                    AvailabilityUpdates availability) {
        this.concerts = concerts;
        this.states = states;
        this.seats = seats;
        this.availability = availability;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ReservationEvent event) {
        applyAll(List.of(event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAll(List<ReservationEvent> events) {
        Map<Long, List<ReservationEvent>> byConcert = new TreeMap<>();
        events.forEach(event -> byConcert.computeIfAbsent(event.concertId(), c -> new ArrayList<>()).add(event));
        // The concerts' row locks make handlers (and seat blocking) of one concert take turns.
        Map<Long, Concert> locked = new HashMap<>();
        concerts.findAllForUpdate(byConcert.keySet()).forEach(concert -> locked.put(concert.concertId(), concert));
        for (long concertId : byConcert.keySet()) {
            if (!locked.containsKey(concertId)) {
                // Its ConcertCreated has not arrived yet: fail, so SQS redelivers this later.
                throw new IllegalStateException("concert " + concertId + " is not known yet");
            }
        }
        byConcert.keySet().removeIf(concertId -> locked.get(concertId).isDeleted());
        Set<Long> reservationIds = new LinkedHashSet<>();
        byConcert.values().forEach(list -> list.forEach(event -> reservationIds.add(event.reservationId())));
        Map<Long, ReservationState> applied = new HashMap<>();
        states.findAllForUpdate(reservationIds).forEach(state -> applied.put(state.reservationId(), state));

        Map<Long, ReservationState> newStates = new LinkedHashMap<>();
        byConcert.forEach((concertId, concertEvents) -> {
            ConcertChanges changes = apply(locked.get(concertId), concertEvents, applied, newStates);
            seats.saveInSets(concertId, changes.changed());
            availability.afterCommit(concertId, changes.statuses());
        });
        states.saveAll(newStates.values());
    }

    /** The seats that changed, and the status of every seat the applied events name (for the bitmap). */
    private record ConcertChanges(List<Seat> changed, Map<Integer, SeatStatus> statuses) {
    }

    private ConcertChanges apply(Concert concert, List<ReservationEvent> events, Map<Long, ReservationState> applied,
                                 Map<Long, ReservationState> newStates) {
        long concertId = concert.concertId();
        SeatIndex index = concert.seatIndex();
        List<Concert.SeatLookup> lookups = new ArrayList<>(events.size());
        Set<Integer> named = new LinkedHashSet<>();
        for (ReservationEvent event : events) {
            Concert.SeatLookup lookup = Concert.lookUp(index, event.seats());
            lookup.unknown().forEach(label -> log.warn("concert {} has no seat {}; ignored", concertId, label));
            lookups.add(lookup);
            named.addAll(lookup.indexes());
        }
        Map<Integer, Seat> before = new TreeMap<>();
        seats.lock(concertId, named).forEach(seat -> before.put(seat.index(), seat));
        Map<Integer, Seat> now = new TreeMap<>(before);
        Map<Integer, SeatStatus> statuses = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ReservationState announced = ReservationState.of(events.get(i));
            ReservationState known = applied.get(announced.reservationId());
            if (known != null && !announced.supersedes(known)) {
                log.debug("reservation {} r{} {} ignored: a newer revision was applied", announced.reservationId(),
                        announced.revision(), announced.status());
                continue;
            }
            applied.put(announced.reservationId(), announced);
            newStates.put(announced.reservationId(), announced);
            for (int seatIndex : lookups.get(i).indexes()) {
                Seat seat = now.get(seatIndex);
                if (seat != null) {
                    Seat after = announced.applyTo(seat);
                    now.put(seatIndex, after);
                    statuses.put(seatIndex, after.status());
                }
            }
        }
        List<Seat> changed = now.values().stream().filter(seat -> !seat.equals(before.get(seat.index()))).toList();
        return new ConcertChanges(changed, statuses);
    }
}
