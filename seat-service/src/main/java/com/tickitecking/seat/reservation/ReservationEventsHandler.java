package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.seat.availability.AvailabilityUpdates;
import com.tickitecking.seat.concert.Concert;
import com.tickitecking.seat.concert.ConcertRepository;
import com.tickitecking.seat.seat.SeatStatus;
import com.tickitecking.seat.seat.SeatRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The seat-status read model fed by reservation-service: Created holds seats, Confirmed reserves them, Cancelled
 * and Expired free them. Idempotent through the inbox; order-tolerant through reservation_state (an event older
 * than the reservation's latest is ignored, so a Cancelled that overtook its Created leaves the seats free) and
 * through the seat's reservation_id (a release frees only the seats this reservation still holds).
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
        switch (event) {
            case ReservationCreated e -> change(e.reservationId(), e.concertId(), e.revision(), e.seats(), "HELD", SeatStatus.HELD);
            case ReservationConfirmed e -> change(e.reservationId(), e.concertId(), e.revision(), e.seats(), "CONFIRMED", SeatStatus.RESERVED);
            case ReservationCancelled e -> change(e.reservationId(), e.concertId(), e.revision(), e.seats(), "CANCELLED", null);
            case ReservationExpired e -> change(e.reservationId(), e.concertId(), e.revision(), e.seats(), "EXPIRED", null);
        }
    }

    /** {@code claim} HELD or RESERVED, or null to release. */
    private void change(long reservationId, long concertId, long revision, List<String> labels, String state, SeatStatus claim) {
        // The concert's row lock makes handlers (and seat blocking) of one concert take turns.
        Concert concert = concerts.findForUpdate(concertId).orElseThrow(() ->
                // Its ConcertCreated has not arrived yet: fail, so SQS redelivers this later.
                new IllegalStateException("concert " + concertId + " is not known yet"));
        if (concert.isDeleted()) {
            return;
        }
        if (!states.advance(reservationId, concertId, revision, state)) {
            log.debug("reservation {} r{} {} ignored: a newer revision was applied", reservationId, revision, state);
            return;
        }
        Set<Integer> indexes = indexesOf(concert.seatIndex(), labels, concertId);
        if (claim != null) {
            seats.claim(concertId, indexes, claim, reservationId);
        } else {
            seats.release(concertId, indexes, reservationId);
        }
        availability.afterCommit(concertId, seats.statuses(concertId, indexes));
    }

    private static Set<Integer> indexesOf(SeatIndex index, List<String> labels, long concertId) {
        Set<Integer> indexes = new LinkedHashSet<>();
        for (String label : labels) {
            int i = SeatId.isValid(label) ? index.indexOf(SeatId.parse(label)) : -1;
            if (i < 0) {
                log.warn("concert {} has no seat {}; ignored", concertId, label);
            } else {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
