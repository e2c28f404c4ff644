package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationEvent;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seat-status read model fed by reservation-service. Idempotent through the inbox; order-tolerant through
 * {@link ReservationState} (an event older than the reservation's latest is ignored) and through the seat's holder
 * (see {@link Seat}: a release frees only the seats this reservation still has).
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
        long concertId = event.concertId();
        // The concert's row lock makes handlers (and seat blocking) of one concert take turns.
        Concert concert = concerts.findForUpdate(concertId).orElseThrow(() ->
                // Its ConcertCreated has not arrived yet: fail, so SQS redelivers this later.
                new IllegalStateException("concert " + concertId + " is not known yet"));
        if (concert.isDeleted()) {
            return;
        }
        ReservationState announced = ReservationState.of(event);
        Optional<ReservationState> applied = states.findForUpdate(announced.reservationId());
        if (applied.isPresent() && !announced.supersedes(applied.get())) {
            log.debug("reservation {} r{} {} ignored: a newer revision was applied", announced.reservationId(),
                    announced.revision(), announced.status());
            return;
        }
        if (applied.isEmpty()) {
            states.insert(announced);
        } else {
            states.update(announced);
        }
        Concert.SeatLookup lookup = concert.lookUp(event.seats());
        lookup.unknown().forEach(label -> log.warn("concert {} has no seat {}; ignored", concertId, label));
        List<Seat> changed = new ArrayList<>();
        Map<Integer, SeatStatus> statuses = new LinkedHashMap<>();
        for (Seat seat : seats.lock(concertId, lookup.indexes())) {
            Seat after = announced.applyTo(seat);
            if (!after.equals(seat)) {
                changed.add(after);
            }
            statuses.put(after.index(), after.status());
        }
        seats.save(changed);
        availability.afterCommit(concertId, statuses);
    }
}
